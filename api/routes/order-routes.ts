import { z } from 'zod';
import type { OrderService } from '../../marketplace/orders/order-service.ts';
import type { ApiDefinition } from '../openapi.ts';
import { pageQuery } from './pagination.ts';

const placeOrderBody = z
  .object({
    lines: z
      .array(
        z
          .object({
            productId: z.uuid({ message: 'must be a product id (UUID)' }).optional(),
            variantId: z.uuid({ message: 'must be a variant id (UUID)' }).optional(),
            quantity: z.number().int().min(1).max(1_000_000),
          })
          .strict()
          .refine((l) => l.productId !== undefined || l.variantId !== undefined, {
            message: 'is required (or give variantId for one variant of a product)',
            path: ['productId'],
          }),
      )
      .min(1, { message: 'must hold at least one line' })
      .max(200),
  })
  .strict()
  .openapi('PlaceOrderRequest');

const line = z.object({
  lineNo: z.number().int(),
  productId: z.string(),
  variantId: z.string().optional(),
  sku: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
});

const order = z
  .object({
    id: z.string(),
    buyerCompanyId: z.string(),
    sellerCompanyId: z.string(),
    status: z.string(),
    currency: z.string(),
    subtotalMinor: z.number().int(),
    placedAt: z.string(),
    lines: z.array(line).optional(),
  })
  .openapi('Order');

export function registerOrderRoutes(api: ApiDefinition, deps: { orders: OrderService }) {
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/orders',
      summary: 'Place an order with one manufacturer (retailers)',
      tag: 'orders',
      auth: true,
      body: placeOrderBody,
      status: 201,
      response: order,
    },
    async ({ principal, body }) => deps.orders.placeOrder(principal, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/orders',
      summary: 'Orders you placed (retailers) or received (manufacturers)',
      tag: 'orders',
      auth: true,
      query: pageQuery,
      response: z.object({ items: z.array(order) }),
    },
    async ({ principal, query }) => ({ items: await deps.orders.listOrders(principal, query) }),
  );
}
