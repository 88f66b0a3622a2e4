/**
 * What can be bought: the paid plans, the add-ons, and the seats each plan includes. Amounts are not here:
 * they are data in the effective-dated `billing_prices` table (billing-prices.ts).
 *
 * Monthly recurring revenue (MRR) is what an item earns per month in USD minor units: a monthly price times its
 * quantity, or a yearly one divided by 12, rounded half away from zero by platform/money.ts (the one rounding
 * rule). So Professional yearly, $1,990.00, is 199000 / 12 = 16583.33... -> 16583 ($165.83) a month; each item
 * is rounded on its own, and a subscription's MRR is the sum of its items'.
 */
import { roundRatio } from '../../platform/money.ts';
import type { BillingInterval, BillingProduct, Plan, SubscriptionAddOns } from '../db/schema.ts';

export type PaidPlan = Exclude<Plan, 'free'>;
export const PAID_PLANS = ['professional', 'enterprise'] as const satisfies readonly PaidPlan[];
export const BILLING_INTERVALS = ['month', 'year'] as const satisfies readonly BillingInterval[];

export const PRODUCT_NAMES: Record<BillingProduct, string> = {
  professional: 'Wholesail Professional plan',
  enterprise: 'Wholesail Enterprise plan',
  extra_users: 'Extra users (per user)',
  premium_analytics: 'Premium analytics',
  priority_listing: 'Priority listing',
};

export const PLAN_NAMES: Record<Plan, string> = {
  free: 'Free',
  professional: 'Professional',
  enterprise: 'Enterprise',
};

/**
 * Members a company may have before it needs the extra-users add-on. Free covers an owner and one colleague;
 * Professional a small sales team; Enterprise a whole department.
 */
export const INCLUDED_SEATS: Record<Plan, number> = { free: 2, professional: 5, enterprise: 20 };

export const NO_ADD_ONS: SubscriptionAddOns = {
  extraUsers: 0,
  premiumAnalytics: false,
  priorityListing: false,
};

/** The products a plan with these add-ons bills, with their quantities; the plan first. */
export function productsFor(
  plan: PaidPlan,
  addOns: SubscriptionAddOns,
): Array<{ product: BillingProduct; quantity: number }> {
  return [
    { product: plan, quantity: 1 },
    ...(addOns.extraUsers > 0 ? [{ product: 'extra_users' as const, quantity: addOns.extraUsers }] : []),
    ...(addOns.premiumAnalytics ? [{ product: 'premium_analytics' as const, quantity: 1 }] : []),
    ...(addOns.priorityListing ? [{ product: 'priority_listing' as const, quantity: 1 }] : []),
  ];
}

/** The add-ons a set of billed products amounts to (the inverse of productsFor). */
export function addOnsOf(items: Array<{ product: BillingProduct; quantity: number }>): SubscriptionAddOns {
  const quantity = (product: BillingProduct) =>
    items.filter((i) => i.product === product).reduce((sum, i) => sum + i.quantity, 0);
  return {
    extraUsers: quantity('extra_users'),
    premiumAnalytics: quantity('premium_analytics') > 0,
    priorityListing: quantity('priority_listing') > 0,
  };
}

export const isPlan = (product: BillingProduct): product is PaidPlan =>
  (PAID_PLANS as readonly string[]).includes(product);

/** See the header: per month, USD minor units, yearly prices divided by 12 and rounded half away from zero. */
export function monthlyRecurringMinor(
  unitAmountMinor: number,
  quantity: number,
  interval: BillingInterval,
): number {
  return Number(roundRatio(BigInt(unitAmountMinor) * BigInt(quantity), interval === 'year' ? 12n : 1n));
}
