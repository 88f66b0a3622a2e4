/**
 * What a complete submission needs, item by item, done unless the API still lists it as missing (the same check
 * `submit` makes). Each open item says what is needed in the API's words and links to the step that completes
 * it. The review step shows it in full; the other steps show it beside the form as the seller's progress.
 */
import { Link } from 'react-router';
import { withColon } from '../i18n/index.ts';
import { documentKindLabel } from './CaseFacts.tsx';
import { checklist } from './kyb.ts';
import { verificationMessages as m } from './messages.ts';
import type { MissingItem } from './types.ts';

const itemLabel = (field: string) =>
  m.checklistItem[field] ??
  (field.startsWith('documents.') ? documentKindLabel(field.slice('documents.'.length)) : field);

export function Checklist(props: { missing: MissingItem[]; testId?: string }) {
  const items = checklist(props.missing);
  return (
    <ul className="kyb-checklist" data-testid={props.testId}>
      {items.map((item) => (
        <li key={item.field} className={item.done ? 'is-done' : 'is-missing'}>
          <span className="kyb-checklist__mark" aria-hidden="true">
            {item.done ? '✓' : '!'}
          </span>
          <span>
            <span className="visually-hidden">{withColon(item.done ? m.done : m.missing)} </span>
            {itemLabel(item.field)}
            {!item.done && (
              <span className="kyb-checklist__detail">
                {item.message && m.missingWhat(item.message)} ·{' '}
                <Link to={`?step=${item.step}`}>{m.fixIn(m.stepNames[item.step] ?? item.step)}</Link>
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

export const checklistProgress = (missing: MissingItem[]) => {
  const items = checklist(missing);
  return m.checklistDone(items.filter((i) => i.done).length, items.length);
};
