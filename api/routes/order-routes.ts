import { z } from 'zod';
import type { FulfilmentService } from '../../marketplace/orders/fulfilment-service.ts';
import { ORDER_STATUSES, type OrderStatus } from '../../marketplace/orders/order-state-machine.ts';
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
    counterpartyName: z.string().optional(),
    totalMinor: z.number().int().optional(),
    paymentStatus: z.string().optional(),
  })
  .openapi('Order');

const idParams = z.object({ id: z.uuid({ message: 'must be an order id (UUID)' }) }).strict();

const reasonBody = z
  .object({
    reason: z.string().trim().min(3, { message: 'must say why, in at least 3 characters' }).max(1000),
  })
  .strict()
  .openapi('OrderReasonRequest');

const shipBody = z
  .object({
    carrier: z.string().trim().min(1, { message: 'must name the carrier' }).max(100),
    trackingNumber: z.string().trim().min(1, { message: 'must be the tracking number' }).max(100),
    trackingUrl: z
      .url({ protocol: /^https$/, message: 'must be an https:// URL' })
      .max(2000)
      .optional(),
  })
  .strict()
  .openapi('ShipOrderRequest');

const deliverBody = z
  .object({
    proofOfDeliveryKey: z
      .string()
      .trim()
      .min(1, { message: 'must be the storage key or URL of the proof of delivery' })
      .max(500)
      .optional(),
  })
  .strict()
  .openapi('DeliverOrderRequest');

const status = z.enum(ORDER_STATUSES);
const orderDetails = z
  .object({
    id: z.string(),
    buyerCompanyId: z.string(),
    buyerName: z.string(),
    sellerCompanyId: z.string(),
    sellerName: z.string(),
    status,
    currency: z.string(),
    subtotalMinor: z.number().int(),
    placedAt: z.string(),
    acceptedAt: z.string().nullable(),
    shippedAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    shipment: z
      .object({
        carrier: z.string(),
        trackingNumber: z.string(),
        trackingUrl: z.string().nullable(),
        proofOfDeliveryKey: z.string().nullable(),
      })
      .nullable(),
    lines: z.array(
      line.omit({ variantId: true }).extend({ variantId: z.string().nullable(), name: z.string() }),
    ),
    timeline: z.array(
      z.object({
        from: status.nullable(),
        to: status,
        at: z.string(),
        by: z.enum(['buyer', 'seller', 'system', 'platform']),
        reason: z.string().nullable(),
        details: z.record(z.string(), z.string()),
      }),
    ),
    next: z.array(status).openapi({ description: 'Statuses you may move the order to now' }),
  })
  .openapi('OrderDetails');

/** One route per step a person takes; the state machine decides whether it is theirs to take, and when. */
const ACTIONS: Array<{ action: string; to: OrderStatus; summary: string; body?: z.ZodType }> = [
  { action: 'accept', to: 'accepted', summary: 'Accept a placed order (its manufacturer)' },
  {
    action: 'reject',
    to: 'rejected',
    summary: 'Reject a placed order, saying why (its manufacturer)',
    body: reasonBody,
  },
  {
    action: 'processing',
    to: 'processing',
    summary: 'Mark an accepted order as being prepared (its manufacturer)',
  },
  {
    action: 'ship',
    to: 'shipped',
    summary: 'Ship an accepted or processing order with carrier and tracking number (its manufacturer)',
    body: shipBody,
  },
  {
    action: 'deliver',
    to: 'delivered',
    summary: 'Record delivery of a shipped order, optionally with a proof of delivery (its manufacturer)',
    body: deliverBody,
  },
  { action: 'confirm-delivery', to: 'delivered', summary: 'Confirm a shipped order arrived (its buyer)' },
  { action: 'complete', to: 'completed', summary: 'Confirm a delivered order is complete (its buyer)' },
  {
    action: 'cancel',
    to: 'cancelled',
    summary: 'Cancel an order before it ships, saying why (its buyer or manufacturer); its stock is restored',
    body: reasonBody,
  },
];

export function registerOrderRoutes(
  api: ApiDefinition,
  deps: { orders: OrderService; fulfilment: FulfilmentService },
) {
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
      summary:
        'Orders you placed (retailers) or received (manufacturers), newest first, optionally by status',
      tag: 'orders',
      auth: true,
      query: pageQuery.extend({
        status: z.enum(ORDER_STATUSES, { message: `must be one of ${ORDER_STATUSES.join(', ')}` }).optional(),
      }),
      response: z.object({ items: z.array(order) }),
    },
    async ({ principal, query }) => ({ items: await deps.orders.listOrders(principal, query) }),
  );
  // Before /orders/:id, which would otherwise take "export.csv" for an id.
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/orders/export.csv',
      summary: 'Your order history as CSV: orders you placed (retailers) or received (manufacturers)',
      tag: 'orders',
      auth: true,
      response: z.string().openapi({ description: 'text/csv' }),
    },
    async ({ principal, res }) => {
      const csv = await deps.fulfilment.exportCsv(principal);
      res.status(200).type('text/csv').attachment('orders.csv').send(csv);
    },
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/orders/:id',
      summary: 'One order with its lines and status timeline (its buyer, its manufacturer, platform staff)',
      tag: 'orders',
      auth: true,
      params: idParams,
      response: orderDetails,
    },
    async ({ principal, params }) => deps.fulfilment.getOrder(principal, params.id),
  );
  for (const { action, to, summary, body } of ACTIONS) {
    api.defineRoute(
      {
        method: 'post',
        path: `/api/v1/orders/:id/${action}`,
        summary,
        tag: 'orders',
        auth: true,
        params: idParams,
        ...(body ? { body } : {}),
        response: orderDetails,
      },
      async ({ principal, params, body: input }) =>
        deps.fulfilment.changeStatus(principal, params.id, to, (input ?? {}) as Record<string, string>),
    );
  }
}
