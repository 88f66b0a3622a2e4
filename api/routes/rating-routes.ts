/** Rating distributions (how many reviews gave each number of stars) for the storefront's review summaries. */
import { z } from 'zod';
import type { Db } from '../../marketplace/db/database.ts';
import { createRatingDistribution } from '../../marketplace/reviews/rating-distribution.ts';
import type { ApiDefinition } from '../openapi.ts';

const distribution = z
  .object({
    reviewCount: z.number().int(),
    averageRating: z.number().nullable(),
    stars: z.array(z.object({ stars: z.number().int(), count: z.number().int() })),
  })
  .openapi('RatingDistribution');

export function registerRatingRoutes(api: ApiDefinition, deps: { db: Db }) {
  const ratings = createRatingDistribution({ db: deps.db });
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/manufacturers/:id/rating-distribution',
      summary: "How many of a manufacturer's reviews gave each number of stars (public)",
      tag: 'reviews',
      auth: false,
      params: z.object({ id: z.uuid({ message: 'must be a manufacturer id (UUID)' }) }).strict(),
      response: distribution,
    },
    async ({ params }) => ratings.ofManufacturer(params.id),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/products/:id/rating-distribution',
      summary: "How many of a product's reviews gave each number of stars (public; products on sale only)",
      tag: 'reviews',
      auth: false,
      params: z.object({ id: z.uuid({ message: 'must be a product id (UUID)' }) }).strict(),
      response: distribution,
    },
    async ({ params }) => ratings.ofProduct(params.id),
  );
}
