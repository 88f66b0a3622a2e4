/**
 * The seller's own products: drafts, published, and those a moderator hid (with the reason). The API filters by
 * status and pages; it has no text search, so the search box works on the products loaded so far (as the order
 * list does) and "Load more products" fetches the next batch.
 */
import '../styles/seller.css';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
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
import { formatDate } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { formatNumber } from '../i18n/index.ts';
import { DownloadButton } from './DownloadButton.tsx';
import { productListMessages as m } from './messages.ts';
import { productStatus } from './status.ts';
import { PublishOutcome, publishFailure, type PublishResult } from './PublishOutcome.tsx';
import type { SellerProduct } from './types.ts';

const BATCH = 50;
const PAGE = 20;
const STATUSES = ['', 'draft', 'published', 'hidden'] as const;

function listPath(status: string, offset: number) {
  const query = new URLSearchParams({ limit: String(BATCH), offset: String(offset) });
  if (status === 'hidden') query.set('hidden', 'true');
  else if (status) query.set('status', status);
  return `/api/v1/catalog/products?${query}`;
}

const matches = (p: SellerProduct, q: string) => {
  const needle = q.toLowerCase();
  return (
    p.name.toLowerCase().includes(needle) ||
    p.sku.toLowerCase().includes(needle) ||
    p.variants.some((v) => v.sku.toLowerCase().includes(needle))
  );
};

export default function ProductsPage() {
  const { session } = useSession();
  const send = useApiSend();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.includes(params.get('status') as (typeof STATUSES)[number])
    ? (params.get('status') ?? '')
    : '';
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [products, setProducts] = useState<SellerProduct[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(0);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<PublishResult | null>(null);

  const load = useCallback(
    async (offset: number) => {
      try {
        const { items } = await session.fetchJson<{ items: SellerProduct[] }>(listPath(status, offset));
        setProducts((current) => (offset === 0 ? items : [...(current ?? []), ...items]));
        setMore(items.length === BATCH);
        setError(null);
      } catch (e) {
        setError(e);
      }
    },
    [session, status],
  );
  useEffect(() => {
    setProducts(null);
    setPage(0);
    void load(0);
  }, [load]);

  const filtered = useMemo(
    () => (products === null ? null : products.filter((p) => !q || matches(p, q))),
    [products, q],
  );
  const visible = filtered?.slice(page * PAGE, page * PAGE + PAGE) ?? null;

  const update = (changes: Record<string, string>) => {
    setPage(0);
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes))
        if (value) next.set(key, value);
        else next.delete(key);
      return next;
    });
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim() });
  };

  const toggle = async (p: SellerProduct) => {
    const action = p.status === 'published' ? 'unpublish' : 'publish';
    setBusyId(p.id);
    setOutcome(null);
    try {
      const updated = await send<SellerProduct>(`/api/v1/catalog/products/${p.id}/${action}`, 'POST');
      setProducts((current) => current?.map((x) => (x.id === p.id ? updated : x)) ?? null);
      setOutcome({ ok: true, text: action === 'publish' ? m.published(p.name) : m.unpublished(p.name) });
    } catch (e) {
      // The API says why (not verified, plan limit reached, hidden by a moderator): shown in its words.
      setOutcome(
        publishFailure(action === 'publish' ? m.publishRefused(p.name) : m.unpublishRefused(p.name), e),
      );
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <PageTitle
        title={m.title}
        description={m.description}
        actions={
          <>
            <Link className="ws-button ws-button--primary" to="/products/new">
              {m.newProduct}
            </Link>
            <Link className="ws-button ws-button--secondary" to="/products/import">
              {m.importCsv}
            </Link>
            <DownloadButton
              path="/api/v1/catalog/export"
              fileName="products.csv"
              label={m.exportCsv}
              busyLabel={m.exporting}
            />
          </>
        }
      />
      <PublishOutcome result={outcome} />
      <Card>
        <div className="list-toolbar">
          <form role="search" className="seller-search" onSubmit={submitSearch}>
            <Field
              label={m.searchLabel}
              type="search"
              value={search}
              placeholder={m.searchPlaceholder}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Button type="submit" variant="secondary">
              {m.searchButton}
            </Button>
          </form>
          <Field label={m.statusFilter}>
            {({ id }) => (
              <select id={id} value={status} onChange={(e) => update({ status: e.target.value })}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {m.statuses[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {filtered && products && (q || more) && (
          <p className="muted" aria-live="polite">
            {m.shown(filtered.length, products.length)}
          </p>
        )}
        {error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(error)}
          </Notice>
        ) : (
          <DataTable<SellerProduct>
            caption={m.title}
            captionHidden
            rows={visible}
            rowKey={(p) => p.id}
            empty={<EmptyState title={m.empty}>{q || status ? m.emptyFiltered : m.emptyHint}</EmptyState>}
            columns={[
              {
                key: 'product',
                header: m.product,
                render: (p) => (
                  <span className="product-cell">
                    <Link to={`/products/${p.id}`}>{p.name}</Link>
                    <span className="muted">{p.sku}</span>
                  </span>
                ),
              },
              {
                key: 'status',
                header: m.status,
                render: (p) => {
                  const s = productStatus(p);
                  return (
                    <span className="product-cell">
                      <span>
                        <Badge tone={s.tone} testId="product-status">
                          {s.label}
                        </Badge>
                      </span>
                      {p.moderation.hidden && p.moderation.reason && (
                        <span className="muted">{m.hiddenReason(p.moderation.reason)}</span>
                      )}
                    </span>
                  );
                },
              },
              {
                key: 'price',
                header: m.price,
                numeric: true,
                render: (p) => {
                  const prices = p.variants.map((v) => v.priceMinor);
                  const low = Math.min(...prices);
                  const text = formatMoney(low, p.currency);
                  return prices.some((x) => x !== low) ? m.priceFrom(text) : text;
                },
              },
              { key: 'variants', header: m.variants, numeric: true, render: (p) => p.variants.length },
              {
                key: 'available',
                header: m.available,
                numeric: true,
                render: (p) => formatNumber(p.variants.reduce((sum, v) => sum + v.available, 0)),
              },
              {
                key: 'updated',
                header: m.updated,
                render: (p) => formatDate(p.updatedAt ?? p.createdAt),
              },
              {
                key: 'actions',
                header: m.actions,
                render: (p) => (
                  <Button
                    variant="secondary"
                    busy={busyId === p.id}
                    aria-label={p.status === 'published' ? m.unpublishOf(p.name) : m.publishOf(p.name)}
                    onClick={() => void toggle(p)}
                  >
                    {p.status === 'published' ? m.unpublish : m.publish}
                  </Button>
                ),
              },
            ]}
          />
        )}
        {filtered && (
          <Pagination
            label={m.pages}
            offset={page * PAGE}
            limit={PAGE}
            total={filtered.length}
            onChange={(o) => setPage(o / PAGE)}
          />
        )}
        {more && (
          <p className="center">
            <Button variant="secondary" onClick={() => void load(products?.length ?? 0)}>
              {m.loadMore}
            </Button>
          </p>
        )}
      </Card>
    </>
  );
}
