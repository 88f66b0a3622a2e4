/** One order, for either side: status, timeline, lines, totals, invoice, and the next steps the API allows. */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Badge, Button, Card, EmptyState, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { downloadWithSession } from '../data/download.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi, useApiSend } from '../data/useApi.ts';
import { OrderClaims } from '../claims/OrderClaims.tsx';
import { OrderConversationCard } from '../messages/StartConversation.tsx';
import { canBuy, useCart } from '../storefront/CartContext.tsx';
import type { Cart } from '../storefront/types.ts';
import { orderMessages as m } from './messages.ts';
import { OrderActions } from './OrderActions.tsx';
import { OrderLinesTable } from './OrderLinesTable.tsx';
import { OrderReview } from '../reviews/OrderReview.tsx';
import { statusLabel, statusTone } from './status.ts';
import { Timeline } from './Timeline.tsx';
import type { Invoice, OrderDetails, Side } from './types.ts';

/** The other side may act at any time; re-reading keeps the timeline current without a reload. */
const REFRESH_MS = 4_000;
const INVOICED = new Set(['placed', 'accepted', 'processing', 'shipped', 'delivered', 'completed']);

export default function OrderDetailPage() {
  const { id } = useParams();
  const { me } = useSession();
  const order = useApi<OrderDetails>(`/api/v1/orders/${id}`, { refreshMs: REFRESH_MS });
  if (order.loading) return <Skeleton height={240} label={m.loading} />;
  if (!order.data)
    return (
      <Card>
        <PageTitle title={m.notFound} />
        <EmptyState title={m.notFound}>
          <Link to="/orders">{m.back}</Link>
        </EmptyState>
      </Card>
    );
  const o = order.data;
  const side: Side =
    me?.companyId === o.sellerCompanyId
      ? 'seller'
      : me?.companyId === o.buyerCompanyId
        ? 'buyer'
        : 'platform';
  return <OrderView order={o} side={side} onChange={order.set} />;
}

function OrderView({
  order,
  side,
  onChange,
}: {
  order: OrderDetails;
  side: Side;
  onChange: (o: OrderDetails) => void;
}) {
  const { me } = useSession();
  const invoice = useApi<Invoice>(INVOICED.has(order.status) ? `/api/v1/orders/${order.id}/invoice` : null);
  const mayAct =
    side !== 'platform' && me?.permissions.includes(side === 'buyer' ? 'orders:place' : 'orders:manage');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/orders">← {m.back}</Link>
      </p>
      <PageTitle
        title={m.detailTitle(order.id)}
        description={
          <>
            {side === 'seller' ? m.to(order.buyerName) : m.from(order.sellerName)}
            {side === 'platform' && ` · ${m.to(order.buyerName)}`} ·{' '}
            {m.placedAt(formatDateTime(order.placedAt))}{' '}
            <Badge tone={statusTone(order.status)} testId="order-status">
              {statusLabel(order.status)}
            </Badge>
          </>
        }
        actions={side === 'buyer' && canBuy(me) ? <ReorderButton orderId={order.id} /> : undefined}
      />
      <div className="order-layout">
        <div className="stack">
          {side !== 'platform' && (
            <Card title={m.actions}>
              {mayAct ? (
                <OrderActions order={order} side={side} onChange={onChange} />
              ) : (
                <p className="muted">{m.readOnly}</p>
              )}
            </Card>
          )}
          <Card title={m.lines}>
            <OrderLinesTable caption={m.lines} lines={order.lines} currency={order.currency} />
            <Totals order={order} invoice={invoice.data} />
          </Card>
          <OrderReview order={order} side={side} />
          <OrderClaims order={order} side={side} />
        </div>
        <div className="stack">
          <Card title={m.timeline} subtitle={m.live}>
            <Timeline entries={order.timeline} side={side} />
          </Card>
          {order.shipment && (
            <Card title={m.shipment}>
              <dl className="facts">
                <dt>{m.carrier}</dt>
                <dd>{order.shipment.carrier}</dd>
                <dt>{m.trackingNumber}</dt>
                <dd data-testid="tracking-number">{order.shipment.trackingNumber}</dd>
              </dl>
              {order.shipment.trackingUrl && (
                <a href={order.shipment.trackingUrl} target="_blank" rel="noreferrer noopener">
                  {m.trackingOpen}
                </a>
              )}
            </Card>
          )}
          {invoice.data && <InvoiceCard orderId={order.id} invoice={invoice.data} />}
          <OrderConversationCard order={order} side={side} />
        </div>
      </div>
    </>
  );
}

function Totals({ order, invoice }: { order: OrderDetails; invoice: Invoice | null }) {
  return (
    <>
      <dl className="totals">
        <div>
          <dt>{m.subtotal}</dt>
          <dd>{formatMoney(order.subtotalMinor, order.currency)}</dd>
        </div>
        {invoice && (
          <>
            <div>
              <dt>{m.tax}</dt>
              <dd>{formatMoney(invoice.taxMinor, invoice.currency)}</dd>
            </div>
            <div className="totals__grand">
              <dt>{m.total}</dt>
              <dd>{formatMoney(invoice.totalMinor, invoice.currency)}</dd>
            </div>
          </>
        )}
      </dl>
      {!invoice && <p className="muted">{m.totalLater}</p>}
    </>
  );
}

function InvoiceCard({ orderId, invoice }: { orderId: string; invoice: Invoice }) {
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card title={m.invoice} subtitle={m.invoiceNumber(invoice.number)}>
      {error && (
        <Notice tone="negative" alert>
          {error}
        </Notice>
      )}
      <Button
        variant="secondary"
        busy={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadWithSession(session, `/api/v1/orders/${orderId}/invoice.pdf`, `${invoice.number}.pdf`)
            .catch((e: unknown) => setError(messageOf(e)))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? m.downloading : m.downloadInvoice}
      </Button>
    </Card>
  );
}

function ReorderButton({ orderId }: { orderId: string }) {
  const send = useApiSend();
  const { setCart } = useCart();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="reorder">
      <Button
        variant="secondary"
        busy={busy}
        title={m.reorderHint}
        onClick={() => {
          setBusy(true);
          send<Cart>(`/api/v1/orders/${orderId}/reorder`, 'POST')
            .then((cart) => {
              setCart(cart);
              navigate('/cart');
            })
            .catch((e: unknown) => {
              setError(messageOf(e));
              setBusy(false);
            });
        }}
      >
        {busy ? m.reordering : m.reorder}
      </Button>
      {error && (
        <Notice tone="negative" alert>
          {error}
        </Notice>
      )}
    </div>
  );
}
