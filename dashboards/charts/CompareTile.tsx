/**
 * A headline number with its changes against the comparison periods (previous period, same period last year).
 * A change that cannot be computed (no data then, or nothing to divide by) reads "—" with the reason in a
 * tooltip, never a made-up 0 %. It keeps KpiTile's markup (`.ws-kpi`, `data-value`), so the tests and the
 * theme treat both alike; KpiTile itself shows one change and nothing when there is none.
 */
import { useId } from 'react';
import { Skeleton } from '../../marketplace/ui/components/index.ts';
import '../controls/controls.css';
import { formatChange } from '../format.ts';
import { chartMessages as m } from './messages.ts';

export interface TileChange {
  /** "vs previous 30 days". */
  label: string;
  /** Fraction (percent) or difference of two shares (points); null when there is nothing to compare with. */
  delta: number | null;
  unit?: 'percent' | 'points';
  /** Why there is no change, for the tooltip: "No orders in Sep 30 – Oct 29, 2026". */
  missing?: string;
}

export function CompareTile(props: {
  label: string;
  value: string | null;
  raw?: number | null;
  changes?: TileChange[];
  note?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="ws-kpi" data-testid={props.testId} data-value={props.raw ?? undefined}>
      <p className="ws-kpi__label">{props.label}</p>
      {props.value === null ? (
        <Skeleton height={36} width="70%" label={m.loading(props.label)} />
      ) : (
        <p className="ws-kpi__value" aria-live="polite">
          {props.value}
        </p>
      )}
      {props.note && props.value !== null && <p className="ws-kpi__note">{props.note}</p>}
      {props.value !== null && props.changes && props.changes.length > 0 && (
        <ul className="kpi-changes">
          {props.changes.map((c, i) => {
            if (c.delta === null) {
              const tipId = `${id}-tip-${i}`;
              return (
                <li key={c.label} className="kpi-change kpi-change--none" data-change="none">
                  {/* Focusable so keyboard users reach the tooltip too; it is the element's description. */}
                  <span className="has-tip" tabIndex={0} aria-describedby={tipId}>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">{m.noChange}</span>
                  </span>
                  <span className="ws-kpi__delta-label"> {c.label}</span>
                  <span role="tooltip" id={tipId} className="tip">
                    {c.missing ?? m.nothingToCompare}
                  </span>
                </li>
              );
            }
            const direction = c.delta > 0 ? 'up' : c.delta < 0 ? 'down' : 'flat';
            return (
              <li key={c.label} className={`kpi-change ws-kpi__delta--${direction}`} data-change={c.delta}>
                <span aria-hidden="true">{direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▶'}</span>{' '}
                {formatChange(c.delta, c.unit ?? 'percent')}
                <span className="ws-kpi__delta-label"> {c.label}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
