/** A claim's history, oldest first: each step, when (local time), which side took it, its note and its terms. */
import { formatDateTime } from '../data/dates.ts';
import { withColon } from '../i18n/index.ts';
import { claimMessages as m } from './messages.ts';
import { outcomeText } from './status.ts';
import type { ClaimSide, ClaimTimelineEntry } from './types.ts';

const ACTION: Record<string, string> = m.action;

/** The terms a step carried: the manufacturer's offer, Wholesail's decision. */
function terms(entry: ClaimTimelineEntry, currency: string): string | null {
  const d = entry.details;
  const amount = typeof d.amountMinor === 'number' ? d.amountMinor : null;
  if (entry.action === 'responded')
    return d.decision === 'disputed'
      ? m.disputes
      : m.offers(outcomeText(String(d.proposedOutcome ?? ''), amount, currency));
  if (entry.action === 'resolved') return outcomeText(String(d.outcome ?? ''), amount, currency);
  return null;
}

export function ClaimTimeline(props: { entries: ClaimTimelineEntry[]; side: ClaimSide; currency: string }) {
  return (
    <ol className="timeline" data-testid="claim-timeline">
      {props.entries.map((e, i) => {
        const said = terms(e, props.currency);
        const mine = (e.by === 'buyer' || e.by === 'seller') && e.by === props.side;
        return (
          <li key={`${e.action}-${e.at}-${i}`} className="timeline__entry">
            <p className="timeline__status">{ACTION[e.action] ?? e.action}</p>
            <p className="muted">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {m.byWhom(mine ? m.you : m.by[e.by])}
            </p>
            {said && <p>{said}</p>}
            {e.note && e.action !== 'opened' && (
              <p>
                {withColon(m.note)} {e.note}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
