/**
 * How many reviews gave each number of stars, for the storefront's rating summary. The review lists carry the
 * average and the count (from the rating views) but a page of reviews cannot tell the shape behind them.
 * Public, under the same rule as the lists: only active manufacturers and products on sale.
 */
import { sql } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import type { Db } from '../db/database.ts';

export interface RatingDistribution {
  reviewCount: number;
  /** Rounded to 2 decimals; null while there are no reviews. */
  averageRating: number | null;
  /** Five entries, 5 stars first, each with its count (0 included). */
  stars: Array<{ stars: number; count: number }>;
}

function distribution(rows: Array<{ rating: number; n: number }>): RatingDistribution {
  const counts = new Map(rows.map((r) => [Number(r.rating), Number(r.n)]));
  const stars = [5, 4, 3, 2, 1].map((s) => ({ stars: s, count: counts.get(s) ?? 0 }));
  const reviewCount = stars.reduce((total, s) => total + s.count, 0);
  const points = stars.reduce((total, s) => total + s.stars * s.count, 0);
  return {
    reviewCount,
    averageRating: reviewCount === 0 ? null : Math.round((points / reviewCount) * 100) / 100,
    stars,
  };
}

export function createRatingDistribution(deps: { db: Db }) {
  const { db } = deps;

  async function ofManufacturer(manufacturerId: string): Promise<RatingDistribution> {
    const company = await db
      .selectFrom('companies')
      .select('id')
      .where('id', '=', manufacturerId)
      .where('kind', '=', 'manufacturer')
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!company) throw notFound('manufacturer', manufacturerId);
    const rows = await db
      .selectFrom('reviews')
      .select(['rating', sql<number>`count(*)`.as('n')])
      .where('manufacturer_company_id', '=', manufacturerId)
      .groupBy('rating')
      .execute();
    return distribution(rows);
  }

  async function ofProduct(productId: string): Promise<RatingDistribution> {
    const product = await db
      .selectFrom('products')
      .select('id')
      .where('id', '=', productId)
      .where('status', '=', 'published')
      .where('hidden_at', 'is', null)
      .executeTakeFirst();
    if (!product) throw notFound('product', productId);
    const rows = await db
      .selectFrom('product_reviews')
      .select(['rating', sql<number>`count(*)`.as('n')])
      .where('product_id', '=', productId)
      .groupBy('rating')
      .execute();
    return distribution(rows);
  }

  return { ofManufacturer, ofProduct };
}
