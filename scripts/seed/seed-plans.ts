/**
 * The demo sellers' paid plans, bought the way a manufacturer buys one: its owner subscribes through the billing
 * service, the payment provider answers with its `customer.subscription.created` webhook, and that webhook (not
 * the seed) sets the company's plan, audits the change and records `subscription.changed` with the MRR the
 * warehouse's revenue marts read. A plan written straight into `companies` would leave MRR and ARR at $0.
 *
 * Which provider: the platform's own when it is the offline test provider (the embedded default), because it
 * keeps subscriptions in memory, so a demo seller can still upgrade or cancel in the session that seeded it.
 * With Stripe configured, the seed cannot wait for Stripe's webhooks (they reach the HTTP endpoint, if at all),
 * so it uses an offline provider of its own, as the demo's trade does for card payments (seed-trade.ts); those
 * subscriptions say `offline` in their provider column.
 *
 * The provider stamps its webhooks with its own clock, the wall clock, not the seed's simulated one: subscriptions
 * start "now", so MRR shows from the current month on, without months of history.
 */
import { createBillingService, type BillingService } from '../../marketplace/billing/billing-service.ts';
import type { PaidPlan } from '../../marketplace/billing/plan-catalog.ts';
import { OfflinePaymentProvider } from '../../marketplace/payments/offline-provider.ts';
import { createPaymentService } from '../../marketplace/payments/payment-service.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Platform } from '../../platform/container.ts';
import type { Principal } from '../../platform/principal.ts';

export interface DemoBilling {
  /** Subscribes the seller's company to `plan`, monthly, and returns once the provider confirmed it. */
  subscribe(seller: Principal, plan: PaidPlan, companyName: string): Promise<void>;
}

function offlineBilling(platform: Platform): { billing: BillingService; provider: OfflinePaymentProvider } {
  const { billing, payments } = platform.services;
  if (payments.provider instanceof OfflinePaymentProvider) return { billing, provider: payments.provider };
  const { db, logger } = platform;
  const provider = new OfflinePaymentProvider({ logger, clock: systemClock });
  // Its own payments service connects the provider's webhooks to a receiver; billing handles what arrives there.
  const own = createPaymentService({ db, clock: systemClock, logger, provider });
  const ownBilling = createBillingService({ db, clock: systemClock, logger, provider });
  ownBilling.registerWebhookHandlers(own.webhooks);
  return { billing: ownBilling, provider };
}

export function createDemoBilling(platform: Platform): DemoBilling {
  const { billing, provider } = offlineBilling(platform);
  return {
    async subscribe(seller, plan, companyName) {
      await billing.subscribe(seller, { plan, interval: 'month', addOns: {} });
      await provider.whenDelivered();
      // A webhook the receiver kept failing is only logged by the provider: stop here, before the catalog runs
      // into the Free plan's limit with a less telling error.
      const { plan: inForce, subscription } = await billing.subscription(seller);
      if (inForce !== plan || subscription?.status !== 'active')
        throw new Error(
          `Seeding the demo: ${companyName}'s ${plan} subscription was not confirmed by the ${provider.name} ` +
            `payment provider (plan ${inForce}, subscription ${subscription?.status ?? 'missing'}); see the log.`,
        );
    },
  };
}
