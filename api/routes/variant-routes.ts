/**
 * A seller's variants after listing: add one, change one, retire one. Each answers the product as the seller
 * sees it, so the client shows the result without a second request.
 */
import { z } from 'zod';
import type { CatalogService } from '../../marketplace/catalog/catalog-service.ts';
import { variantChangeSchema, variantSchema } from '../../marketplace/catalog/product-schema.ts';
import type { ApiDefinition } from '../openapi.ts';
import { sellerProduct } from './product-responses.ts';

const productParams = z.object({ id: z.uuid({ message: 'must be a product id (UUID)' }) }).strict();
const variantParams = productParams
  .extend({ variantId: z.uuid({ message: 'must be a variant id (UUID)' }) })
  .strict();

export function registerVariantRoutes(api: ApiDefinition, deps: { catalog: CatalogService }) {
  const { catalog } = deps;
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/catalog/products/:id/variants',
      summary:
        'Add a variant to one of your products: SKU (unique in your company), options, price, tiers, MOQ, case pack, unit cost, opening stock',
      tag: 'catalog',
      auth: true,
      params: productParams,
      body: variantSchema,
      status: 201,
      response: sellerProduct,
    },
    async ({ principal, params, body }) => {
      await catalog.addVariant(principal, params.id, body);
      return catalog.myProduct(principal, params.id);
    },
  );
  api.defineRoute(
    {
      method: 'patch',
      path: '/api/v1/catalog/products/:id/variants/:variantId',
      summary:
        'Change a variant: SKU, options, price (audited), tiers, MOQ, case pack, unit cost; stock moves through inventory',
      tag: 'catalog',
      auth: true,
      params: variantParams,
      body: variantChangeSchema,
      response: sellerProduct,
    },
    async ({ principal, params, body }) => {
      await catalog.updateVariant(principal, params.id, params.variantId, body);
      return catalog.myProduct(principal, params.id);
    },
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/catalog/products/:id/variants/:variantId/retire',
      summary:
        'Retire a variant: off the storefront, no longer in carts or orders; its order history stays and its SKU stays reserved',
      tag: 'catalog',
      auth: true,
      params: variantParams,
      response: sellerProduct,
    },
    async ({ principal, params }) => {
      await catalog.retireVariant(principal, params.id, params.variantId);
      return catalog.myProduct(principal, params.id);
    },
  );
}
