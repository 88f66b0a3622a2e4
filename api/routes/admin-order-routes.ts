/**
 * Platform operations for admins: orders that need attention (order monitoring) and the platform's vital
 * signs (pipeline health from the Prometheus registry, marketplace counters from the OLTP database).
 */
import { z } from 'zod';
import type { Db } from '../../marketplace/db/database.ts';
import {
  createMarketplaceCounters,
  requirePlatformAdmin,
} from '../../marketplace/admin/marketplace-counters.ts';
import { ATTENTION_KINDS, createOrdersAttention } from '../../marketplace/orders/orders-attention.ts';
import type { PipelineMetrics } from '../../ingest/metrics.ts';
import { createPipelineHealth } from '../../ingest/pipeline-health.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { ApiDefinition } from '../openapi.ts';

const wholeNumber = (min: number, max: number, unit: string) =>
  z.coerce
    .number({ message: `must be a whole number of ${unit}` })
    .int({ message: `must be a whole number of ${unit}` })
    .min(min, { message: `must be at least ${min} ${unit}` })
    .max(max, { message: `must be at most ${max} ${unit}` });

const company = z.object({ id: z.string(), name: z.string() });

const attentionItem = z
  .object({
    kind: z.enum(ATTENTION_KINDS),
    orderId: z.string(),
    status: z.string(),
    paymentMethod: z.enum(['card', 'terms']).nullable(),
    paymentStatus: z.string(),
    buyer: company,
    seller: company,
    amountMinor: z.number().int(),
    currency: z.string(),
    placedAt: z.string(),
    since: z
      .string()
      .openapi({ description: 'When the order started needing attention (a missed deadline)' }),
    ageHours: z.number().int(),
    overdueHours: z.number().int(),
  })
  .openapi('AttentionOrder');

const attentionResponse = z
  .object({
    generatedAt: z.string(),
    thresholds: z.object({
      acceptWithinHours: z.number().int(),
      paymentPendingMinutes: z.number().int(),
      shipBy: z.string(),
    }),
    groups: z.array(
      z.object({ kind: z.enum(ATTENTION_KINDS), total: z.number().int(), items: z.array(attentionItem) }),
    ),
    statusCounts: z.array(
      z.object({ status: z.string(), today: z.number().int(), last7Days: z.number().int() }),
    ),
  })
  .openapi('OrdersAttention');

const nullableNumber = z.number().nullable();
const platformMetrics = z
  .object({
    generatedAt: z.string(),
    pipeline: z.object({
      consumerLag: nullableNumber.openapi({
        description: 'Kafka only; null when events are handed over in process',
      }),
      eventsPerSecond: z.object({
        published: nullableNumber,
        loaded: nullableNumber,
        windowSeconds: z.number(),
      }),
      eventsPublished: z.number(),
      eventsLoaded: z.number(),
      freshness: z.object({ p50Seconds: nullableNumber, p95Seconds: nullableNumber, observed: z.number() }),
      deadLetters: z.number(),
      outboxPending: nullableNumber,
    }),
    marketplace: z.object({
      kybWaiting: z.number().int(),
      claims: z.object({ open: z.number().int(), escalated: z.number().int() }),
      today: z.array(
        z.object({ currency: z.string(), orders: z.number().int(), gmvMinor: z.number().int() }),
      ),
      activeUsers24h: z.number().int(),
    }),
  })
  .openapi('PlatformMetrics');

export function registerAdminOrderRoutes(
  api: ApiDefinition,
  deps: { db: Db; metrics: PipelineMetrics; clock?: Clock },
) {
  const clock = deps.clock ?? systemClock;
  const attention = createOrdersAttention({ db: deps.db, clock });
  const counters = createMarketplaceCounters({ db: deps.db, clock });
  const pipeline = createPipelineHealth(deps.metrics);

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/orders/attention',
      summary:
        'Orders that need attention: not accepted in time, past ship-by, card payment failed or hanging, net terms overdue (platform admins)',
      tag: 'admin',
      auth: true,
      query: z
        .object({
          kind: z
            .enum(ATTENTION_KINDS, { message: `must be one of ${ATTENTION_KINDS.join(', ')}` })
            .optional(),
          acceptWithinHours: wholeNumber(1, 720, 'hours').default(48),
          paymentPendingMinutes: wholeNumber(5, 10_080, 'minutes').default(60),
          limit: wholeNumber(1, 200, 'orders').default(50),
        })
        .strict(),
      response: attentionResponse,
    },
    async ({ principal, query }) => attention.attention(principal, query),
  );

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/platform-metrics',
      summary: 'Pipeline health and marketplace counters (platform admins)',
      tag: 'admin',
      auth: true,
      query: z.object({}).strict(),
      response: platformMetrics,
    },
    async ({ principal }) => {
      requirePlatformAdmin(principal);
      return {
        generatedAt: clock.now().toISOString(),
        pipeline: await pipeline(),
        marketplace: await counters(),
      };
    },
  );
}
