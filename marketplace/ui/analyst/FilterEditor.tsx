/**
 * The query's filters: member, operator (the Cube operators that fit the member's type) and values, in the
 * inputs the operator needs: none for set/not set, two days for a date range, a number to compare with, or a
 * list, one value per line (values may hold commas: company names do).
 */
import { Button, Field } from '../components/index.ts';
import { cubesWith, type CubeMeta, type IndexedMember } from './cube-meta.ts';
import { operatorsFor, valueShape, type ExploreFilter } from './explore-query.ts';
import { analystMessages } from './messages.ts';
import { useRowFocus } from './useRowFocus.ts';

const m = analystMessages.explore;

export function FilterEditor(props: {
  meta: CubeMeta;
  index: Map<string, IndexedMember>;
  filters: ExploreFilter[];
  errors: Record<string, string>;
  onChange: (filters: ExploreFilter[]) => void;
}) {
  const section = useRowFocus(props.filters.length);
  const update = (i: number, change: Partial<ExploreFilter>) =>
    props.onChange(props.filters.map((f, j) => (j === i ? { ...f, ...change } : f)));
  const typeOf = (member: string) => {
    const found = props.index.get(member);
    return found?.kind === 'measure' ? 'number' : found?.member.type;
  };
  return (
    <fieldset className="explore-section" ref={section}>
      <legend>{m.filters}</legend>
      {props.filters.length === 0 && <p className="explore-section__empty">{m.noFilters}</p>}
      <ol className="explore-rows">
        {props.filters.map((filter, i) => {
          const n = i + 1;
          const operators = operatorsFor(typeOf(filter.member));
          const shape = valueShape(filter.operator);
          const error = props.errors[`filter-${n}`];
          return (
            <li key={i} className="explore-row">
              <Field label={m.filterMember(n)}>
                {({ id }) => (
                  <select
                    id={id}
                    value={filter.member}
                    onChange={(e) => {
                      const next = operatorsFor(typeOf(e.target.value));
                      const operator = next.includes(filter.operator) ? filter.operator : next[0]!;
                      update(i, {
                        member: e.target.value,
                        operator,
                        values: valueShape(operator) === shape ? filter.values : [],
                      });
                    }}
                  >
                    <option value="">{m.chooseMember}</option>
                    <MemberOptions meta={props.meta} />
                  </select>
                )}
              </Field>
              <Field label={m.filterOperator(n)}>
                {({ id }) => (
                  <select
                    id={id}
                    value={filter.operator}
                    onChange={(e) => {
                      const operator = e.target.value;
                      update(i, { operator, values: valueShape(operator) === shape ? filter.values : [] });
                    }}
                  >
                    {operators.map((op) => (
                      <option key={op} value={op}>
                        {m.operators[op] ?? op}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <FilterValues
                filter={filter}
                n={n}
                error={error}
                onChange={(values) => update(i, { values })}
              />
              <Button
                variant="ghost"
                className="explore-row__remove"
                onClick={() => props.onChange(props.filters.filter((_, j) => j !== i))}
              >
                {m.removeFilter(n)}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        data-add-row
        onClick={() => props.onChange([...props.filters, { member: '', operator: 'equals', values: [] }])}
      >
        {m.addFilter}
      </Button>
    </fieldset>
  );
}

function FilterValues(props: {
  filter: ExploreFilter;
  n: number;
  error?: string;
  onChange: (values: string[]) => void;
}) {
  const { filter, n, error } = props;
  const shape = valueShape(filter.operator);
  if (shape === 'none') return error ? <p className="ws-field__error">{error}</p> : null;
  if (shape === 'dateRange')
    return (
      <div className="explore-range">
        <Field
          label={m.filterFrom(n)}
          type="date"
          value={filter.values[0] ?? ''}
          error={error}
          onChange={(e) => props.onChange([e.target.value, filter.values[1] ?? ''])}
        />
        <Field
          label={m.filterTo(n)}
          type="date"
          value={filter.values[1] ?? ''}
          onChange={(e) => props.onChange([filter.values[0] ?? '', e.target.value])}
        />
      </div>
    );
  if (shape === 'date' || shape === 'number')
    return (
      <Field
        label={m.filterValue(n)}
        type={shape === 'date' ? 'date' : 'text'}
        inputMode={shape === 'number' ? 'decimal' : undefined}
        value={filter.values[0] ?? ''}
        error={error}
        onChange={(e) => props.onChange([e.target.value])}
      />
    );
  return (
    <Field label={m.filterValues(n)} hint={m.valuesHint} error={error}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={2}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={filter.values.join('\n')}
          onChange={(e) => props.onChange(e.target.value.split('\n'))}
        />
      )}
    </Field>
  );
}

/** Every member a filter can use, grouped by cube: dimensions, then measures (a measure filter is a HAVING). */
export function MemberOptions(props: { meta: CubeMeta; only?: ReadonlySet<string> }) {
  const dimensions = new Map(cubesWith(props.meta, 'dimension').map((g) => [g.cube.name, g.members]));
  const measures = new Map(cubesWith(props.meta, 'measure').map((g) => [g.cube.name, g.members]));
  return (
    <>
      {props.meta.cubes
        .filter((cube) => cube.public !== false)
        .map((cube) => {
          const members = [...(dimensions.get(cube.name) ?? []), ...(measures.get(cube.name) ?? [])].filter(
            (member) => !props.only || props.only.has(member.name),
          );
          return members.length === 0 ? null : (
            <optgroup key={cube.name} label={cube.title}>
              {members.map((member) => (
                <option key={member.name} value={member.name}>
                  {member.shortTitle}
                </option>
              ))}
            </optgroup>
          );
        })}
    </>
  );
}
