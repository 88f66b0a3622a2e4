import { formatPercent } from '../i18n/numbers.ts';
import { componentMessages as m } from './messages.ts';
import { Skeleton } from './Skeleton.tsx';

export interface KpiTileProps {
  label: string;
  /** Already formatted for people ("$12,340"); null while loading. */
  value: string | null;
  /** The raw number behind `value`, exposed as data-value for tests and exports. */
  raw?: number | null;
  /** Change against the comparison period as a fraction (0.12 = +12%). */
  delta?: number | null;
  deltaLabel?: string;
  /** A short second line ("repeat rate 100%"). */
  note?: string;
  testId?: string;
}

/** One headline number with its label and, optionally, its change against a previous period. */
export function KpiTile({ label, value, raw, delta, deltaLabel, note, testId }: KpiTileProps) {
  const direction = delta == null ? null : delta >= 0 ? 'up' : 'down';
  return (
    <div className="ws-kpi" data-testid={testId} data-value={raw ?? undefined}>
      <p className="ws-kpi__label">{label}</p>
      {value === null ? (
        <Skeleton height={36} width="70%" label={m.loadingWhat(label)} />
      ) : (
        <p className="ws-kpi__value" aria-live="polite">
          {value}
        </p>
      )}
      {note && value !== null && <p className="ws-kpi__note">{note}</p>}
      {delta != null && direction && (
        <p className={`ws-kpi__delta ws-kpi__delta--${direction}`}>
          <span aria-hidden="true">{direction === 'up' ? '▲' : '▼'}</span>{' '}
          {`${direction === 'up' ? '+' : '−'}${formatPercent(Math.abs(delta))}`}
          {deltaLabel && <span className="ws-kpi__delta-label"> {deltaLabel}</span>}
        </p>
      )}
    </div>
  );
}
