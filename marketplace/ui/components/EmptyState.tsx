import type { ReactNode } from 'react';

/** What a card shows when there is nothing to show: say why, and what would change that. */
export function EmptyState(props: { title: string; children?: ReactNode }) {
  return (
    <div className="ws-empty">
      <p className="ws-empty__title">{props.title}</p>
      {props.children && <div className="ws-empty__body">{props.children}</div>}
    </div>
  );
}
