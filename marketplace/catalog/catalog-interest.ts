/**
 * Shopper interest for analytics: a signed-in retailer opening a product page (`product.viewed`) or searching
 * the catalog (`catalog.searched`). Both sit on the catalog's hot path, so each costs one outbox insert and
 * nothing else: no lookup, no lock, nothing read back.
 *
 * Views are throttled in memory: one per retailer and product every 30 minutes, so reloading a page or coming
 * back to it from the results does not read as more interest. The window is per API process (several processes
 * may each record one), which errs on the side of a rare extra view rather than a database round trip per page.
 * Searches count once per query: only the first page is recorded, so paging through results is not a new search.
 */
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { CATALOG_SEARCHED, PRODUCT_VIEWED, type CatalogSearchedV1, type ProductViewedV1 } from './events.ts';
import type { SearchFilter } from './search.ts';

export const VIEW_WINDOW_MS = 30 * 60 * 1000;

const FILTER_KEYS = [
  'category',
  'currency',
  'minPriceMinor',
  'maxPriceMinor',
  'maxMoq',
  'country',
  'certification',
  'verifiedOnly',
  'minRating',
] as const;

const actorOf = (p: Principal) => ({ userId: p.userId, companyId: p.companyId, kind: 'user' as const });

export function createCatalogInterest(deps: { db: Db; clock: Clock; maxTracked?: number }) {
  const { db, clock } = deps;
  // When each (retailer, product) was last recorded; entries older than the window are treated as absent.
  const lastViewed = new LRUCache<string, number>({ max: deps.maxTracked ?? 100_000 });

  /** Records a product page view by a signed-in retailer, unless it saw the product in the last 30 minutes. */
  async function productViewed(viewer: Principal, product: { id: string; sellerCompanyId: string }) {
    if (viewer.companyKind !== 'retailer') return;
    const at = clock.now();
    const key = `${viewer.companyId}:${product.id}`;
    const last = lastViewed.get(key);
    if (last !== undefined && at.getTime() - last < VIEW_WINDOW_MS) return;
    // Claimed before the insert, so two reloads in flight at once record one view.
    lastViewed.set(key, at.getTime());
    try {
      await db.transaction().execute((tx) =>
        recordEvent<ProductViewedV1>(tx, {
          type: PRODUCT_VIEWED,
          version: 1,
          aggregateType: 'product',
          aggregateId: product.id,
          companyIds: [viewer.companyId, product.sellerCompanyId],
          occurredAt: at,
          actor: actorOf(viewer),
          payload: {
            productId: product.id,
            sellerCompanyId: product.sellerCompanyId,
            buyerCompanyId: viewer.companyId,
            userId: viewer.userId,
            viewedAt: at.toISOString(),
          },
        }),
      );
    } catch (error) {
      if (lastViewed.get(key) === at.getTime()) lastViewed.delete(key); // not recorded: the next view may be
      throw error;
    }
  }

  /**
   * Records a search by a signed-in retailer: keywords and/or filters, with how many products matched. Browsing
   * without either, and later pages of a search, are not searches.
   */
  async function searched(searcher: Principal, filter: SearchFilter, resultCount: number) {
    if (searcher.companyKind !== 'retailer' || filter.offset > 0) return;
    const query = filter.q?.trim().slice(0, 200) ?? '';
    const filters: CatalogSearchedV1['filters'] = {};
    for (const key of FILTER_KEYS) {
      if (filter[key] !== undefined) Object.assign(filters, { [key]: filter[key] });
    }
    if (!query && Object.keys(filters).length === 0) return;
    const at = clock.now();
    const searchId = newId();
    await db.transaction().execute((tx) =>
      recordEvent<CatalogSearchedV1>(tx, {
        type: CATALOG_SEARCHED,
        version: 1,
        aggregateType: 'catalog',
        aggregateId: searchId,
        companyIds: [searcher.companyId],
        occurredAt: at,
        actor: actorOf(searcher),
        payload: {
          searchId,
          buyerCompanyId: searcher.companyId,
          userId: searcher.userId,
          query,
          filters,
          sort: filter.sort ?? (query ? 'relevance' : 'newest'),
          resultCount,
          searchedAt: at.toISOString(),
        },
      }),
    );
  }

  return { productViewed, searched };
}

export type CatalogInterest = ReturnType<typeof createCatalogInterest>;
