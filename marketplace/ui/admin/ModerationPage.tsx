/**
 * `/admin/products`: listing moderation. Find a listing as buyers would (the public search) and hide it with a
 * reason; the listings hidden now are worked out from the audit log (the latest of `product.hidden` and
 * `product.unhidden` per listing), since no endpoint lists hidden products, and can be shown again.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Button, Card, DataTable, EmptyState, Field, Notice, PageTitle } from '../components/index.ts';
import { formatDate, formatDateTime } from '../data/dates.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { AdminFrame } from './AdminFrame.tsx';
import { adminMessages as m } from './messages.ts';
import { currentlyHidden, type HiddenListing } from './moderation.ts';
import { StatusDialog, useStatusAction } from './StatusDialog.tsx';
import type { AdminCompany, AuditEntry, ListedProduct, Paged } from './types.ts';

const RESULTS = 20;
/** How far back the hidden list looks; moderation is rare, so two hundred of each is years of it. */
const AUDIT_WINDOW = 200;

export default function ModerationPage() {
  return (
    <AdminFrame>
      <Moderation />
    </AdminFrame>
  );
}

function Moderation() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const results = useApi<{ items: ListedProduct[]; total: number }>(
    q ? `/api/v1/products?q=${encodeURIComponent(q)}&limit=${RESULTS}` : null,
  );
  const hiddenLog = useApi<Paged<AuditEntry>>(
    `/api/v1/admin/audit-log?action=product.hidden&limit=${AUDIT_WINDOW}`,
  );
  const shownLog = useApi<Paged<AuditEntry>>(
    `/api/v1/admin/audit-log?action=product.unhidden&limit=${AUDIT_WINDOW}`,
  );
  const hidden = useMemo(
    () =>
      hiddenLog.data && shownLog.data ? currentlyHidden(hiddenLog.data.items, shownLog.data.items) : null,
    [hiddenLog.data, shownLog.data],
  );
  const sellers = useCompanyNames(hidden?.map((h) => h.sellerCompanyId) ?? []);

  const reloadAll = async () => {
    await Promise.all([results.reload(), hiddenLog.reload(), shownLog.reload()]);
  };
  const hide = useStatusAction<ListedProduct, 'hide'>({
    path: (p) => `/api/v1/admin/products/${p.id}/hide`,
    done: (p) => m.hidden(p.name),
    onDone: reloadAll,
  });
  const unhide = useStatusAction<HiddenListing, 'unhide'>({
    path: (h) => `/api/v1/admin/products/${h.productId}/unhide`,
    done: (h) => m.unhidden(m.shortId(h.productId)),
    onDone: reloadAll,
  });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  const flash = hide.flash ?? unhide.flash;

  return (
    <>
      <PageTitle title={m.productsTitle} description={m.productsDescription} />
      <div aria-live="polite">{flash && <Notice tone="positive">{flash}</Notice>}</div>
      <div className="stack">
        <Card title={m.searchProducts}>
          <form className="admin-search" role="search" onSubmit={search}>
            <Field
              label={m.searchProductsHint}
              type="search"
              maxLength={200}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Button type="submit" variant="secondary">
              {m.search}
            </Button>
          </form>
          {results.data && results.data.total > 0 && (
            <p className="muted" aria-live="polite">
              {m.resultsShown(results.data.items.length, results.data.total)}
            </p>
          )}
          {!q ? (
            <EmptyState title={m.productsStart}>{m.productsEmptyHint}</EmptyState>
          ) : results.error ? (
            <Notice tone="negative" title={m.loadError} alert>
              {messageOf(results.error)}
            </Notice>
          ) : (
            <DataTable<ListedProduct>
              caption={m.searchProducts}
              captionHidden
              rows={results.data?.items ?? null}
              rowKey={(p) => p.id}
              empty={<EmptyState title={m.productsEmpty}>{m.productsEmptyHint}</EmptyState>}
              columns={[
                {
                  key: 'product',
                  header: m.product,
                  render: (p) => (
                    <span className="product-cell">
                      <Link to={`/catalog/products/${p.id}`}>{p.name}</Link>
                      <span className="muted">{p.sku}</span>
                    </span>
                  ),
                },
                { key: 'seller', header: m.seller, render: (p) => p.sellerName },
                {
                  key: 'published',
                  header: m.published,
                  render: (p) => formatDate(p.publishedAt ?? p.createdAt),
                },
                {
                  key: 'actions',
                  header: m.actions,
                  render: (p) => (
                    <Button
                      variant="secondary"
                      aria-label={m.hideOf(p.name)}
                      onClick={() => hide.start(p, 'hide')}
                    >
                      {m.hide}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Card>
        <Card title={m.hiddenTitle} subtitle={m.hiddenHint}>
          {hiddenLog.error || shownLog.error ? (
            <Notice tone="negative" title={m.loadError} alert>
              {messageOf(hiddenLog.error ?? shownLog.error)}
            </Notice>
          ) : (
            <DataTable<HiddenListing>
              caption={m.hiddenTitle}
              captionHidden
              rows={hidden}
              rowKey={(h) => h.productId}
              empty={<EmptyState title={m.hiddenEmpty} />}
              columns={[
                {
                  key: 'listing',
                  header: m.product,
                  render: (h) => <span className="mono">{m.shortId(h.productId)}</span>,
                },
                {
                  key: 'seller',
                  header: m.seller,
                  render: (h) => sellers[h.sellerCompanyId] ?? m.shortId(h.sellerCompanyId),
                },
                { key: 'reason', header: m.reason, render: (h) => <span className="wrap">{h.reason}</span> },
                { key: 'at', header: m.hiddenAt, render: (h) => formatDateTime(h.hiddenAt) },
                {
                  key: 'actions',
                  header: m.actions,
                  render: (h) => (
                    <Button
                      variant="secondary"
                      aria-label={m.unhideOf(m.shortId(h.productId))}
                      onClick={() => unhide.start(h, 'unhide')}
                    >
                      {m.unhide}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </div>
      <StatusDialog
        action={hide}
        title={(p) => m.hideTitle(p.name)}
        text={() => m.hideText}
        confirm={() => m.hideListing}
      />
      <StatusDialog
        action={unhide}
        title={(h) => m.unhideTitle(m.shortId(h.productId))}
        text={() => m.unhideText}
        confirm={() => m.unhideListing}
      />
    </>
  );
}

/** Company names for a few ids, looked up one by one (the hidden list names at most a handful of sellers). */
function useCompanyNames(ids: string[]): Record<string, string> {
  const { session } = useSession();
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(
      wanted.map((id) =>
        session
          .fetchJson<AdminCompany>(`/api/v1/admin/companies/${id}`)
          .then((c) => [id, c.name] as const)
          .catch(() => null),
      ),
    ).then((pairs) => {
      if (live) setNames(Object.fromEntries(pairs.filter((p) => p !== null)));
    });
    return () => {
      live = false;
    };
  }, [key, session]);
  return names;
}
