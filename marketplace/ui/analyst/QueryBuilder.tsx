/**
 * The explorer's form: members, time, filters, order and limit, edited as a draft and run as one Cube query.
 * Problems are checked here first (each named in a sentence, next to its field and in a list on top of the Run
 * button); what only the API can judge (access, joins) comes back from it.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Button, Notice } from '../components/index.ts';
import { cubeNameOf, type CubeMeta, type IndexedMember } from './cube-meta.ts';
import {
  MAX_LIMIT,
  queryFromDraft,
  type CubeQuery,
  type DraftProblem,
  type ExploreDraft,
} from './explore-query.ts';
import { FilterEditor } from './FilterEditor.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { analystMessages } from './messages.ts';
import { OrderLimit } from './OrderLimit.tsx';
import { TimeControls } from './TimeControls.tsx';

const m = analystMessages.explore;

const problemText = (p: DraftProblem): string => {
  if (p.problem === 'limit') return m.problem.limit(MAX_LIMIT);
  const text = m.problem[p.problem];
  return typeof text === 'function' ? text(p.n ?? 0) : text;
};

export function QueryBuilder(props: {
  meta: CubeMeta;
  index: Map<string, IndexedMember>;
  initial: ExploreDraft;
  running: boolean;
  onRun: (query: CubeQuery) => void;
  onReset: () => void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const change = (next: Partial<ExploreDraft>) => setDraft((d) => ({ ...d, ...next }));

  const usedCubes = useMemo(
    () =>
      new Set(
        [...draft.measures, ...draft.dimensions, draft.timeDimension, ...draft.filters.map((f) => f.member)]
          .filter(Boolean)
          .map(cubeNameOf),
      ),
    [draft],
  );
  const titleOf = (member: string) => props.index.get(member)?.member.title ?? member;
  const typeOf = (member: string) => {
    const found = props.index.get(member);
    return found?.kind === 'measure' ? 'number' : found?.member.type;
  };
  const errors = Object.fromEntries(problems.map((p) => [p.where, problemText(p)]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { query, problems: found } = queryFromDraft(draft, typeOf);
    setProblems(found);
    if (found.length === 0) props.onRun(query);
  };

  return (
    <form className="explore-builder" onSubmit={submit} noValidate aria-label={m.builder}>
      <MemberPicker
        meta={props.meta}
        kind="measure"
        title={m.measures}
        selected={draft.measures}
        usedCubes={usedCubes}
        titleOf={titleOf}
        onChange={(measures) => change({ measures })}
      />
      <MemberPicker
        meta={props.meta}
        kind="dimension"
        title={m.dimensions}
        selected={draft.dimensions}
        usedCubes={usedCubes}
        titleOf={titleOf}
        onChange={(dimensions) => change({ dimensions })}
      />
      <TimeControls
        meta={props.meta}
        draft={draft}
        usedCubes={usedCubes}
        error={errors.time}
        onChange={change}
      />
      <FilterEditor
        meta={props.meta}
        index={props.index}
        filters={draft.filters}
        errors={errors}
        onChange={(filters) => change({ filters })}
      />
      <OrderLimit draft={draft} titleOf={titleOf} errors={errors} onChange={change} />
      {problems.length > 0 && (
        <Notice tone="negative" title={m.problems} alert>
          <ul>
            {problems.map((p) => (
              <li key={`${p.where}-${p.problem}`}>{problemText(p)}</li>
            ))}
          </ul>
        </Notice>
      )}
      <div className="explore-builder__actions explore-builder__run">
        <Button type="submit" busy={props.running}>
          {props.running ? m.running : m.run}
        </Button>
        <Button variant="secondary" onClick={props.onReset}>
          {m.reset}
        </Button>
      </div>
    </form>
  );
}
