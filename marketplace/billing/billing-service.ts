/**
 * A manufacturer's plan and add-ons, billed by a provider subscription. Subscribing, changing and cancelling
 * only ask the provider; the change takes effect when its webhook arrives (subscription-webhooks.ts), which is
 * also how changes made at the provider (a failed invoice, a cancellation from Stripe's dashboard) reach us.
 *
 * Who: the owner and admins (they hold `company:manage`) commit the company to spend; finance staff
 * (`finance:read`) may see the subscription but not change it; other roles and non-manufacturers neither.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Logger } from '../../platform/logger.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { BillingInterval, RequestedSubscription, SubscriptionAddOns } from '../db/schema.ts';
import { PLAN_LIMITS } from '../checkout/plan-limits.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { WebhookDispatcher } from '../payments/webhook-inbox.ts';
import { priceById, pricesInEffect } from './billing-prices.ts';
import { ensureCustomer, providerPriceOf } from './provider-records.ts';
import { INCLUDED_SEATS, NO_ADD_ONS, PRODUCT_NAMES, productsFor, type PaidPlan } from './plan-catalog.ts';
import { registerSubscriptionWebhooks } from './subscription-webhooks.ts';

export interface SubscriptionRequest {
  plan: PaidPlan;
  interval: BillingInterval;
  addOns: Partial<SubscriptionAddOns>;
}

function requireBillingManager(principal: Principal): void {
  if (principal.companyKind !== 'manufacturer' || !can(principal, 'company:manage'))
    throw forbidden('Only a manufacturer’s owner and admins (who hold company:manage) can change its plan.');
}

function requireBillingReader(principal: Principal): void {
  if (
    principal.companyKind !== 'manufacturer' ||
    !(can(principal, 'company:manage') || can(principal, 'finance:read'))
  )
    throw forbidden('Only a manufacturer’s owner, admins and finance staff can see its subscription.');
}

export function createBillingService(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  provider: PaymentProvider;
}) {
  const { db, clock, logger, provider } = deps;

  async function currentRow(companyId: string) {
    return db.selectFrom('subscriptions').selectAll().where('company_id', '=', companyId).executeTakeFirst();
  }

  /**
   * The items to bill: a product already billed on the same interval keeps the price it was sold at (its
   * snapshot, `keep`: product -> price id); anything new, or everything when the interval changes, takes the
   * price in effect today.
   */
  async function itemsFor(
    plan: PaidPlan,
    interval: BillingInterval,
    addOns: SubscriptionAddOns,
    keep: Map<string, string>,
  ) {
    const inEffect = await pricesInEffect(db, clock.now());
    const items = [];
    for (const { product, quantity } of productsFor(plan, addOns)) {
      const kept = keep.get(product);
      const price = kept
        ? await priceById(db, kept)
        : inEffect.find((p) => p.product === product && p.interval === interval);
      if (!price)
        throw new DomainError(
          'validation',
          'price_not_offered',
          `${PRODUCT_NAMES[product]} is not sold ${interval === 'year' ? 'yearly' : 'monthly'}.`,
          [{ field: product === plan ? 'interval' : 'addOns', message: `not offered per ${interval}` }],
        );
      items.push({
        product,
        priceId: price.id,
        providerPriceId: await providerPriceOf(deps, price),
        quantity,
      });
    }
    return items;
  }

  async function view(companyId: string) {
    const company = await db
      .selectFrom('companies')
      .select('plan')
      .where('id', '=', companyId)
      .executeTakeFirstOrThrow();
    const row = await currentRow(companyId);
    const limits = {
      publishedProducts: PLAN_LIMITS[company.plan].products,
      ordersPerMonth: PLAN_LIMITS[company.plan].ordersPerMonth,
      includedSeats: INCLUDED_SEATS[company.plan],
    };
    if (!row) return { companyId, plan: company.plan, limits, subscription: null };
    const periodEnd = row.current_period_end ? new Date(row.current_period_end).toISOString() : null;
    const billing = ['active', 'trialing', 'past_due'].includes(row.status);
    return {
      companyId,
      plan: company.plan,
      limits,
      subscription: {
        id: row.id,
        provider: row.provider,
        providerSubscriptionId: row.provider_subscription_id,
        status: row.status,
        plan: row.plan,
        interval: row.interval,
        addOns: { ...NO_ADD_ONS, ...row.add_ons },
        items: row.items,
        mrrUsdMinor: Number(row.mrr_usd_minor),
        cancelAtPeriodEnd: row.cancel_at_period_end,
        currentPeriodEnd: periodEnd,
        nextInvoiceAt: billing && !row.cancel_at_period_end ? periodEnd : null,
        pendingChange: row.requested
          ? {
              plan: row.requested.plan,
              interval: row.requested.interval,
              addOns: row.requested.addOns,
              cancelAtPeriodEnd: row.requested.cancelAtPeriodEnd,
            }
          : null,
        updatedAt: new Date(row.updated_at).toISOString(),
      },
    };
  }

  async function subscribe(principal: Principal, input: SubscriptionRequest) {
    requireBillingManager(principal);
    const companyId = principal.companyId;
    const addOns = { ...NO_ADD_ONS, ...input.addOns };
    const row = await currentRow(companyId);
    const live = row && row.status !== 'canceled';
    const keep = new Map<string, string>();
    for (const item of live ? (row.requested?.items ?? row.items) : []) {
      const stored = await priceById(db, item.priceId);
      if (stored?.interval === input.interval) keep.set(item.product, item.priceId);
    }
    const items = await itemsFor(input.plan, input.interval, addOns, keep);
    const requested: RequestedSubscription = {
      plan: input.plan,
      interval: input.interval,
      addOns,
      cancelAtPeriodEnd: false,
      items,
    };
    const billed = items.map((i) => ({
      providerPriceId: i.providerPriceId,
      quantity: i.quantity,
      metadata: { wholesailPriceId: i.priceId, product: i.product },
    }));
    const customerId = await ensureCustomer(deps, companyId);
    const now = clock.now();
    if (live) {
      await provider.updateSubscription(row.provider_subscription_id, {
        items: billed,
        idempotencyKey: `wholesail-subscription-change-${newId()}`,
      });
      await db
        .updateTable('subscriptions')
        .set({ requested: JSON.stringify(requested), updated_at: now })
        .where('id', '=', row.id)
        .execute();
    } else {
      // One key per company and generation: two racing first subscriptions become one (or a 409 if they differ).
      const generation = (row?.generation ?? 0) + 1;
      const created = await provider.createSubscription({
        customerId,
        items: billed,
        metadata: { companyId },
        idempotencyKey: `wholesail-subscription-${companyId}-${generation}`,
      });
      // After a cancelled subscription the row starts over as pending; unless the new one's webhook landed first.
      await db
        .insertInto('subscriptions')
        .values({
          id: newId(),
          company_id: companyId,
          provider: provider.name,
          provider_customer_id: customerId,
          provider_subscription_id: created.id,
          generation,
          status: 'pending',
          plan: 'free',
          interval: input.interval,
          requested: JSON.stringify(requested),
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .column('company_id')
            .doUpdateSet((eb) => ({
              provider_customer_id: eb.ref('excluded.provider_customer_id'),
              provider_subscription_id: eb.ref('excluded.provider_subscription_id'),
              generation: eb.ref('excluded.generation'),
              status: 'pending',
              requested: eb.ref('excluded.requested'),
              updated_at: now,
            }))
            .where('subscriptions.provider_subscription_id', '!=', created.id),
        )
        .execute();
    }
    logger.info({ companyId, plan: input.plan, interval: input.interval }, 'subscription change requested');
    return view(companyId);
  }

  async function cancel(principal: Principal) {
    requireBillingManager(principal);
    const row = await currentRow(principal.companyId);
    if (!row || row.status === 'canceled')
      throw new DomainError(
        'conflict',
        'no_subscription',
        'There is no paid subscription to cancel: the company is on the Free plan.',
      );
    await provider.cancelSubscriptionAtPeriodEnd(row.provider_subscription_id, {
      idempotencyKey: `wholesail-subscription-cancel-${newId()}`,
    });
    const base = row.requested ?? {
      plan: row.plan === 'free' ? 'professional' : row.plan,
      interval: row.interval ?? 'month',
      addOns: { ...NO_ADD_ONS, ...row.add_ons },
      items: row.items.map((i) => ({ ...i, providerPriceId: '' })),
    };
    const requested: RequestedSubscription = { ...base, cancelAtPeriodEnd: true };
    await db
      .updateTable('subscriptions')
      .set({ requested: JSON.stringify(requested), updated_at: clock.now() })
      .where('id', '=', row.id)
      .execute();
    return view(principal.companyId);
  }

  return {
    subscribe,
    cancel,
    async subscription(principal: Principal) {
      requireBillingReader(principal);
      return view(principal.companyId);
    },
    /** The price list in effect now: public, so sign-up and pricing pages can show it. */
    async prices() {
      const prices = await pricesInEffect(db, clock.now());
      return prices.map((p) => ({ ...p, name: PRODUCT_NAMES[p.product] }));
    },
    registerWebhookHandlers(webhooks: WebhookDispatcher) {
      registerSubscriptionWebhooks(webhooks, { provider: provider.name, logger });
    },
  };
}

export type BillingService = ReturnType<typeof createBillingService>;
