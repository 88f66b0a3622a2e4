/**
 * Search for buyers. Keywords match through PostgreSQL full-text search (products.search_vector: name and SKU
 * weighted above the description, prefix-matched) OR pg_trgm word similarity to the name, so "stonware mugg"
 * still finds "Stoneware mug". Ranking is ts_rank plus similarity; filters and sorts are plain SQL. Only
 * published, unhidden products of active companies are ever visible. Works the same on PGlite and PostgreSQL.
 * Ratings are the product's own (the product_ratings view over buyers' reviews): a manufacturer's rating says
 * little about one of its products, so a product without reviews has no rating rather than its maker's.
 */
import { sql, type SqlBool } from 'kysely';
import type { Currency } from '../../platform/money.ts';
import type { Db } from '../db/database.ts';
import { productRating, summaryColumns, toSummary, type ProductSummary } from './product-views.ts';
import { companyIsVerified } from './verification.ts';

export interface SearchFilter {
  q?: string;
  /** Category slug; its descendants are included. */
  category?: string;
  currency?: Currency;
  minPriceMinor?: number;
  maxPriceMinor?: number;
  /** Products a buyer can order at or below this many units (their lowest MOQ). */
  maxMoq?: number;
  /** ISO country code of the manufacturer. */
  country?: string;
  certification?: string;
  verifiedOnly?: boolean;
  sellerCompanyId?: string;
  /** Products whose own average rating is at least this (1-5); products without reviews are left out. */
  minRating?: number;
  sort?: 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'popularity' | 'rating';
  limit: number;
  offset: number;
}

/** word_similarity threshold: below it a misspelling is too far to count as a match. */
const SIMILARITY = 0.45;

/** Turns free text into a prefix tsquery ("ston mug" -> 'ston':* & 'mug':*), or null when nothing is left. */
export function prefixQuery(q: string): string | null {
  const terms = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 10);
  return terms.length === 0 ? null : terms.map((t) => `${t}:*`).join(' & ');
}

export async function searchProducts(
  db: Db,
  filter: SearchFilter,
): Promise<{ items: ProductSummary[]; total: number }> {
  const q = filter.q?.trim() ? filter.q.trim().slice(0, 200) : undefined;
  const tsq = q ? prefixQuery(q) : null;
  let query = db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.seller_company_id')
    .where('p.status', '=', 'published')
    .where('p.hidden_at', 'is', null)
    .where('c.status', '=', 'active');
  if (q) {
    const fts = tsq ? sql<SqlBool>`p.search_vector @@ to_tsquery('simple', ${tsq})` : sql<SqlBool>`false`;
    query = query.where(sql<SqlBool>`(${fts} OR word_similarity(${q}, p.name) >= ${SIMILARITY})`);
  }
  if (filter.category) {
    const slug = filter.category;
    query = query.where('p.category_id', 'in', (eb) =>
      eb
        .selectFrom('categories as d')
        .innerJoin('categories as root', (j) =>
          j.on(sql<SqlBool>`d.path = root.path OR d.path LIKE root.path || '/%'`),
        )
        .select('d.id')
        .where('root.slug', '=', slug),
    );
  }
  if (filter.currency) query = query.where('p.currency', '=', filter.currency);
  if (filter.minPriceMinor !== undefined) query = query.where('p.price_minor', '>=', filter.minPriceMinor);
  if (filter.maxPriceMinor !== undefined) query = query.where('p.price_minor', '<=', filter.maxPriceMinor);
  if (filter.maxMoq !== undefined) query = query.where('p.min_moq', '<=', filter.maxMoq);
  if (filter.country) query = query.where('c.country', '=', filter.country.toUpperCase());
  if (filter.certification)
    query = query.where(sql<SqlBool>`p.certifications @> ${JSON.stringify([filter.certification])}::jsonb`);
  if (filter.verifiedOnly) query = query.where(companyIsVerified(sql.ref('c.id')));
  if (filter.sellerCompanyId) query = query.where('p.seller_company_id', '=', filter.sellerCompanyId);
  if (filter.minRating !== undefined)
    query = query.where(sql<SqlBool>`${productRating} >= CAST(${String(filter.minRating)} AS numeric)`);

  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sort = filter.sort ?? (q ? 'relevance' : 'newest');
  const rank = q
    ? sql<number>`(${
        tsq ? sql`ts_rank(p.search_vector, to_tsquery('simple', ${tsq}))` : sql`0`
      } + word_similarity(${q}, p.name))`
    : sql<number>`0`;
  let ordered = query.select([...summaryColumns]).select(rank.as('rank'));
  if (sort === 'relevance') ordered = ordered.orderBy('rank', 'desc').orderBy('p.units_sold', 'desc');
  else if (sort === 'price_asc') ordered = ordered.orderBy('p.price_minor', 'asc');
  else if (sort === 'price_desc') ordered = ordered.orderBy('p.price_minor', 'desc');
  else if (sort === 'popularity') ordered = ordered.orderBy('p.units_sold', 'desc');
  else if (sort === 'rating')
    ordered = ordered
      .orderBy(sql`${productRating} DESC NULLS LAST`)
      .orderBy(sql`(SELECT r.review_count FROM product_ratings r WHERE r.product_id = p.id) DESC NULLS LAST`);
  ordered = ordered.orderBy('p.published_at', 'desc').orderBy('p.id', 'desc');
  const rows = await ordered.limit(filter.limit).offset(filter.offset).execute();
  return { items: rows.map(toSummary), total: Number(counted.n) };
}

/** Other visible products from the same category (then its parent), best sellers first. */
export async function relatedProducts(db: Db, productId: string, limit = 8): Promise<ProductSummary[]> {
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.seller_company_id')
    .innerJoin('categories as k', 'k.id', 'p.category_id')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('products as me')
          .innerJoin('categories as mk', 'mk.id', 'me.category_id')
          .select(['mk.id as category_id', 'mk.parent_id'])
          .where('me.id', '=', productId)
          .as('src'),
      (j) =>
        j.on(
          sql<SqlBool>`k.id = src.category_id OR (src.parent_id IS NOT NULL AND k.parent_id = src.parent_id)`,
        ),
    )
    .select([...summaryColumns])
    .select(sql<number>`CASE WHEN k.id = src.category_id THEN 0 ELSE 1 END`.as('distance'))
    .where('p.id', '<>', productId)
    .where('p.status', '=', 'published')
    .where('p.hidden_at', 'is', null)
    .where('c.status', '=', 'active')
    .orderBy('distance')
    .orderBy('p.units_sold', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

export async function categoryTree(db: Db) {
  const rows = await db
    .selectFrom('categories as k')
    .leftJoin('products as p', (j) =>
      j.on(sql<SqlBool>`p.category_id = k.id AND p.status = 'published' AND p.hidden_at IS NULL`),
    )
    .select((eb) => [
      'k.id',
      'k.parent_id',
      'k.slug',
      'k.name',
      'k.path',
      'k.depth',
      eb.fn.count<number>('p.id').as('n'),
    ])
    .groupBy('k.id')
    .orderBy('k.path')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    slug: r.slug,
    name: r.name,
    path: r.path,
    depth: r.depth,
    productCount: Number(r.n),
  }));
}
