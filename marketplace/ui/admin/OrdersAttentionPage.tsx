/**
 * `/admin/orders`: order monitoring. Orders that need a person, one table per reason (not accepted in time,
 * past ship-by, card payment failed or hanging, net terms overdue), each with its age, parties, amount and a
 * link to the order; and how many orders entered each status today and over the last 7 days. Re-read every
 * 30 s: these lists change as buyers and sellers act, not by the second.
 */
import { Link } from 'react-router';
import { Badge, Card, DataTable, EmptyState, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { formatNumber } from '../i18n/index.ts';
import { orderMessages } from '../orders/messages.ts';
import { statusLabel, statusTone } from '../orders/status.ts';
import { AdminFrame } from './AdminFrame.tsx';
import { opsMessages as m } from './ops-messages.ts';

const REFRESH_MS = 30_000;

type AttentionKind = keyof typeof m.kind;

interface AttentionItem {
  kind: AttentionKind;
  orderId: string;
  status: string;
  buyer: { id: string; name: string };
  seller: { id: string; name: string };
  amountMinor: number;
  currency: string;
  placedAt: string;
  since: string;
  ageHours: number;
  overdueHours: number;
}

interface Attention {
  generatedAt: string;
  thresholds: { acceptWithinHours: number; paymentPendingMinutes: number };
  groups: Array<{ kind: AttentionKind; total: number; items: AttentionItem[] }>;
  statusCounts: Array<{ status: string; today: number; last7Days: number }>;
}

export default function OrdersAttentionPage() {
  return (
    <AdminFrame>
      <OrdersAttention />
    </AdminFrame>
  );
}

function OrdersAttention() {
  const attention = useApi<Attention>('/api/v1/admin/orders/attention', { refreshMs: REFRESH_MS });
  const data = attention.data;
  return (
    <>
      <PageTitle
        title={m.ordersTitle}
        description={
          data
            ? m.ordersDescription(data.thresholds.acceptWithinHours, data.thresholds.paymentPendingMinutes)
            : undefined
        }
      />
      {attention.error ? (
        <Notice tone="negative" title={m.loadError} alert>
          {messageOf(attention.error)}
        </Notice>
      ) : !data ? (
        <Skeleton height={160} label={m.ordersTitle} />
      ) : (
        <div className="stack">
          <Card title={m.statusCountsTitle} subtitle={m.updated(formatDateTime(data.generatedAt))}>
            <p className="muted">{m.statusCountsHint}</p>
            <DataTable
              caption={m.statusCountsTitle}
              captionHidden
              rows={data.statusCounts}
              rowKey={(r) => r.status}
              empty={<EmptyState title={m.noChanges} />}
              columns={[
                {
                  key: 'status',
                  header: m.status,
                  render: (r) => <Badge tone={statusTone(r.status)}>{statusLabel(r.status)}</Badge>,
                },
                { key: 'today', header: m.today, numeric: true, render: (r) => formatNumber(r.today) },
                { key: 'week', header: m.last7Days, numeric: true, render: (r) => formatNumber(r.last7Days) },
              ]}
            />
          </Card>
          {data.groups.map((g) => (
            <Card key={g.kind} title={m.kind[g.kind]} subtitle={m.ordersCount(g.total, g.items.length)}>
              <div data-testid={`attention-${g.kind}`} data-total={g.total}>
                <DataTable
                  caption={m.kind[g.kind]}
                  captionHidden
                  rows={g.items}
                  rowKey={(r) => r.orderId}
                  empty={<p className="muted">{m.kindEmpty[g.kind]}</p>}
                  columns={[
                    {
                      key: 'order',
                      header: m.order,
                      render: (r) => (
                        <Link to={`/orders/${r.orderId}`}>{orderMessages.detailTitle(r.orderId)}</Link>
                      ),
                    },
                    { key: 'buyer', header: m.buyer, render: (r) => r.buyer.name },
                    { key: 'seller', header: m.seller, render: (r) => r.seller.name },
                    {
                      key: 'amount',
                      header: m.amount,
                      numeric: true,
                      render: (r) => formatMoney(r.amountMinor, r.currency),
                    },
                    {
                      key: 'status',
                      header: m.status,
                      render: (r) => <Badge tone={statusTone(r.status)}>{statusLabel(r.status)}</Badge>,
                    },
                    { key: 'age', header: m.age, numeric: true, render: (r) => m.hours(r.ageHours) },
                    {
                      key: 'overdue',
                      header: m.overdue,
                      numeric: true,
                      render: (r) => (
                        <span title={`${m.since} ${formatDateTime(r.since)}`}>{m.hours(r.overdueHours)}</span>
                      ),
                    },
                  ]}
                />
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
