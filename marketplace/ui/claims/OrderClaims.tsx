/**
 * The order page's "Problems with this order" card: the order's claims, each linked to its page, and for the
 * buyer "Report a problem" when the API would take a claim now (delivered, within the claim window, no other
 * claim open), or the reason it would not. Mounted once in orders/OrderDetailPage.tsx; shows nothing on an
 * order that has no claim and cannot have one yet for a manufacturer or platform staff.
 */
import './claims.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Badge, Button, Card } from '../components/index.ts';
import { formatDate, formatDateTime } from '../data/dates.ts';
import { useApi } from '../data/useApi.ts';
import type { OrderDetails, Side } from '../orders/types.ts';
import { CLAIM_WINDOW_DAYS, claimEligibility, OPEN_STATUSES } from './claim-rules.ts';
import { ClaimForm } from './ClaimForm.tsx';
import { claimMessages as m } from './messages.ts';
import { claimStatusLabel, claimStatusTone, claimTypeLabel } from './status.ts';
import type { ClaimPage } from './types.ts';

export function OrderClaims(props: { order: OrderDetails; side: Side }) {
  const { order, side } = props;
  const { me } = useSession();
  // Re-read with the order (the page re-reads it every few seconds), so a claim closed elsewhere shows here.
  const claims = useApi<ClaimPage>(`/api/v1/claims?orderId=${order.id}&limit=20`, { refreshMs: 10_000 });
  const [formOpen, setFormOpen] = useState(false);
  const items = claims.data?.items ?? [];
  if (side !== 'buyer' && items.length === 0) return null;

  const eligibility = claimEligibility({
    orderStatus: order.status,
    deliveredAt: order.deliveredAt,
    mayPlaceOrders: Boolean(me?.permissions.includes('orders:place')),
    hasOpenClaim: items.some((c) => OPEN_STATUSES.includes(c.status)),
    now: new Date(),
  });

  return (
    <Card title={m.orderCard}>
      {items.length > 0 && (
        <>
          <h3 className="subheading">{m.claimsOnOrder}</h3>
          <ul className="claim-links">
            {items.map((c) => (
              <li key={c.id}>
                <Link to={`/claims/${c.id}`}>{m.claimLink(c.id)}</Link>{' '}
                <Badge tone={claimStatusTone(c.status)}>{claimStatusLabel(c.status)}</Badge>
                <span className="muted">
                  {' '}
                  {claimTypeLabel(c.type)} · <time dateTime={c.openedAt}>{formatDateTime(c.openedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {side === 'buyer' &&
        !claims.loading &&
        (formOpen && eligibility.ok ? (
          <FocusOnMount>
            <ClaimForm order={order} onCancel={() => setFormOpen(false)} />
          </FocusOnMount>
        ) : eligibility.ok ? (
          <div className="claim-report">
            <p className="muted">{m.reportHint(formatDate(eligibility.closesAt.toISOString()))}</p>
            <Button variant="secondary" onClick={() => setFormOpen(true)}>
              {m.report}
            </Button>
          </div>
        ) : (
          <p className="muted" data-testid="claim-unavailable">
            {eligibility.why === 'window_closed'
              ? m.windowClosed(CLAIM_WINDOW_DAYS, formatDate(eligibility.closesAt.toISOString()))
              : m.whyNot[eligibility.why]}
          </p>
        ))}
    </Card>
  );
}

/** Moves focus to the form's heading when it opens, so keyboard and screen-reader users land on it. */
function FocusOnMount(props: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }, []);
  return <div ref={box}>{props.children}</div>;
}
