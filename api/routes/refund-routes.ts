/** Refunds of an order: full or partial, each reversing its share of the commission. */
import { z } from 'zod';
import type { IdempotencyStore } from '../../marketplace/idempotency/idempotency-keys.ts';
import type { RefundService } from '../../marketplace/refunds/refund-service.ts';
import type { ApiDefinition } from '../openapi.ts';

const refund = z
  .object({
    id: z.string(),
    orderId: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    commissionReversedMinor: z.number().int(),
    reason: z.string(),
    status: z.string(),
    createdAt: z.string(),
  })
  .openapi('Refund');

export function registerRefundRoutes(
  api: ApiDefinition,
  deps: { refunds: RefundService; idempotency: IdempotencyStore },
) {
  const params = z.object({ id: z.uuid({ message: 'must be an order id (UUID)' }) }).strict();
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/orders/:id/refunds',
      summary:
        'Refund all or part of an order (its manufacturer or platform admins); omit amountMinor for what remains',
      tag: 'orders',
      auth: true,
      idempotency: deps.idempotency,
      params,
      body: z
        .object({
          amountMinor: z
            .number()
            .int({ message: 'must be a whole number of minor units' })
            .min(1)
            .max(1e13)
            .optional(),
          reason: z.string().trim().min(3, { message: 'must say why, in at least 3 characters' }).max(1000),
        })
        .strict(),
      status: 201,
      response: refund,
    },
    ({ principal, params, body }) => deps.refunds.refund(principal, params.id, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/orders/:id/refunds',
      summary: "An order's refunds (its buyer, its manufacturer, platform staff)",
      tag: 'orders',
      auth: true,
      params,
      response: z.object({ items: z.array(refund) }),
    },
    async ({ principal, params }) => ({ items: await deps.refunds.list(principal, params.id) }),
  );
}
