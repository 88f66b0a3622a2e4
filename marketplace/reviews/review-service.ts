/**
 * Reviews: once an order has arrived (status delivered or completed), its buyer rates the manufacturer and,
 * optionally, each product on the order: one review per order. The manufacturer may answer it once, in public.
 *
 * Who: posting speaks for the buyer company, so it takes `orders:place` (the right to buy); replying speaks for
 * the manufacturer, so it takes `orders:manage`. Order statuses are owned by the fulfilment state machine; this
 * context only reads `orders.status`.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { REVIEW_POSTED, REVIEW_REPLIED, type ReviewPostedV1, type ReviewRepliedV1 } from './events.ts';
import { createReviewListing } from './review-listing.ts';

/** Statuses after which the goods are in the buyer's hands. */
export const REVIEWABLE_STATUSES = ['delivered', 'completed'] as const;

export interface PostReviewInput {
  rating: number;
  body?: string;
  /** Products of the order the buyer wants to rate; any subset of the order's products, each once. */
  products?: Array<{ productId: string; rating: number; body?: string }>;
}

export function createReviewService(deps: { db: Db; clock: Clock; notifier: Notifier }) {
  const { db, clock, notifier } = deps;
  const listing = createReviewListing({ db });

  async function postReview(principal: Principal, orderId: string, input: PostReviewInput) {
    if (principal.companyKind !== 'retailer' || !can(principal, 'orders:place'))
      throw forbidden('Only a member of the buying company who may place orders can review an order.');
    const products = input.products ?? [];
    const { reviewId, delivery } = await db.transaction().execute(async (tx) => {
      // The order's row lock makes "one review per order" hold under concurrent submissions (the UNIQUE backs it).
      const order = await tx
        .selectFrom('orders')
        .select(['id', 'buyer_company_id', 'seller_company_id', 'status'])
        .where('id', '=', orderId)
        .where('buyer_company_id', '=', principal.companyId)
        .forUpdate()
        .executeTakeFirst();
      if (!order) throw notFound('order', orderId);
      if (!(REVIEWABLE_STATUSES as readonly string[]).includes(order.status))
        throw new DomainError(
          'validation',
          'order_not_delivered',
          `An order can be reviewed once it is delivered; this one is ${order.status}.`,
          [{ field: 'orderId', message: `is ${order.status}, not delivered or completed` }],
        );
      const existing = await tx
        .selectFrom('reviews')
        .select('id')
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      if (existing)
        throw new DomainError('conflict', 'already_reviewed', 'This order has already been reviewed.', [
          { field: 'orderId', message: `already has review ${existing.id}` },
        ]);
      const onOrder = new Set(
        (
          await tx.selectFrom('order_lines').select('product_id').where('order_id', '=', orderId).execute()
        ).map((l) => l.product_id),
      );
      const seen = new Set<string>();
      products.forEach((p, i) => {
        const problem = !onOrder.has(p.productId)
          ? 'is not a product of this order'
          : seen.has(p.productId)
            ? 'is rated twice'
            : undefined;
        if (problem)
          throw new DomainError('validation', 'invalid_product_review', `Product ${i + 1} ${problem}.`, [
            { field: `products.${i}.productId`, message: problem },
          ]);
        seen.add(p.productId);
      });

      const now = clock.now();
      const reviewId = newId();
      await tx
        .insertInto('reviews')
        .values({
          id: reviewId,
          order_id: orderId,
          buyer_company_id: order.buyer_company_id,
          manufacturer_company_id: order.seller_company_id,
          author_user_id: principal.userId,
          rating: input.rating,
          body: input.body ?? null,
          created_at: now,
          reply_body: null,
          reply_author_user_id: null,
          replied_at: null,
        })
        .execute();
      if (products.length > 0)
        await tx
          .insertInto('product_reviews')
          .values(
            products.map((p) => ({
              id: newId(),
              review_id: reviewId,
              order_id: orderId,
              product_id: p.productId,
              manufacturer_company_id: order.seller_company_id,
              rating: p.rating,
              body: p.body ?? null,
              created_at: now,
            })),
          )
          .execute();
      const actor = { userId: principal.userId, companyId: principal.companyId, kind: 'user' as const };
      await recordEvent<ReviewPostedV1>(tx, {
        type: REVIEW_POSTED,
        version: 1,
        aggregateType: 'review',
        aggregateId: reviewId,
        companyIds: [order.buyer_company_id, order.seller_company_id],
        occurredAt: now,
        actor,
        payload: {
          reviewId,
          orderId,
          buyerCompanyId: order.buyer_company_id,
          manufacturerCompanyId: order.seller_company_id,
          rating: input.rating,
          products: products.map((p) => ({ productId: p.productId, rating: p.rating })),
          postedAt: now.toISOString(),
        },
      });
      const delivery = await notifier.notify(
        tx,
        { companyId: order.seller_company_id, permission: 'orders:read' },
        {
          kind: 'review.received',
          title: `A buyer rated your company ${input.rating} out of 5`,
          body: input.body ? input.body.slice(0, 280) : 'The review has no text.',
          // The review shows on the order's page (there is no page per review).
          link: `/orders/${orderId}`,
        },
      );
      return { reviewId, delivery };
    });
    await notifier.sendEmails(delivery);
    return listing.review(reviewId);
  }

  async function reply(principal: Principal, reviewId: string, body: string) {
    if (principal.companyKind !== 'manufacturer' || !can(principal, 'orders:manage'))
      throw forbidden('Only a member of the reviewed manufacturer who manages orders can reply.');
    const delivery = await db.transaction().execute(async (tx) => {
      const review = await tx
        .selectFrom('reviews')
        .select(['id', 'order_id', 'buyer_company_id', 'manufacturer_company_id', 'replied_at'])
        .where('id', '=', reviewId)
        .where('manufacturer_company_id', '=', principal.companyId)
        .forUpdate()
        .executeTakeFirst();
      if (!review) throw notFound('review', reviewId);
      if (review.replied_at !== null)
        throw new DomainError('conflict', 'already_replied', 'This review already has your reply.', [
          { field: 'body', message: 'a review takes one reply' },
        ]);
      const now = clock.now();
      await tx
        .updateTable('reviews')
        .set({ reply_body: body, reply_author_user_id: principal.userId, replied_at: now })
        .where('id', '=', reviewId)
        .execute();
      await recordEvent<ReviewRepliedV1>(tx, {
        type: REVIEW_REPLIED,
        version: 1,
        aggregateType: 'review',
        aggregateId: reviewId,
        companyIds: [review.buyer_company_id, review.manufacturer_company_id],
        occurredAt: now,
        actor: { userId: principal.userId, companyId: principal.companyId, kind: 'user' },
        payload: {
          reviewId,
          orderId: review.order_id,
          buyerCompanyId: review.buyer_company_id,
          manufacturerCompanyId: review.manufacturer_company_id,
          repliedAt: now.toISOString(),
        },
      });
      return notifier.notify(
        tx,
        { companyId: review.buyer_company_id, permission: 'orders:read' },
        {
          kind: 'review.replied',
          title: 'The manufacturer replied to your review',
          body: body.slice(0, 280),
          link: `/orders/${review.order_id}`,
        },
      );
    });
    await notifier.sendEmails(delivery);
    return listing.review(reviewId);
  }

  /** The review of one order, for its buyer and its seller (others: 404, as for an order they cannot see). */
  async function reviewOfOrder(principal: Principal, orderId: string) {
    if (!can(principal, 'orders:read')) throw forbidden('You do not have access to orders.');
    const row = await db
      .selectFrom('reviews')
      .select('id')
      .where('order_id', '=', orderId)
      .where((eb) =>
        eb.or([
          eb('buyer_company_id', '=', principal.companyId),
          eb('manufacturer_company_id', '=', principal.companyId),
        ]),
      )
      .executeTakeFirst();
    if (!row)
      throw new DomainError('not_found', 'review_not_found', `Order ${orderId} has no review you can see.`);
    return listing.review(row.id);
  }

  return { postReview, reply, reviewOfOrder, ...listing };
}

export type ReviewService = ReturnType<typeof createReviewService>;
