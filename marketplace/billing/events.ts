/**
 * Events of the billing context. `subscription.changed` carries everything the warehouse needs for MRR
 * (plan, interval, status, each item's monthly amount) so it never has to ask the payment provider.
 */
import type { BillingInterval, BillingProduct, Plan } from '../db/schema.ts';

export const SUBSCRIPTION_CHANGED = 'subscription.changed';

export interface SubscriptionChangedV1 {
  subscriptionId: string;
  companyId: string;
  provider: 'stripe' | 'offline';
  providerSubscriptionId: string;
  providerEventId: string;
  /** The provider's status: active, past_due, canceled, ... */
  status: string;
  /** The plan the company is on after this change (free once the subscription ended). */
  plan: Plan;
  previousPlan: Plan;
  interval: BillingInterval | null;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: string | null;
  /** The whole subscription's monthly recurring revenue in USD minor units (0 unless it bills). */
  mrrUsdMinor: number;
  planMrrUsdMinor: number;
  addOns: Array<{
    product: Exclude<BillingProduct, 'professional' | 'enterprise'>;
    quantity: number;
    unitAmountUsdMinor: number;
    interval: BillingInterval;
    mrrUsdMinor: number;
  }>;
}
