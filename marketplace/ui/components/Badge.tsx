import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'positive' | 'warning' | 'negative';

/** A short status word in a coloured pill (order status, "Verified"). The text carries the meaning, not colour. */
export function Badge(props: { tone?: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span className={`ws-badge ws-badge--${props.tone ?? 'neutral'}`} data-testid={props.testId}>
      {props.children}
    </span>
  );
}

/** A count next to a navigation entry ("Cart 3"); the label says what is counted for screen readers. */
export function CountBadge(props: { count: number; label: string }) {
  if (props.count <= 0) return null;
  return (
    <span className="ws-count" aria-label={props.label}>
      {props.count}
    </span>
  );
}
