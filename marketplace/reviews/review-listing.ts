/**
 * Public reading of reviews: a manufacturer's reviews and a product's, each with its average and count from the
 * rating views (manufacturer_ratings, product_ratings), so the catalog can later show or copy them without
 * re-deriving them. Reviewers stay anonymous ("verified purchase"): which retailer buys from whom is the
 * retailer's business. Only active manufacturers and products on sale have a public review page.
 */
import { notFound } from '../../platform/errors.ts';
import type { Db } from '../db/database.ts';

export interface Rating {
  /** Rounded to 2 decimals; null while there are no reviews. */
  averageRating: number | null;
  reviewCount: number;
}

export interface ReviewView {
  id: string;
  orderId: string;
  manufacturerId: string;
  rating: number;
  body: string | null;
  createdAt: string;
  products: Array<{ productId: string; productName: string; rating: number; body: string | null }>;
  reply: { body: string; repliedAt: string } | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

const rating = (row?: { review_count: number; average_rating: string }): Rating =>
  row
    ? { averageRating: Number(row.average_rating), reviewCount: Number(row.review_count) }
    : { averageRating: null, reviewCount: 0 };

export function createReviewListing(deps: { db: Db }) {
  const { db } = deps;

  async function productRatingsOf(reviewIds: string[]) {
    if (reviewIds.length === 0) return new Map<string, ReviewView['products']>();
    const rows = await db
      .selectFrom('product_reviews as pr')
      .innerJoin('products as p', 'p.id', 'pr.product_id')
      .select(['pr.review_id', 'pr.product_id', 'p.name', 'pr.rating', 'pr.body'])
      .where('pr.review_id', 'in', reviewIds)
      .orderBy('p.name')
      .execute();
    const byReview = new Map<string, ReviewView['products']>();
    for (const r of rows) {
      const list = byReview.get(r.review_id) ?? [];
      list.push({ productId: r.product_id, productName: r.name, rating: r.rating, body: r.body });
      byReview.set(r.review_id, list);
    }
    return byReview;
  }

  const reviews = () =>
    db
      .selectFrom('reviews')
      .select([
        'id',
        'order_id',
        'manufacturer_company_id',
        'rating',
        'body',
        'created_at',
        'reply_body',
        'replied_at',
      ]);

  async function views(rows: Awaited<ReturnType<ReturnType<typeof reviews>['execute']>>) {
    const products = await productRatingsOf(rows.map((r) => r.id));
    return rows.map((r): ReviewView => ({
      id: r.id,
      orderId: r.order_id,
      manufacturerId: r.manufacturer_company_id,
      rating: r.rating,
      body: r.body,
      createdAt: iso(r.created_at),
      products: products.get(r.id) ?? [],
      reply:
        r.reply_body !== null && r.replied_at !== null
          ? { body: r.reply_body, repliedAt: iso(r.replied_at) }
          : null,
    }));
  }

  async function review(reviewId: string): Promise<ReviewView> {
    const row = await reviews().where('id', '=', reviewId).executeTakeFirst();
    if (!row) throw notFound('review', reviewId);
    return (await views([row]))[0]!;
  }

  async function manufacturerReviews(manufacturerId: string, page: { limit: number; offset: number }) {
    const company = await db
      .selectFrom('companies')
      .select('id')
      .where('id', '=', manufacturerId)
      .where('kind', '=', 'manufacturer')
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!company) throw notFound('manufacturer', manufacturerId);
    const [summary, rows] = await Promise.all([
      db
        .selectFrom('manufacturer_ratings')
        .select(['review_count', 'average_rating'])
        .where('manufacturer_company_id', '=', manufacturerId)
        .executeTakeFirst(),
      reviews()
        .where('manufacturer_company_id', '=', manufacturerId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
    ]);
    // Public, and order ids are private to buyer and seller: leave them out.
    const items = (await views(rows)).map(({ orderId: _orderId, ...rest }) => rest);
    return { manufacturerId, ...rating(summary), items };
  }

  async function productReviews(productId: string, page: { limit: number; offset: number }) {
    const product = await db
      .selectFrom('products')
      .select('id')
      .where('id', '=', productId)
      .where('status', '=', 'published')
      .where('hidden_at', 'is', null)
      .executeTakeFirst();
    if (!product) throw notFound('product', productId);
    const [summary, rows] = await Promise.all([
      db
        .selectFrom('product_ratings')
        .select(['review_count', 'average_rating'])
        .where('product_id', '=', productId)
        .executeTakeFirst(),
      db
        .selectFrom('product_reviews as pr')
        .innerJoin('reviews as r', 'r.id', 'pr.review_id')
        .select([
          'pr.id',
          'pr.review_id',
          'pr.rating',
          'pr.body',
          'pr.created_at',
          'r.reply_body',
          'r.replied_at',
        ])
        .where('pr.product_id', '=', productId)
        .orderBy('pr.created_at', 'desc')
        .orderBy('pr.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
    ]);
    const items = rows.map((r) => ({
      id: r.id,
      reviewId: r.review_id,
      rating: r.rating,
      body: r.body,
      createdAt: iso(r.created_at),
      // The manufacturer's one reply answers the whole order's review, products included.
      reply:
        r.reply_body !== null && r.replied_at !== null
          ? { body: r.reply_body, repliedAt: iso(r.replied_at) }
          : null,
    }));
    return { productId, ...rating(summary), items };
  }

  return { review, manufacturerReviews, productReviews };
}
