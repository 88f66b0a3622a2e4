/** The query's order (by any selected member, in turn) and its row limit. */
import { Button, Field } from '../components/index.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, type ExploreDraft } from './explore-query.ts';
import { analystMessages } from './messages.ts';
import { useRowFocus } from './useRowFocus.ts';

const m = analystMessages.explore;

export function OrderLimit(props: {
  draft: ExploreDraft;
  titleOf: (member: string) => string;
  errors: Record<string, string>;
  onChange: (change: Partial<ExploreDraft>) => void;
}) {
  const { draft } = props;
  const choices = [draft.timeDimension, ...draft.dimensions, ...draft.measures].filter(Boolean);
  const setOrder = (order: ExploreDraft['order']) => props.onChange({ order });
  const section = useRowFocus(draft.order.length);
  return (
    <fieldset className="explore-section" ref={section}>
      <legend>{m.orderAndLimit}</legend>
      {draft.order.length === 0 && <p className="explore-section__empty">{m.noOrder}</p>}
      <ol className="explore-rows">
        {draft.order.map((o, i) => {
          const n = i + 1;
          const options = choices.includes(o.member) || !o.member ? choices : [o.member, ...choices];
          return (
            <li key={i} className="explore-row explore-row--order">
              <Field label={m.orderBy(n)} error={props.errors[`order-${n}`]}>
                {({ id, describedBy, invalid }) => (
                  <select
                    id={id}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    value={o.member}
                    onChange={(e) =>
                      setOrder(draft.order.map((x, j) => (j === i ? { ...x, member: e.target.value } : x)))
                    }
                  >
                    {options.map((member) => (
                      <option key={member} value={member}>
                        {props.titleOf(member)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={m.direction(n)}>
                {({ id }) => (
                  <select
                    id={id}
                    value={o.desc ? 'desc' : 'asc'}
                    onChange={(e) =>
                      setOrder(
                        draft.order.map((x, j) => (j === i ? { ...x, desc: e.target.value === 'desc' } : x)),
                      )
                    }
                  >
                    <option value="asc">{m.ascending}</option>
                    <option value="desc">{m.descending}</option>
                  </select>
                )}
              </Field>
              <Button
                variant="ghost"
                className="explore-row__remove"
                onClick={() => setOrder(draft.order.filter((_, j) => j !== i))}
              >
                {m.removeOrder(n)}
              </Button>
            </li>
          );
        })}
      </ol>
      {choices.length > draft.order.length && (
        <Button
          variant="secondary"
          data-add-row
          onClick={() => {
            const used = new Set(draft.order.map((o) => o.member));
            const member = choices.find((c) => !used.has(c)) ?? choices[0]!;
            // Numbers read best largest first; time oldest first.
            setOrder([...draft.order, { member, desc: draft.measures.includes(member) }]);
          }}
        >
          {m.addOrder}
        </Button>
      )}
      <Field
        label={m.limit}
        inputMode="numeric"
        value={draft.limit}
        hint={m.limitHint(MAX_LIMIT, DEFAULT_LIMIT)}
        error={props.errors.limit}
        onChange={(e) => props.onChange({ limit: e.target.value })}
      />
    </fieldset>
  );
}
