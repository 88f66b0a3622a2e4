/**
 * The order list: what a retailer placed, what a manufacturer received (platform staff: everything). The API
 * pages by 100 without a status filter, so the status filter works on the orders loaded so far and "Load older
 * orders" fetches the next 100.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import {
  Badge,
  Button,
  Card,
  DataTable,
  EmptyState,
  Field,
  Notice,
  PageTitle,
  Pagination,
} from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { downloadWithSession } from '../data/download.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf } from '../data/useApi.ts';
import { orderMessages as m } from './messages.ts';
import { ORDER_STATUSES, statusLabel, statusTone } from './status.ts';
import type { OrderSummary } from './types.ts';
import { useCounterparties } from './useCounterparties.ts';

const BATCH = 100;
const PAGE = 20;

export default function OrdersPage() {
  const { session, me } = useSession();
  const [params, setParams] = useSearchParams();
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(0);
  const status = params.get('status') ?? '';
  const side =
    me?.companyKind === 'retailer' ? 'buyer' : me?.companyKind === 'manufacturer' ? 'seller' : 'platform';

  const load = useCallback(
    async (offset: number) => {
      try {
        const { items } = await session.fetchJson<{ items: OrderSummary[] }>(
          `/api/v1/orders?limit=${BATCH}&offset=${offset}`,
        );
        setOrders((current) => (offset === 0 ? items : [...(current ?? []), ...items]));
        setMore(items.length === BATCH);
      } catch (e) {
        setError(e);
      }
    },
    [session],
  );
  useEffect(() => {
    void load(0);
  }, [load]);

  const filtered = useMemo(
    () => (orders === null ? null : orders.filter((o) => !status || o.status === status)),
    [orders, status],
  );
  const visible = filtered?.slice(page * PAGE, page * PAGE + PAGE) ?? null;
  const names = useCounterparties((visible ?? []).map((o) => o.id));

  const other = (o: OrderSummary) => {
    const n = names[o.id];
    if (!n) return '…';
    return side === 'buyer'
      ? n.sellerName
      : side === 'seller'
        ? n.buyerName
        : `${n.sellerName} → ${n.buyerName}`;
  };

  return (
    <>
      <PageTitle
        title={m.listTitle}
        description={side === 'buyer' ? m.listBuyer : side === 'seller' ? m.listSeller : m.listPlatform}
        actions={
          side !== 'platform' && (
            <Button
              variant="secondary"
              onClick={() => void downloadWithSession(session, '/api/v1/orders/export.csv', 'orders.csv')}
            >
              {m.exportCsv}
            </Button>
          )
        }
      />
      <Card>
        <div className="list-toolbar">
          <Field label={m.statusFilter}>
            {({ id }) => (
              <select
                id={id}
                value={status}
                onChange={(e) => {
                  setPage(0);
                  setParams(e.target.value ? { status: e.target.value } : {});
                }}
              >
                <option value="">{m.allStatuses}</option>
                {ORDER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {filtered && orders && (
            <p className="muted" aria-live="polite">
              {m.shown(filtered.length, orders.length)}
            </p>
          )}
        </div>
        {error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(error)}
          </Notice>
        ) : (
          <DataTable<OrderSummary>
            caption={m.listTitle}
            captionHidden
            rows={visible}
            rowKey={(o) => o.id}
            empty={
              <EmptyState title={m.empty}>
                {status ? m.emptyFiltered : side === 'buyer' ? m.emptyBuyer : m.emptySeller}
              </EmptyState>
            }
            columns={[
              {
                key: 'order',
                header: m.orderPlaced,
                // Id and time in one cell keeps the table narrow enough for a phone.
                render: (o) => (
                  <span className="order-cell">
                    <Link to={`/orders/${o.id}`}>{m.shortId(o.id)}</Link>
                    <time className="muted" dateTime={o.placedAt}>
                      {formatDateTime(o.placedAt)}
                    </time>
                  </span>
                ),
              },
              { key: 'other', header: side === 'buyer' ? m.supplier : m.buyer, render: other },
              {
                key: 'status',
                header: m.status,
                render: (o) => <Badge tone={statusTone(o.status)}>{statusLabel(o.status)}</Badge>,
              },
              {
                key: 'subtotal',
                header: m.subtotal,
                numeric: true,
                render: (o) => formatMoney(o.subtotalMinor, o.currency),
              },
            ]}
          />
        )}
        {filtered && (
          <Pagination
            offset={page * PAGE}
            limit={PAGE}
            total={filtered.length}
            onChange={(o) => setPage(o / PAGE)}
          />
        )}
        {more && (
          <p className="center">
            <Button variant="secondary" onClick={() => void load(orders?.length ?? 0)}>
              {m.loadMore}
            </Button>
          </p>
        )}
      </Card>
    </>
  );
}
