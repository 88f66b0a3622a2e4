import { z } from 'zod';
import type { CatalogService } from '../../marketplace/catalog/catalog-service.ts';
import { CURRENCIES } from '../../platform/money.ts';
import type { ApiDefinition } from '../openapi.ts';
import { pageQuery } from './pagination.ts';

const listProductBody = z
  .object({
    sku: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1-64 letters, digits, ".", "_" or "-"' }),
    name: z.string().trim().min(1).max(200),
    priceMinor: z
      .number()
      .int()
      .positive()
      .max(1_000_000_000_00, { message: 'must be at most 1,000,000,000.00' }),
    currency: z.enum(CURRENCIES),
    stock: z.number().int().min(0).max(1_000_000_000),
  })
  .strict()
  .openapi('ListProductRequest');

const product = z
  .object({
    id: z.string(),
    sellerCompanyId: z.string(),
    sku: z.string(),
    name: z.string(),
    priceMinor: z.number().int(),
    currency: z.enum(CURRENCIES),
    stock: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Product');

export function registerCatalogRoutes(api: ApiDefinition, deps: { catalog: CatalogService }) {
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/products',
      summary: 'List a product (manufacturers)',
      tag: 'catalog',
      auth: true,
      body: listProductBody,
      status: 201,
      response: product,
    },
    async ({ principal, body }) => deps.catalog.listProduct(principal, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/products',
      summary: 'Browse products, newest first',
      tag: 'catalog',
      auth: false,
      query: pageQuery,
      response: z.object({ items: z.array(product) }),
    },
    async ({ query }) => ({ items: await deps.catalog.browse(query) }),
  );
}
