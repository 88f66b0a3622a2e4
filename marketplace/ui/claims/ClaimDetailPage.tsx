/**
 * `/claims/:id`: one claim for its buyer, its manufacturer or Wholesail. What was reported (reason, what the
 * buyer asks for, the description, lines and units, what those units are worth), the manufacturer's answer,
 * the resolution with the amount refunded, the photos, the dated timeline, and the steps the viewer may take
 * now. Re-read every few seconds, since the other side may act at any time; anyone else is told it does not
 * exist, as the API tells them.
 */
import './claims.css';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Badge, Card, DataTable, EmptyState, PageTitle, Notice, Skeleton } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { withColon } from '../i18n/index.ts';
import { DISPUTES_TAB } from './admin-tab.ts';
import { ClaimActions } from './ClaimActions.tsx';
import type { OpenedState } from './ClaimForm.tsx';
import { ClaimPhotos } from './ClaimPhotos.tsx';
import { OPEN_STATUSES } from './claim-rules.ts';
import { ClaimTimeline } from './ClaimTimeline.tsx';
import { claimMessages as m } from './messages.ts';
import {
  claimStatusLabel,
  claimStatusTone,
  claimTypeLabel,
  outcomeText,
  requestedLabel,
  sideOf,
} from './status.ts';
import type { ClaimDetails, ClaimLine } from './types.ts';

const REFRESH_MS = 5_000;
/** The permission each side acts with (marketplace/claims/claim-state-machine.ts, PARTY_PERMISSION). */
const ACTS_WITH = { buyer: 'orders:place', seller: 'orders:manage', platform: 'platform:admin' } as const;

export default function ClaimDetailPage() {
  const { id } = useParams();
  const claim = useApi<ClaimDetails>(`/api/v1/claims/${id}`, { refreshMs: REFRESH_MS });
  if (claim.loading) return <Skeleton height={240} label={m.loading} />;
  if (!claim.data) {
    const status = (claim.error as { status?: number } | null)?.status;
    // 404 (not found, or another company's claim) and 400 (not a claim id) read the same to a person.
    const missing = status === 404 || status === 400;
    return (
      <Card>
        <PageTitle title={missing ? m.notFound : m.loadError} />
        <EmptyState title={missing ? m.notFound : messageOf(claim.error)}>
          {missing && <p>{m.notFoundHint}</p>}
          <Link to="/claims">{m.back}</Link>
        </EmptyState>
      </Card>
    );
  }
  return <ClaimView claim={claim.data} onChange={claim.set} reload={claim.reload} />;
}

function ClaimView(props: {
  claim: ClaimDetails;
  onChange: (c: ClaimDetails) => void;
  reload: () => Promise<void>;
}) {
  const { claim } = props;
  const { me } = useSession();
  const location = useLocation();
  const opened = (location.state as OpenedState | null)?.opened ? (location.state as OpenedState) : null;
  const side = sideOf(claim, me?.companyId);
  // The API values a refund request; a replacement asks for goods, so it has no amount to show.
  const value = claim.amountAskedMinor;
  const mayAct = Boolean(me?.permissions.includes(ACTS_WITH[side]));
  const isOpen = OPEN_STATUSES.includes(claim.status);

  return (
    <>
      <p className="breadcrumb">
        {/* Wholesail's admins come here from the Disputes tab and go back there. */}
        {side === 'platform' && me?.permissions.includes('platform:admin') ? (
          <Link to={DISPUTES_TAB.path}>← {DISPUTES_TAB.label}</Link>
        ) : (
          <Link to="/claims">← {m.back}</Link>
        )}
      </p>
      <PageTitle
        title={m.detailTitle(claim.id)}
        description={
          <>
            <Link to={`/orders/${claim.orderId}`}>{m.orderLink(claim.orderId)}</Link> ·{' '}
            {side === 'seller' ? m.for(claim.buyer.name) : m.from(claim.seller.name)}
            {side === 'platform' && ` · ${m.for(claim.buyer.name)}`} ·{' '}
            {m.openedAt(formatDateTime(claim.openedAt))}{' '}
            <Badge tone={claimStatusTone(claim.status)} testId="claim-status">
              {claimStatusLabel(claim.status)}
            </Badge>
          </>
        }
      />
      {opened && opened.photosRefused.length === 0 && claim.status === 'open' && (
        <Notice tone="positive">{m.opened}</Notice>
      )}
      <div className="order-layout">
        <div className="stack">
          <Card title={m.actions}>
            {mayAct ? (
              <ClaimActions claim={claim} onChange={props.onChange} />
            ) : (
              <p className="muted">{side === 'platform' || !isOpen ? m.noActions : m.readOnly}</p>
            )}
          </Card>
          {claim.resolution && (
            <Card title={m.resolution}>
              <dl className="facts" data-testid="claim-resolution">
                <dt>{m.outcomeHeading}</dt>
                <dd>{outcomeText(claim.resolution.outcome, null, claim.currency)}</dd>
                {claim.resolution.amountMinor > 0 && (
                  <>
                    <dt>{m.refunded}</dt>
                    <dd data-testid="claim-refunded">
                      {formatMoney(claim.resolution.amountMinor, claim.currency)}
                    </dd>
                  </>
                )}
                {claim.resolution.note && (
                  <>
                    <dt>{m.note}</dt>
                    <dd>{claim.resolution.note}</dd>
                  </>
                )}
              </dl>
              <p className="muted">
                {m.resolvedBy[claim.resolution.resolvedBy]} ·{' '}
                <time dateTime={claim.resolution.at}>{formatDateTime(claim.resolution.at)}</time>
              </p>
            </Card>
          )}
          <Card title={m.reported}>
            <dl className="facts">
              <dt>{m.reason}</dt>
              <dd>{claimTypeLabel(claim.type)}</dd>
              <dt>{m.asks}</dt>
              <dd>{requestedLabel(claim.requestedOutcome)}</dd>
              <dt>{m.descriptionLabel}</dt>
              <dd className="claim-description">{claim.description}</dd>
            </dl>
            <DataTable<ClaimLine>
              caption={m.lines}
              rows={claim.lines}
              rowKey={(l) => String(l.lineNo)}
              columns={[
                {
                  key: 'product',
                  header: m.product,
                  render: (l) => (
                    <span className="order-cell">
                      <span>{l.name}</span>
                      <span className="muted">{l.sku}</span>
                    </span>
                  ),
                },
                { key: 'ordered', header: m.ordered, numeric: true, render: (l) => l.ordered },
                { key: 'claimed', header: m.claimed, numeric: true, render: (l) => l.quantity },
              ]}
            />
            {value !== null && (
              <dl className="totals">
                <div>
                  <dt>
                    {m.claimedValue}
                    <span className="choice-list__hint">{m.claimedValueHint}</span>
                  </dt>
                  <dd data-testid="claimed-value">{formatMoney(value, claim.currency)}</dd>
                </div>
              </dl>
            )}
          </Card>
          {claim.response && (
            <Card title={m.answer}>
              <p data-testid="claim-answer">
                {claim.response.decision === 'disputed'
                  ? m.disputes
                  : m.offers(
                      outcomeText(
                        claim.response.proposedOutcome ?? '',
                        claim.response.proposedAmountMinor,
                        claim.currency,
                      ),
                    )}
              </p>
              {claim.response.note && (
                <p>
                  {withColon(m.note)} {claim.response.note}
                </p>
              )}
              <p className="muted">
                <time dateTime={claim.response.at}>{formatDateTime(claim.response.at)}</time>
              </p>
            </Card>
          )}
        </div>
        <div className="stack">
          <ClaimPhotos
            claim={claim}
            side={side}
            mayAdd={isOpen && side !== 'platform' && mayAct}
            refusedEarlier={opened?.photosRefused}
            onAdded={props.reload}
          />
          <Card title={m.timeline} subtitle={m.live}>
            <ClaimTimeline entries={claim.timeline} side={side} currency={claim.currency} />
          </Card>
        </div>
      </div>
    </>
  );
}
