/** The retailer's cart: lines from many manufacturers with per-line problems, saved carts, reorder. */
import { z } from 'zod';
import type { CartService } from '../../marketplace/checkout/cart-service.ts';
import type { ApiDefinition } from '../openapi.ts';

const uuid = (what: string) => z.uuid({ message: `must be a ${what} id (UUID)` });
const quantity = z
  .number({ message: 'must be a whole number of units' })
  .int({ message: 'must be a whole number of units' })
  .min(1, { message: 'must be at least 1' })
  .max(1_000_000);

const cartLine = z.object({
  variantId: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  options: z.record(z.string(), z.string()),
  sellerCompanyId: z.string(),
  sellerName: z.string(),
  categoryPath: z.string().nullable(),
  currency: z.string(),
  quantity: z.number().int(),
  moq: z.number().int(),
  casePack: z.number().int(),
  available: z.number().int(),
  unitPriceMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const cartSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.enum(['active', 'saved']),
    suppliers: z.array(
      z.object({
        sellerCompanyId: z.string(),
        sellerName: z.string(),
        currency: z.string(),
        subtotalMinor: z.number().int(),
        lines: z.array(cartLine),
      }),
    ),
    totals: z.array(z.object({ currency: z.string(), subtotalMinor: z.number().int() })),
    lineCount: z.number().int(),
    problemCount: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Cart');

export function registerCartRoutes(api: ApiDefinition, deps: { carts: CartService }) {
  const { carts } = deps;
  const variantParams = z.object({ variantId: uuid('variant') }).strict();
  const idParams = (what: string) => z.object({ id: uuid(what) }).strict();

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/cart',
      summary: 'Your cart, grouped by manufacturer',
      tag: 'cart',
      auth: true,
      response: cartSchema,
    },
    ({ principal }) => carts.get(principal),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/cart/lines',
      summary: 'Add units of a variant to your cart (adds to a line already there)',
      tag: 'cart',
      auth: true,
      body: z.object({ variantId: uuid('variant'), quantity }).strict(),
      response: cartSchema,
    },
    ({ principal, body }) => carts.add(principal, body),
  );
  api.defineRoute(
    {
      method: 'patch',
      path: '/api/v1/cart/lines/:variantId',
      summary: "Set a line's quantity (0 removes it)",
      tag: 'cart',
      auth: true,
      params: variantParams,
      body: z.object({ quantity: quantity.min(0, { message: 'must be 0 (remove) or more' }) }).strict(),
      response: cartSchema,
    },
    ({ principal, params, body }) => carts.setQuantity(principal, params.variantId, body.quantity),
  );
  api.defineRoute(
    {
      method: 'delete',
      path: '/api/v1/cart/lines/:variantId',
      summary: 'Remove a line from your cart',
      tag: 'cart',
      auth: true,
      params: variantParams,
      response: cartSchema,
    },
    ({ principal, params }) => carts.setQuantity(principal, params.variantId, 0),
  );
  api.defineRoute(
    {
      method: 'delete',
      path: '/api/v1/cart',
      summary: 'Empty your cart',
      tag: 'cart',
      auth: true,
      response: cartSchema,
    },
    ({ principal }) => carts.clear(principal),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/cart/save',
      summary: 'Save your cart under a name (you get a new, empty cart)',
      tag: 'cart',
      auth: true,
      body: z.object({ name: z.string().trim().min(1, { message: 'must not be empty' }).max(100) }).strict(),
      status: 201,
      response: cartSchema,
    },
    ({ principal, body }) => carts.save(principal, body.name),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/carts/saved',
      summary: 'Your saved carts',
      tag: 'cart',
      auth: true,
      response: z.object({ items: z.array(cartSchema) }),
    },
    async ({ principal }) => ({ items: await carts.listSaved(principal) }),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/carts/saved/:id/restore',
      summary: "Add a saved cart's lines to your cart",
      tag: 'cart',
      auth: true,
      params: idParams('saved cart'),
      response: cartSchema,
    },
    ({ principal, params }) => carts.restore(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'delete',
      path: '/api/v1/carts/saved/:id',
      summary: 'Delete a saved cart',
      tag: 'cart',
      auth: true,
      params: idParams('saved cart'),
    },
    ({ principal, params }) => carts.deleteSaved(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/orders/:id/reorder',
      summary: "Put a past order's lines back in your cart, at today's prices",
      tag: 'cart',
      auth: true,
      params: idParams('order'),
      response: cartSchema,
    },
    ({ principal, params }) => carts.reorder(principal, params.id),
  );
}
