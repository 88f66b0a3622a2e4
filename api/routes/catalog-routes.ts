/**
 * Catalog HTTP: the public catalog (categories, search, product pages), a seller's own products (create, edit,
 * publish, bulk edit, CSV import/export) and admin moderation. Variants, product images, inventory and the
 * manufacturer directory have their own route files, registered from here.
 */
import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { CatalogService } from '../../marketplace/catalog/catalog-service.ts';
import type { ProductImages } from '../../marketplace/catalog/product-images.ts';
import {
  newProductSchema,
  priceTiersSchema,
  productPatchSchema,
  skuSchema,
} from '../../marketplace/catalog/product-schema.ts';
import { CURRENCIES } from '../../platform/money.ts';
import type { ApiDefinition } from '../openapi.ts';
import { registerDirectoryRoutes } from './directory-routes.ts';
import { registerInventoryRoutes } from './inventory-routes.ts';
import { pageQuery } from './pagination.ts';
import { registerProductImageRoutes } from './product-image-routes.ts';
import { productPage, productSummary, sellerProduct } from './product-responses.ts';
import { signedInCaller } from './signed-in-caller.ts';
import { registerVariantRoutes } from './variant-routes.ts';

const idParams = z.object({ id: z.uuid({ message: 'must be a product id (UUID)' }) }).strict();
const flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');
const count = (max: number) => z.coerce.number({ message: 'must be a number' }).int().min(0).max(max);

const searchQuery = z
  .object({
    q: z.string().max(200).optional(),
    category: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/, { message: 'must be a category slug' })
      .optional(),
    currency: z.enum(CURRENCIES).optional(),
    minPrice: count(1_000_000_000_00).optional(),
    maxPrice: count(1_000_000_000_00).optional(),
    maxMoq: count(1_000_000).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, { message: 'must be a two-letter country code' })
      .optional(),
    certification: z.string().min(1).max(60).optional(),
    verifiedOnly: flag.optional(),
    minRating: z.coerce
      .number({ message: 'must be a number from 1 to 5' })
      .min(1, { message: 'must be a number from 1 to 5' })
      .max(5, { message: 'must be a number from 1 to 5' })
      .optional()
      .openapi({
        description: "The product's own average rating from reviews; unrated products are left out",
      }),
    sort: z.enum(['relevance', 'newest', 'price_asc', 'price_desc', 'popularity', 'rating']).optional(),
  })
  .extend(pageQuery.shape)
  .strict()
  .superRefine((q, ctx) => {
    if ((q.minPrice !== undefined || q.maxPrice !== undefined) && !q.currency)
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required with minPrice or maxPrice' });
    if (q.minPrice !== undefined && q.maxPrice !== undefined && q.minPrice > q.maxPrice)
      ctx.addIssue({ code: 'custom', path: ['maxPrice'], message: 'must not be below minPrice' });
  });

const reasonBody = z
  .object({
    reason: z.string().trim().min(3, { message: 'must say why, in at least 3 characters' }).max(1000),
  })
  .strict();

const bulkEditBody = z
  .object({
    items: z
      .array(
        z
          .object({
            sku: skuSchema,
            priceMinor: z.number().int().positive().max(1_000_000_000_00).optional(),
            priceTiers: priceTiersSchema.optional(),
            unitCostMinor: z.number().int().min(0).max(1_000_000_000_00).nullable().optional(),
            stock: z.number().int().min(0).max(1_000_000_000).optional(),
            locationId: z.uuid({ message: 'must be a location id (UUID)' }).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict()
  .openapi('BulkEditRequest');

export function registerCatalogRoutes(
  api: ApiDefinition,
  deps: {
    catalog: CatalogService;
    productImages: ProductImages;
    router: Router;
    authenticate: RequestHandler;
  },
) {
  const { catalog } = deps;
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/categories',
      summary: 'The category tree (flat, by path), with the number of visible products directly in each',
      tag: 'catalog',
      auth: false,
      response: z.object({
        items: z.array(
          z.object({
            id: z.string(),
            parentId: z.string().nullable(),
            slug: z.string(),
            name: z.string(),
            path: z.string(),
            depth: z.number().int(),
            productCount: z.number().int(),
          }),
        ),
      }),
    },
    async () => ({ items: await catalog.categories() }),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/products',
      summary:
        'List a product (manufacturers): variants, tiers, MOQ, case pack, images, specs; draft or published',
      tag: 'catalog',
      auth: true,
      // Domain schemas may be built before zod is extended for OpenAPI, so they are documented inline.
      body: newProductSchema,
      status: 201,
      response: sellerProduct,
    },
    async ({ principal, body }) => catalog.listProduct(principal, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/products',
      summary: 'Search and browse published products: keywords (typo tolerant), filters, sort, pages',
      tag: 'catalog',
      auth: false,
      query: searchQuery,
      response: z.object({ items: z.array(productSummary), total: z.number().int() }),
    },
    // Public; a signed-in retailer's search is also recorded for analytics (catalog.searched).
    async ({ query, req, res }) =>
      catalog.browse(
        {
          ...query,
          ...(query.minPrice !== undefined ? { minPriceMinor: query.minPrice } : {}),
          ...(query.maxPrice !== undefined ? { maxPriceMinor: query.maxPrice } : {}),
        },
        await signedInCaller(deps.authenticate, req, res),
      ),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/products/:id',
      summary: 'A product page: variants, price tiers, availability and related products',
      tag: 'catalog',
      auth: false,
      params: idParams,
      response: productPage,
    },
    // Public; a signed-in retailer's visit is also recorded for analytics (product.viewed, throttled).
    async ({ params, req, res }) =>
      catalog.productPage(params.id, await signedInCaller(deps.authenticate, req, res)),
  );

  // A seller's own catalog: drafts, moderation notes and unit cost live only here.
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/catalog/products',
      summary: "Your company's products, including drafts, hidden ones (with the reason) and unit cost",
      tag: 'catalog',
      auth: true,
      query: z
        .object({ status: z.enum(['draft', 'published']).optional(), hidden: flag.optional() })
        .extend(pageQuery.shape)
        .strict(),
      response: z.object({ items: z.array(sellerProduct) }),
    },
    async ({ principal, query }) => ({ items: await catalog.myProducts(principal, query) }),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/catalog/products/:id',
      summary: 'One of your products, as you see it',
      tag: 'catalog',
      auth: true,
      params: idParams,
      response: sellerProduct,
    },
    async ({ principal, params }) => catalog.myProduct(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'patch',
      path: '/api/v1/catalog/products/:id',
      summary:
        'Edit a product: name, description, category, images, specifications, certifications, lead time',
      tag: 'catalog',
      auth: true,
      params: idParams,
      body: productPatchSchema,
      response: sellerProduct,
    },
    async ({ principal, params, body }) => {
      await catalog.updateProduct(principal, params.id, body);
      return catalog.myProduct(principal, params.id);
    },
  );
  for (const [action, summaryText] of [
    ['publish', 'Publish a draft (verified manufacturers only)'],
    ['unpublish', 'Take a product back to draft'],
  ] as const) {
    api.defineRoute(
      {
        method: 'post',
        path: `/api/v1/catalog/products/:id/${action}`,
        summary: summaryText,
        tag: 'catalog',
        auth: true,
        params: idParams,
        response: sellerProduct,
      },
      async ({ principal, params }) => {
        await catalog[action](principal, params.id);
        return catalog.myProduct(principal, params.id);
      },
    );
  }
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/catalog/bulk-edit',
      summary: 'Change prices, tiers, unit cost and stock of many variants (by SKU) at once: all or nothing',
      tag: 'catalog',
      auth: true,
      body: bulkEditBody,
      response: z.object({ updated: z.number().int() }),
    },
    async ({ principal, body }) => catalog.bulkEdit(principal, body.items),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/catalog/import',
      summary:
        'Import products from CSV (one row per variant). mode=upsert updates the SKUs you have and creates the rest. Any bad row: 422 naming every line and column, nothing imported; dryRun: the report only',
      tag: 'catalog',
      auth: true,
      body: z
        .object({
          csv: z.string().min(1, { message: 'must hold the CSV text' }).max(900_000),
          dryRun: z.boolean().optional(),
          mode: z.enum(['create', 'upsert']).optional().openapi({
            description: 'create (default): only new SKUs; upsert: update existing SKUs, create new ones',
          }),
        })
        .strict()
        .openapi('CsvImportRequest'),
      response: z
        .object({
          dryRun: z.boolean(),
          mode: z.enum(['create', 'upsert']),
          rows: z.number().int(),
          products: z.number().int(),
          imported: z.number().int(),
          created: z.number().int(),
          updated: z.number().int(),
          errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
        })
        .openapi('CsvImportReport'),
    },
    async ({ principal, body }) =>
      catalog.importCsv(principal, body.csv, { dryRun: body.dryRun ?? false, mode: body.mode ?? 'create' }),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/catalog/export',
      summary: 'Your products as CSV (the import format, with unit cost and stock)',
      tag: 'catalog',
      auth: true,
      response: z.string().openapi({ description: 'text/csv' }),
    },
    async ({ principal, res }) => {
      const csv = await catalog.exportCsv(principal);
      res.status(200).type('text/csv').attachment('products.csv').send(csv);
    },
  );

  for (const [action, summaryText] of [
    ['hide', 'Hide a listing from buyers, with a reason the seller sees (platform admins)'],
    ['unhide', 'Show a hidden listing again (platform admins)'],
  ] as const) {
    api.defineRoute(
      {
        method: 'post',
        path: `/api/v1/admin/products/:id/${action}`,
        summary: summaryText,
        tag: 'admin',
        auth: true,
        params: idParams,
        body: reasonBody,
        response: z.object({
          productId: z.string(),
          hidden: z.boolean(),
          hiddenAt: z.string().nullable(),
          reason: z.string().nullable(),
        }),
      },
      async ({ principal, params, body }) => catalog.moderation[action](principal, params.id, body.reason),
    );
  }

  registerVariantRoutes(api, { catalog });
  registerProductImageRoutes(api, deps);
  registerInventoryRoutes(api, { inventory: catalog.inventory });
  registerDirectoryRoutes(api, { directory: catalog.directory });
}
