/**
 * The query's time dimension: which one, grouped by what, over which UTC days. Quick ranges fill in explicit
 * days, so a shared link keeps showing the same period.
 */
import { Button, Field } from '../components/index.ts';
import { combinable, timeDimensions, type CubeMeta } from './cube-meta.ts';
import { GRANULARITIES, presetRange, type ExploreDraft } from './explore-query.ts';
import { analystMessages } from './messages.ts';

const m = analystMessages.explore;
const PRESETS = ['last7', 'last30', 'last90', 'thisYear', 'allTime'] as const;

export function TimeControls(props: {
  meta: CubeMeta;
  draft: ExploreDraft;
  usedCubes: ReadonlySet<string>;
  error?: string;
  onChange: (change: Partial<ExploreDraft>) => void;
}) {
  const { draft } = props;
  const groups = timeDimensions(props.meta);
  return (
    <fieldset className="explore-section">
      <legend>{m.time}</legend>
      <Field label={m.timeDimension}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={draft.timeDimension}
            onChange={(e) =>
              props.onChange(
                e.target.value ? { timeDimension: e.target.value } : { timeDimension: '', granularity: '' },
              )
            }
          >
            <option value="">{m.noTime}</option>
            {groups.map(({ cube, members }) => (
              <optgroup key={cube.name} label={cube.title}>
                {members.map((member) => (
                  <option
                    key={member.name}
                    value={member.name}
                    disabled={
                      member.name !== draft.timeDimension &&
                      !combinable(props.meta, withoutTime(props.usedCubes, draft), cube)
                    }
                  >
                    {member.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      {draft.timeDimension && (
        <>
          <Field label={m.granularity}>
            {({ id }) => (
              <select
                id={id}
                value={draft.granularity}
                onChange={(e) => props.onChange({ granularity: e.target.value })}
              >
                <option value="">{m.noGranularity}</option>
                {GRANULARITIES.map((g) => (
                  <option key={g} value={g}>
                    {m.granularities[g]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="explore-range">
            <Field
              label={m.from}
              type="date"
              value={draft.from}
              error={props.error}
              onChange={(e) => props.onChange({ from: e.target.value })}
            />
            <Field
              label={m.to}
              type="date"
              value={draft.to}
              onChange={(e) => props.onChange({ to: e.target.value })}
            />
          </div>
          <p className="ws-field__hint">{m.rangeHint}</p>
          <div className="explore-presets" role="group" aria-label={m.presets}>
            {PRESETS.map((preset) => (
              <Button key={preset} variant="secondary" onClick={() => props.onChange(presetRange(preset))}>
                {m.preset[preset]}
              </Button>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}

/** The cubes used apart from the time dimension's own, which the choice of time dimension replaces. */
function withoutTime(used: ReadonlySet<string>, draft: ExploreDraft): ReadonlySet<string> {
  if (!draft.timeDimension) return used;
  const cube = draft.timeDimension.split('.')[0]!;
  const others = [...draft.measures, ...draft.dimensions, ...draft.filters.map((f) => f.member)];
  return others.some((name) => name.startsWith(`${cube}.`))
    ? used
    : new Set([...used].filter((c) => c !== cube));
}
