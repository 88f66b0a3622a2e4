/**
 * Stripe Billing, offline: customers, prices and subscriptions kept in memory for the offline test provider.
 * Like Stripe it announces every change with a `customer.subscription.*` webhook carrying a Stripe-shaped
 * subscription object, and like Stripe's test clocks, time only moves when `advanceTo` is called: each
 * period then renews, or ends the subscription (`customer.subscription.deleted`) if cancelled at period end.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { BillingItemInput, BillingSubscription } from './payment-provider.ts';

const LABEL = 'offline test provider';

const digest = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);

interface OfflinePrice {
  id: string;
  product: string;
  amountMinor: number;
  interval: 'month' | 'year';
  metadata: Record<string, string>;
}

interface OfflineSubscription {
  id: string;
  customerId: string;
  status: 'active' | 'canceled';
  cancelAtPeriodEnd: boolean;
  periodStart: Date;
  periodEnd: Date;
  metadata: Record<string, string>;
  items: Array<{ id: string; price: OfflinePrice; quantity: number; metadata: Record<string, string> }>;
  itemCounter: number;
}

/** The next period end: calendar months in UTC, as Stripe bills (Jan 31 + 1 month = Feb 28/29). */
function addInterval(from: Date, interval: 'month' | 'year'): Date {
  const months = interval === 'year' ? 12 : 1;
  const target = new Date(from);
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export class OfflineSubscriptions {
  private readonly prices = new Map<string, OfflinePrice>();
  private readonly subscriptions = new Map<string, OfflineSubscription>();

  constructor(
    private readonly options: {
      clock: Clock;
      emit: (type: string, object: Record<string, unknown>) => void;
    },
  ) {}

  customer(companyId: string): { customerId: string } {
    return { customerId: `offline_cus_${digest('customer', companyId)}` };
  }

  price(input: { priceId: string; product: string; amountMinor: number; interval: 'month' | 'year' }): {
    providerPriceId: string;
  } {
    const id = `offline_price_${digest('price', input.priceId)}`;
    this.prices.set(id, {
      id,
      product: input.product,
      amountMinor: input.amountMinor,
      interval: input.interval,
      metadata: { wholesailPriceId: input.priceId, product: input.product },
    });
    return { providerPriceId: id };
  }

  create(input: {
    customerId: string;
    items: BillingItemInput[];
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): BillingSubscription {
    const now = this.options.clock.now();
    const items = this.resolve(input.items);
    const subscription: OfflineSubscription = {
      id: `offline_sub_${digest('subscription', input.idempotencyKey)}`,
      customerId: input.customerId,
      status: 'active',
      cancelAtPeriodEnd: false,
      periodStart: now,
      periodEnd: addInterval(now, items[0]!.price.interval),
      metadata: { ...input.metadata },
      items: [],
      itemCounter: 0,
    };
    subscription.items = items.map((item) => ({ ...item, id: this.itemId(subscription) }));
    this.subscriptions.set(subscription.id, subscription);
    this.options.emit('customer.subscription.created', this.stripeObject(subscription));
    return this.view(subscription);
  }

  update(subscriptionId: string, input: { items: BillingItemInput[] }): BillingSubscription {
    const subscription = this.active(subscriptionId);
    const wanted = this.resolve(input.items);
    const kept = new Map(subscription.items.map((item) => [item.price.id, item]));
    const intervalChanged = wanted[0]!.price.interval !== subscription.items[0]?.price.interval;
    subscription.items = wanted.map((item) => {
      const current = kept.get(item.price.id);
      return current ? { ...current, quantity: item.quantity } : { ...item, id: this.itemId(subscription) };
    });
    // Stripe starts a new billing period when the interval changes (the unused time is credited).
    if (intervalChanged) {
      subscription.periodStart = this.options.clock.now();
      subscription.periodEnd = addInterval(subscription.periodStart, wanted[0]!.price.interval);
    }
    subscription.cancelAtPeriodEnd = false;
    this.options.emit('customer.subscription.updated', this.stripeObject(subscription));
    return this.view(subscription);
  }

  cancelAtPeriodEnd(subscriptionId: string): BillingSubscription {
    const subscription = this.active(subscriptionId);
    subscription.cancelAtPeriodEnd = true;
    this.options.emit('customer.subscription.updated', this.stripeObject(subscription));
    return this.view(subscription);
  }

  /** The test clock: every period that ends by `to` renews, or ends a subscription cancelled at period end. */
  advanceTo(to: Date): void {
    for (const subscription of this.subscriptions.values()) {
      while (subscription.status === 'active' && subscription.periodEnd <= to) {
        if (subscription.cancelAtPeriodEnd) {
          subscription.status = 'canceled';
          this.options.emit('customer.subscription.deleted', this.stripeObject(subscription));
          break;
        }
        subscription.periodStart = subscription.periodEnd;
        subscription.periodEnd = addInterval(subscription.periodEnd, subscription.items[0]!.price.interval);
        this.options.emit('customer.subscription.updated', this.stripeObject(subscription));
      }
    }
  }

  private resolve(items: BillingItemInput[]) {
    if (items.length === 0)
      throw new DomainError(
        'validation',
        'payment_provider_rejected',
        `A subscription needs items (${LABEL}).`,
      );
    const resolved = items.map((item) => {
      const price = this.prices.get(item.providerPriceId);
      if (!price)
        throw new DomainError(
          'validation',
          'payment_provider_rejected',
          `No such price ${item.providerPriceId} (${LABEL}; it keeps state in memory only).`,
        );
      return { price, quantity: item.quantity, metadata: { ...item.metadata } };
    });
    if (new Set(resolved.map((r) => r.price.interval)).size > 1)
      throw new DomainError(
        'validation',
        'payment_provider_rejected',
        `Every item of a subscription must bill on the same interval (${LABEL}, as Stripe).`,
      );
    return resolved;
  }

  private active(subscriptionId: string): OfflineSubscription {
    const subscription = this.subscriptions.get(subscriptionId);
    if (!subscription)
      throw new DomainError(
        'not_found',
        'payment_object_not_found',
        `No such subscription ${subscriptionId} (${LABEL}; it keeps state in memory only).`,
      );
    if (subscription.status === 'canceled')
      throw new DomainError(
        'validation',
        'payment_provider_rejected',
        `Subscription ${subscriptionId} is canceled and cannot change (${LABEL}).`,
      );
    return subscription;
  }

  private itemId(subscription: OfflineSubscription): string {
    subscription.itemCounter += 1;
    return `offline_si_${digest('item', subscription.id, String(subscription.itemCounter))}`;
  }

  private view(s: OfflineSubscription): BillingSubscription {
    return {
      id: s.id,
      customerId: s.customerId,
      status: s.status,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      currentPeriodEnd: s.periodEnd,
      items: s.items.map((i) => ({
        id: i.id,
        providerPriceId: i.price.id,
        quantity: i.quantity,
        metadata: { ...i.metadata },
      })),
    };
  }

  /** The subscription as Stripe's API version of our SDK shapes it (period dates on the items). */
  private stripeObject(s: OfflineSubscription): Record<string, unknown> {
    const periodEnd = Math.floor(s.periodEnd.getTime() / 1000);
    const periodStart = Math.floor(s.periodStart.getTime() / 1000);
    return {
      id: s.id,
      object: 'subscription',
      customer: s.customerId,
      status: s.status,
      cancel_at_period_end: s.cancelAtPeriodEnd,
      collection_method: 'send_invoice',
      metadata: s.metadata,
      livemode: false,
      description: `${LABEL}: no real money`,
      items: {
        object: 'list',
        data: s.items.map((i) => ({
          id: i.id,
          object: 'subscription_item',
          quantity: i.quantity,
          metadata: i.metadata,
          current_period_start: periodStart,
          current_period_end: periodEnd,
          price: {
            id: i.price.id,
            object: 'price',
            currency: 'usd',
            unit_amount: i.price.amountMinor,
            recurring: { interval: i.price.interval, interval_count: 1 },
            metadata: i.price.metadata,
          },
        })),
      },
    };
  }
}
