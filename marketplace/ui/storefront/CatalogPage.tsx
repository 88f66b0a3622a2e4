/** Browse and search the catalog: keywords (the API forgives typos), filters, sort and pages, all in the URL. */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Card, EmptyState, Notice, PageTitle, Pagination, Skeleton } from '../components/index.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { CatalogFilters } from './CatalogFilters.tsx';
import { apiSearchPath, PAGE_SIZE, SORTS } from './catalog-query.ts';
import { catalogMessages as m } from './messages.ts';
import { ProductCard } from './ProductCard.tsx';
import type { ProductSummary } from './types.ts';

const wide = () => typeof window !== 'undefined' && window.matchMedia('(min-width: 761px)').matches;

export default function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const results = useApi<{ items: ProductSummary[]; total: number }>(apiSearchPath(params));
  const page = Math.max(1, Number(params.get('page')) || 1);

  /** Any change of what is asked starts again at page 1. */
  const update = (changes: Record<string, string>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes))
        if (value) next.set(key, value);
        else next.delete(key);
      if (!('page' in changes)) next.delete('page');
      return next;
    });

  const search = (event: FormEvent) => {
    event.preventDefault();
    update({ q: q.trim() });
  };

  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      <form role="search" className="catalog-search" onSubmit={search}>
        <label htmlFor="catalog-q" className="visually-hidden">
          {m.searchLabel}
        </label>
        <input
          id="catalog-q"
          type="search"
          value={q}
          placeholder={m.searchPlaceholder}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="ws-button ws-button--primary">
          {m.searchButton}
        </button>
      </form>
      <div className="catalog-layout">
        <details className="catalog-filters" open={wide()}>
          <summary>{m.filters}</summary>
          <CatalogFilters params={params} onApply={update} />
        </details>
        <section aria-labelledby="catalog-results" className="catalog-results">
          <div className="catalog-results__bar">
            <h2 id="catalog-results" aria-live="polite">
              {results.data ? m.results(results.data.total, params.get('q') ?? '') : m.title}
            </h2>
            <label className="inline-field">
              {m.sort}
              <select
                value={params.get('sort') ?? (params.get('q') ? 'relevance' : 'popularity')}
                onChange={(e) => update({ sort: e.target.value })}
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {m.sorts[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {results.error ? (
            <Notice tone="negative" title={m.loadError} alert>
              {messageOf(results.error)}
            </Notice>
          ) : results.loading || !results.data ? (
            <>
              <p role="status" className="visually-hidden">
                {m.loading}
              </p>
              <ul className="product-grid" aria-hidden="true">
                {Array.from({ length: 8 }, (_, i) => (
                  <li key={i}>
                    <Skeleton height={220} />
                  </li>
                ))}
              </ul>
            </>
          ) : results.data.items.length === 0 ? (
            <Card>
              <EmptyState title={m.noResults}>{m.noResultsHint}</EmptyState>
            </Card>
          ) : (
            <ul className="product-grid">
              {results.data.items.map((p) => (
                <ProductCard key={p.id} product={p} />
              ))}
            </ul>
          )}
          {results.data && (
            <Pagination
              label={m.pages}
              offset={(page - 1) * PAGE_SIZE}
              limit={PAGE_SIZE}
              total={results.data.total}
              onChange={(offset) => {
                update({ page: String(offset / PAGE_SIZE + 1) });
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </section>
      </div>
    </>
  );
}
