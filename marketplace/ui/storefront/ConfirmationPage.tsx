/** After checkout: each manufacturer's order with its lines, tax and total, and where to go next. */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Badge, Card, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { formatDate, formatDateTime } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi } from '../data/useApi.ts';
// The API gives tax rates as decimal strings ("0.08875"); formatRate shows them exactly, in the app's locale.
import { formatRate, withColon } from '../i18n/index.ts';
import { OrderLinesTable } from '../orders/OrderLinesTable.tsx';
import { statusLabel, statusTone } from '../orders/status.ts';
import { confirmationMessages as m } from './messages.ts';
import type { OrderGroup } from './types.ts';

type GroupOrder = OrderGroup['orders'][number];

export default function ConfirmationPage() {
  const { id } = useParams();
  // A card payment is confirmed by the provider's webhook, which may land after the buyer is back here (Stripe's
  // return_url): re-read the group until it is paid or has expired, then stop.
  const [settled, setSettled] = useState(false);
  const group = useApi<OrderGroup>(`/api/v1/order-groups/${id}`, { refreshMs: settled ? undefined : 2_000 });
  const awaitingCard =
    group.data?.paymentMethod === 'card' &&
    !group.data.paidAt &&
    !group.data.orders.every((o) => o.status === 'expired');
  useEffect(() => {
    if (group.data && !awaitingCard) setSettled(true);
  }, [group.data, awaitingCard]);
  if (group.loading) return <Skeleton height={240} label={m.loading} />;
  if (!group.data)
    return (
      <Notice tone="negative" alert>
        {messageOf(group.error)}
      </Notice>
    );
  const g = group.data;
  const pending = g.paymentMethod === 'card' && !g.paidAt;
  return (
    <>
      <PageTitle
        title={pending ? m.titlePending : m.title}
        description={`${m.description(g.orders.length)} ${m.placedAt(formatDateTime(g.createdAt))}.`}
        actions={
          pending ? (
            <Link className="ws-button ws-button--primary" to={`/order-groups/${g.id}/pay`}>
              {m.payNow}
            </Link>
          ) : (
            <Link className="ws-button ws-button--secondary" to="/catalog">
              {m.continueShopping}
            </Link>
          )
        }
      />
      {!pending && <Notice tone="positive">{m.paidBy(g.paymentMethod === 'card' ? m.card : m.terms)}</Notice>}
      <div className="stack">
        {g.orders.map((o) => (
          <GroupOrderCard key={o.id} order={o} currency={g.currency} />
        ))}
        <Card title={m.grandTotal}>
          <dl className="totals">
            <div>
              <dt>{m.subtotal}</dt>
              <dd>{formatMoney(g.subtotalMinor, g.currency)}</dd>
            </div>
            <div>
              <dt>{m.taxTotal}</dt>
              <dd>{formatMoney(g.taxMinor, g.currency)}</dd>
            </div>
            <div className="totals__grand">
              <dt>{m.total}</dt>
              <dd data-testid="group-total">{formatMoney(g.totalMinor, g.currency)}</dd>
            </div>
          </dl>
          <p className="muted">
            {withColon(m.shipTo)}{' '}
            {[
              g.shippingAddress.name,
              g.shippingAddress.line1,
              g.shippingAddress.city,
              g.shippingAddress.country,
            ].join(', ')}
          </p>
          <Link to="/orders">{m.allOrders}</Link>
        </Card>
      </div>
    </>
  );
}

function GroupOrderCard({ order, currency }: { order: GroupOrder; currency: string }) {
  return (
    <Card
      title={m.orderFrom(order.sellerName)}
      actions={<Badge tone={statusTone(order.status)}>{statusLabel(order.status)}</Badge>}
    >
      <OrderLinesTable
        caption={m.orderFrom(order.sellerName)}
        lines={order.lines.map((l) => ({ ...l, name: l.productName }))}
        currency={currency}
      />
      <dl className="totals">
        <div>
          <dt>{m.subtotal}</dt>
          <dd>{formatMoney(order.subtotalMinor, currency)}</dd>
        </div>
        <div>
          <dt>{m.tax(formatRate(order.taxRate))}</dt>
          <dd>{formatMoney(order.taxMinor, currency)}</dd>
        </div>
        <div className="totals__grand">
          <dt>{m.total}</dt>
          <dd>{formatMoney(order.totalMinor, currency)}</dd>
        </div>
      </dl>
      <p className="card-links">
        <Link to={`/orders/${order.id}`}>{m.viewOrder}</Link>
        {order.dueAt && <span className="muted"> · {m.due(formatDate(order.dueAt))}</span>}
      </p>
    </Card>
  );
}
