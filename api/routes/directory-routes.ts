/** The public manufacturer directory: a list and profile pages with each manufacturer's published products. */
import { z } from 'zod';
import type { createDirectory } from '../../marketplace/catalog/directory.ts';
import type { ApiDefinition } from '../openapi.ts';
import { pageQuery } from './pagination.ts';

const manufacturer = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    city: z.string(),
    verified: z.boolean(),
    trustBadge: z.enum(['basic', 'verified', 'premium']),
    trustScore: z.number().int().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    foundedYear: z.number().int().nullable(),
    productCount: z.number().int(),
    memberSince: z.string(),
  })
  .openapi('Manufacturer');

export function registerDirectoryRoutes(
  api: ApiDefinition,
  deps: { directory: ReturnType<typeof createDirectory> },
) {
  const { directory } = deps;
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/manufacturers',
      summary: 'The manufacturer directory, by name',
      tag: 'directory',
      auth: false,
      query: z
        .object({
          q: z.string().max(100).optional(),
          country: z
            .string()
            .regex(/^[A-Za-z]{2}$/, { message: 'must be a two-letter country code' })
            .optional(),
          verifiedOnly: z
            .enum(['true', 'false'], { message: 'must be true or false' })
            .transform((v) => v === 'true')
            .optional(),
        })
        .extend(pageQuery.shape)
        .strict(),
      response: z.object({ items: z.array(manufacturer) }),
    },
    async ({ query }) => ({ items: await directory.list(query) }),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/manufacturers/:id',
      summary: "A manufacturer's profile with its published products",
      tag: 'directory',
      auth: false,
      params: z.object({ id: z.uuid({ message: 'must be a manufacturer id (UUID)' }) }).strict(),
      query: pageQuery,
      response: manufacturer
        .extend({ products: z.array(z.any()), totalProducts: z.number().int() })
        .openapi('ManufacturerProfile'),
    },
    async ({ params, query }) => directory.profile(params.id, query),
  );
}
