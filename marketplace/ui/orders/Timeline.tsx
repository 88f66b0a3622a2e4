import { formatDateTime } from '../data/dates.ts';
import { withColon } from '../i18n/index.ts';
import { orderMessages as m } from './messages.ts';
import { statusLabel } from './status.ts';
import type { Side, TimelineEntry } from './types.ts';

/** The order's history, oldest first, as an ordered list: each step, when (local time), who, and why. */
export function Timeline(props: { entries: TimelineEntry[]; side: Side }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {props.entries.map((e, i) => (
        <li key={`${e.to}-${e.at}-${i}`} className="timeline__entry">
          <p className="timeline__status">{statusLabel(e.to)}</p>
          <p className="muted">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
            {m.byWhom(e.by === props.side ? m.you : (m.by[e.by] ?? e.by))}
          </p>
          {e.reason && (
            <p>
              {withColon(m.reason)} {e.reason}
            </p>
          )}
          {e.details.carrier && (
            <p>
              {e.details.carrier} · {e.details.trackingNumber}
              {e.details.trackingUrl && (
                <>
                  {' · '}
                  <a href={e.details.trackingUrl} target="_blank" rel="noreferrer noopener">
                    {m.trackingOpen}
                  </a>
                </>
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
