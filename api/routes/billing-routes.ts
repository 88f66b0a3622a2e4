/**
 * Plans and add-ons: the price list, and a manufacturer's subscription. Changes answer 202: they are asked of
 * the payment provider and take effect when its webhook confirms them (`pendingChange` shows what waits).
 */
import { z } from 'zod';
import type { BillingService } from '../../marketplace/billing/billing-service.ts';
import type { ApiDefinition } from '../openapi.ts';

const interval = z.enum(['month', 'year'], { message: "must be 'month' or 'year'" });
const product = z.enum([
  'professional',
  'enterprise',
  'extra_users',
  'premium_analytics',
  'priority_listing',
]);
const plan = z.enum(['free', 'professional', 'enterprise']);
const addOns = z.object({
  extraUsers: z.number().int(),
  premiumAnalytics: z.boolean(),
  priorityListing: z.boolean(),
});

const billingPrice = z
  .object({
    id: z.string(),
    product,
    name: z.string(),
    interval,
    amountUsdMinor: z.number().int(),
    effectiveFrom: z.string(),
  })
  .openapi('BillingPrice');

const subscriptionView = z
  .object({
    companyId: z.string(),
    plan,
    limits: z.object({
      publishedProducts: z.number().int().nullable(),
      ordersPerMonth: z.number().int().nullable(),
      includedSeats: z.number().int(),
    }),
    subscription: z
      .object({
        id: z.string(),
        provider: z.enum(['stripe', 'offline']),
        providerSubscriptionId: z.string(),
        status: z.string(),
        plan,
        interval: interval.nullable(),
        addOns,
        items: z.array(
          z.object({
            product,
            priceId: z.string(),
            quantity: z.number().int(),
            unitAmountUsdMinor: z.number().int(),
            interval,
            mrrUsdMinor: z.number().int(),
          }),
        ),
        mrrUsdMinor: z.number().int(),
        cancelAtPeriodEnd: z.boolean(),
        currentPeriodEnd: z.string().nullable(),
        nextInvoiceAt: z.string().nullable(),
        pendingChange: z
          .object({ plan, interval, addOns, cancelAtPeriodEnd: z.boolean() })
          .nullable()
          .openapi({ description: 'Asked of the payment provider, not yet confirmed by its webhook' }),
        updatedAt: z.string(),
      })
      .nullable(),
  })
  .openapi('Subscription');

export function registerBillingRoutes(api: ApiDefinition, deps: { billing: BillingService }) {
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/billing/prices',
      summary: 'The price list in effect: plans and add-ons, USD minor units per month or year',
      tag: 'billing',
      auth: false,
      response: z.object({ items: z.array(billingPrice) }),
    },
    async () => ({ items: await deps.billing.prices() }),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/billing/subscription',
      summary:
        'Your plan, limits and subscription: items, next invoice date, MRR (manufacturer owner, admin, finance)',
      tag: 'billing',
      auth: true,
      response: subscriptionView,
    },
    ({ principal }) => deps.billing.subscription(principal),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/billing/subscription',
      summary:
        'Subscribe, or change plan, interval or add-ons (prorated); takes effect when the payment provider confirms (manufacturer owner, admin)',
      tag: 'billing',
      auth: true,
      body: z
        .object({
          plan: z.enum(['professional', 'enterprise'], {
            message: "must be 'professional' or 'enterprise' (to return to Free, cancel the subscription)",
          }),
          interval: interval.default('month'),
          addOns: z
            .object({
              extraUsers: z.number().int().min(0).max(1000).optional(),
              premiumAnalytics: z.boolean().optional(),
              priorityListing: z.boolean().optional(),
            })
            .strict()
            .default({}),
        })
        .strict(),
      status: 202,
      response: subscriptionView,
    },
    ({ principal, body }) => deps.billing.subscribe(principal, body),
  );
  api.defineRoute(
    {
      method: 'delete',
      path: '/api/v1/billing/subscription',
      summary:
        'Cancel at the end of the paid period, then back to Free; confirmed by the payment provider (manufacturer owner, admin)',
      tag: 'billing',
      auth: true,
      status: 202,
      response: subscriptionView,
    },
    ({ principal }) => deps.billing.cancel(principal),
  );
}
