/**
 * The provider's subscription webhooks are the source of truth for what a company is billed and which plan it
 * is on. Each `customer.subscription.created|updated|deleted` runs in the transaction that marks the webhook
 * processed (payments' inbox): it updates the `subscriptions` row and `companies.plan`, audits a plan change,
 * and emits `subscription.changed` with the MRR, all or nothing.
 */
import type { Transaction } from 'kysely';
import type { Logger } from '../../platform/logger.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database, Plan, SubscriptionItem } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import type { ProviderEvent, ProviderName } from '../payments/payment-provider.ts';
import type { WebhookDispatcher } from '../payments/webhook-inbox.ts';
import { pricesById } from './billing-prices.ts';
import { SUBSCRIPTION_CHANGED, type SubscriptionChangedV1 } from './events.ts';
import { addOnsOf, isPlan, monthlyRecurringMinor } from './plan-catalog.ts';

export const SUBSCRIPTION_EVENTS = [
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
] as const;

/** Statuses in which the plan is in force. past_due keeps it while the provider retries the invoice. */
const IN_FORCE = new Set(['active', 'trialing', 'past_due']);

type Tx = Transaction<Database>;
type Raw = Record<string, unknown>;

const record = (value: unknown): Raw =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const idOf = (value: unknown): string | undefined => text(value) ?? text(record(value).id);
const strings = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(record(value)).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );

/** Reads the items: our price row travels in the item's (or its price's) metadata; else by the provider price id. */
async function itemsOf(tx: Tx, provider: ProviderName, raw: Raw): Promise<SubscriptionItem[]> {
  const data = Array.isArray(record(raw.items).data) ? (record(raw.items).data as unknown[]) : [];
  const lines = data.map((d) => {
    const item = record(d);
    const price = record(item.price);
    const priceId = strings(item.metadata).wholesailPriceId ?? strings(price.metadata).wholesailPriceId;
    return { priceId, providerPriceId: idOf(item.price), quantity: Number(item.quantity ?? 1) };
  });
  const unresolved = lines.filter((l) => !l.priceId && l.providerPriceId).map((l) => l.providerPriceId!);
  const mapped = new Map<string, string>();
  if (unresolved.length > 0)
    for (const row of await tx
      .selectFrom('billing_provider_prices')
      .select(['price_id', 'provider_price_id'])
      .where('provider', '=', provider)
      .where('provider_price_id', 'in', unresolved)
      .execute())
      mapped.set(row.provider_price_id, row.price_id);
  const ids = lines.map((l) => l.priceId ?? mapped.get(l.providerPriceId ?? '') ?? '');
  const prices = await pricesById(
    tx,
    ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
  );
  return lines.map((line, i) => {
    const price = prices.get(ids[i]!);
    // Unknown prices leave the event unprocessed, with this error, rather than billing a guess.
    if (!price || !Number.isSafeInteger(line.quantity) || line.quantity < 1)
      throw new DomainError(
        'validation',
        'unknown_billing_price',
        `Subscription item with price ${line.providerPriceId ?? '?'} is not one of Wholesail's prices.`,
      );
    return {
      product: price.product,
      priceId: price.id,
      quantity: line.quantity,
      unitAmountUsdMinor: price.amountUsdMinor,
      interval: price.interval,
      mrrUsdMinor: monthlyRecurringMinor(price.amountUsdMinor, line.quantity, price.interval),
    };
  });
}

export function registerSubscriptionWebhooks(
  webhooks: WebhookDispatcher,
  deps: { provider: ProviderName; logger: Logger },
): void {
  const { provider, logger } = deps;

  async function apply(tx: Tx, event: ProviderEvent): Promise<void> {
    const raw = event.object.raw;
    const subscriptionId = event.object.id;
    const customerId = idOf(raw.customer);
    let companyId = strings(raw.metadata).companyId;
    if (!companyId && customerId)
      companyId = (
        await tx
          .selectFrom('billing_customers')
          .select('company_id')
          .where('provider', '=', provider)
          .where('customer_id', '=', customerId)
          .executeTakeFirst()
      )?.company_id;
    const company = companyId
      ? await tx
          .selectFrom('companies')
          .select(['id', 'plan', 'kind'])
          .where('id', '=', companyId)
          .forNoKeyUpdate()
          .executeTakeFirst()
      : undefined;
    if (!company || company.kind !== 'manufacturer') {
      logger.warn(
        { eventId: event.id, subscriptionId },
        'subscription webhook for no Wholesail manufacturer; ignored',
      );
      return;
    }
    const row = await tx
      .selectFrom('subscriptions')
      .selectAll()
      .where('company_id', '=', company.id)
      .forUpdate()
      .executeTakeFirst();
    // An event about another subscription than the one in force (or just asked for) is about a replaced one.
    if (
      row &&
      row.provider_subscription_id !== subscriptionId &&
      (IN_FORCE.has(row.status) || row.status === 'pending')
    ) {
      logger.info({ eventId: event.id, subscriptionId }, 'webhook about a replaced subscription; ignored');
      return;
    }
    if (
      row?.provider_subscription_id === subscriptionId &&
      row.last_event_at &&
      new Date(row.last_event_at) > event.createdAt
    ) {
      logger.info(
        { eventId: event.id, subscriptionId },
        'webhook older than the state it would replace; ignored',
      );
      return;
    }

    const status =
      event.type === 'customer.subscription.deleted' ? 'canceled' : (text(raw.status) ?? 'active');
    const items = await itemsOf(tx, provider, raw);
    const inForce = IN_FORCE.has(status);
    const planItem = items.find((i) => isPlan(i.product));
    const plan: Plan = inForce && planItem && isPlan(planItem.product) ? planItem.product : 'free';
    const interval = planItem?.interval ?? null;
    const mrr = inForce ? items.reduce((sum, i) => sum + i.mrrUsdMinor, 0) : 0;
    const firstItem = record((record(raw.items).data as unknown[] | undefined)?.[0]);
    const periodEndSeconds = Number(raw.current_period_end ?? firstItem.current_period_end ?? NaN);
    const currentPeriodEnd = Number.isFinite(periodEndSeconds) ? new Date(periodEndSeconds * 1000) : null;
    const cancelAtPeriodEnd = raw.cancel_at_period_end === true;
    const requested = row?.requested ?? null;
    // A confirmation of what was asked clears the request; any other news leaves it pending.
    const confirmed =
      requested &&
      (status === 'canceled' ||
        (requested.cancelAtPeriodEnd === cancelAtPeriodEnd &&
          requested.items.length === items.length &&
          requested.items.every((r) =>
            items.some((i) => i.priceId === r.priceId && i.quantity === r.quantity),
          )));
    const state = {
      provider,
      provider_customer_id: customerId ?? row?.provider_customer_id ?? '',
      provider_subscription_id: subscriptionId,
      status,
      plan,
      interval,
      add_ons: JSON.stringify(addOnsOf(items)),
      items: JSON.stringify(items),
      requested: confirmed ? null : requested ? JSON.stringify(requested) : null,
      cancel_at_period_end: cancelAtPeriodEnd,
      current_period_end: currentPeriodEnd,
      mrr_usd_minor: mrr,
      last_event_at: event.createdAt,
      updated_at: event.createdAt,
    };
    const id = row?.id ?? newId();
    if (row) await tx.updateTable('subscriptions').set(state).where('id', '=', id).execute();
    else
      await tx
        .insertInto('subscriptions')
        .values({ id, company_id: company.id, ...state })
        .execute();

    if (company.plan !== plan) {
      await tx.updateTable('companies').set({ plan }).where('id', '=', company.id).execute();
      await recordAudit(tx, {
        actor: systemActor,
        action: 'company.plan_changed',
        targetType: 'company',
        targetId: company.id,
        companyId: company.id,
        occurredAt: event.createdAt,
        reason: `${provider} subscription ${subscriptionId} ${status} (event ${event.id})`,
        before: { plan: company.plan },
        after: { plan },
      });
    }
    const unchanged =
      row &&
      row.status === status &&
      row.plan === plan &&
      row.interval === interval &&
      row.cancel_at_period_end === cancelAtPeriodEnd &&
      Number(row.mrr_usd_minor) === mrr &&
      JSON.stringify(row.items) === JSON.stringify(items) &&
      String(row.current_period_end && new Date(row.current_period_end).getTime()) ===
        String(currentPeriodEnd && currentPeriodEnd.getTime());
    if (unchanged) return;
    await recordEvent<SubscriptionChangedV1>(tx, {
      type: SUBSCRIPTION_CHANGED,
      version: 1,
      aggregateType: 'subscription',
      aggregateId: id,
      companyIds: [company.id],
      occurredAt: event.createdAt,
      actor: systemActor,
      payload: {
        subscriptionId: id,
        companyId: company.id,
        provider,
        providerSubscriptionId: subscriptionId,
        providerEventId: event.id,
        status,
        plan,
        previousPlan: company.plan,
        interval,
        cancelAtPeriodEnd,
        currentPeriodEnd: currentPeriodEnd?.toISOString() ?? null,
        mrrUsdMinor: mrr,
        planMrrUsdMinor: inForce && planItem ? planItem.mrrUsdMinor : 0,
        addOns: items.flatMap((i) =>
          isPlan(i.product)
            ? []
            : [
                {
                  product: i.product,
                  quantity: i.quantity,
                  unitAmountUsdMinor: i.unitAmountUsdMinor,
                  interval: i.interval,
                  mrrUsdMinor: inForce ? i.mrrUsdMinor : 0,
                },
              ],
        ),
      },
    });
  }

  for (const type of SUBSCRIPTION_EVENTS) webhooks.on(type, apply);
}
