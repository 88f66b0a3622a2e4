/** Reviews: the buyer reviews a delivered order once, the manufacturer replies once, everyone can read them. */
import { z } from 'zod';
import type { ReviewService } from '../../marketplace/reviews/review-service.ts';
import type { ApiDefinition } from '../openapi.ts';
import { pageQuery } from './pagination.ts';

const stars = z
  .number({ message: 'must be a whole number from 1 to 5' })
  .int({ message: 'must be a whole number from 1 to 5' })
  .min(1, { message: 'must be a whole number from 1 to 5' })
  .max(5, { message: 'must be a whole number from 1 to 5' });

const optionalText = z
  .string({ message: 'must be text' })
  .trim()
  .max(5000, { message: 'must be at most 5000 characters' })
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const reply = z.object({ body: z.string(), repliedAt: z.string() }).nullable();

const review = z
  .object({
    id: z.string(),
    orderId: z.string(),
    manufacturerId: z.string(),
    rating: z.number().int(),
    body: z.string().nullable(),
    createdAt: z.string(),
    products: z.array(
      z.object({
        productId: z.string(),
        productName: z.string(),
        rating: z.number().int(),
        body: z.string().nullable(),
      }),
    ),
    reply,
  })
  .openapi('Review');

const summary = { averageRating: z.number().nullable(), reviewCount: z.number().int() };

export function registerReviewRoutes(api: ApiDefinition, deps: { reviews: ReviewService }) {
  const { reviews } = deps;
  const orderParams = z.object({ orderId: z.uuid({ message: 'must be an order id (UUID)' }) }).strict();
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/orders/:orderId/review',
      summary: 'Review a delivered order: the manufacturer and any of its products (once per order; buyers)',
      tag: 'reviews',
      auth: true,
      params: orderParams,
      body: z
        .object({
          rating: stars,
          body: optionalText,
          products: z
            .array(
              z
                .object({
                  productId: z.uuid({ message: 'must be a product id (UUID)' }),
                  rating: stars,
                  body: optionalText,
                })
                .strict(),
            )
            .max(200)
            .optional(),
        })
        .strict()
        .openapi('PostReviewRequest'),
      status: 201,
      response: review,
    },
    async ({ principal, params, body }) => reviews.postReview(principal, params.orderId, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/orders/:orderId/review',
      summary: "An order's review, for its buyer and its seller",
      tag: 'reviews',
      auth: true,
      params: orderParams,
      response: review,
    },
    async ({ principal, params }) => reviews.reviewOfOrder(principal, params.orderId),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/reviews/:reviewId/reply',
      summary: 'Answer a review of your company, once, in public (manufacturers: orders:manage)',
      tag: 'reviews',
      auth: true,
      params: z.object({ reviewId: z.uuid({ message: 'must be a review id (UUID)' }) }).strict(),
      body: z
        .object({
          body: z
            .string({ message: 'must be text' })
            .trim()
            .min(1, { message: 'must not be empty' })
            .max(5000, { message: 'must be at most 5000 characters' }),
        })
        .strict()
        .openapi('ReviewReplyRequest'),
      response: review,
    },
    async ({ principal, params, body }) => reviews.reply(principal, params.reviewId, body.body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/manufacturers/:id/reviews',
      summary: "A manufacturer's reviews with its average rating (public; reviewers stay anonymous)",
      tag: 'reviews',
      auth: false,
      params: z.object({ id: z.uuid({ message: 'must be a manufacturer id (UUID)' }) }).strict(),
      query: pageQuery,
      response: z
        .object({
          manufacturerId: z.string(),
          ...summary,
          items: z.array(review.omit({ orderId: true })),
        })
        .openapi('ManufacturerReviews'),
    },
    async ({ params, query }) => reviews.manufacturerReviews(params.id, query),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/products/:id/reviews',
      summary: "A product's reviews with its average rating (public; products on sale only)",
      tag: 'reviews',
      auth: false,
      params: z.object({ id: z.uuid({ message: 'must be a product id (UUID)' }) }).strict(),
      query: pageQuery,
      response: z
        .object({
          productId: z.string(),
          ...summary,
          items: z.array(
            z.object({
              id: z.string(),
              reviewId: z.string(),
              rating: z.number().int(),
              body: z.string().nullable(),
              createdAt: z.string(),
              reply,
            }),
          ),
        })
        .openapi('ProductReviews'),
    },
    async ({ params, query }) => reviews.productReviews(params.id, query),
  );
}
