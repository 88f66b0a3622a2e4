/**
 * What the buyer's browser needs to confirm a card checkout itself, with Stripe.js (Stripe's Payment Element):
 * the provider, Stripe's publishable key and the payment intent's client secret. The secret lets whoever holds
 * it confirm that one intent, so it goes to the buying company's members with buying rights and nowhere else:
 * it is not stored (the provider is asked each time), logged, or put in an event.
 *
 * Confirming moves no state here: the money is recorded, as before, when the provider's `payment_intent.succeeded`
 * webhook arrives (checkout/payment-completion.ts).
 */
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../db/database.ts';
import type { PaymentProvider, ProviderName } from './payment-provider.ts';

export interface CardPaymentSession {
  orderGroupId: string;
  provider: ProviderName;
  /** Stripe.js's key; null with the offline provider, or Stripe without STRIPE_PUBLISHABLE_KEY. */
  publishableKey: string | null;
  paymentIntentId: string;
  clientSecret: string;
  /** The intent's status at the provider now (`succeeded` before its webhook has placed the orders). */
  status: string;
  amountMinor: number;
  currency: string;
}

export async function cardPaymentSession(
  deps: { db: Db; clock: Clock; provider: PaymentProvider },
  principal: Principal,
  groupId: string,
): Promise<CardPaymentSession> {
  const { db, clock, provider } = deps;
  const group = await db
    .selectFrom('order_groups')
    .select(['id', 'buyer_company_id', 'status', 'payment_method', 'payment_intent_id', 'paid_at'])
    .select('reservation_expires_at')
    .where('id', '=', groupId)
    .executeTakeFirst();
  // The buyer only: anyone else (another retailer, the manufacturers, platform staff) is told it does not exist.
  if (!group || group.buyer_company_id !== principal.companyId) throw notFound('order_group', groupId);
  if (!can(principal, 'orders:place'))
    throw forbidden('Only members of the buying company with buying rights pay its checkouts.');
  if (group.payment_method === 'terms')
    throw new DomainError(
      'conflict',
      'checkout_on_terms',
      'This checkout is on net terms: it is invoiced and paid later, so there is nothing to pay by card.',
    );
  if (group.status === 'placed')
    throw new DomainError(
      'conflict',
      'checkout_already_paid',
      `This checkout was paid${group.paid_at ? ` on ${new Date(group.paid_at).toISOString()}` : ''}; there is nothing left to pay.`,
    );
  if (group.status !== 'pending_payment' || !group.payment_intent_id)
    throw new DomainError(
      'conflict',
      'checkout_not_payable',
      `This checkout is ${group.status}; check out again.`,
    );
  if (group.reservation_expires_at && new Date(group.reservation_expires_at) <= clock.now())
    throw new DomainError(
      'conflict',
      'checkout_expired',
      'This checkout held its stock until ' +
        new Date(group.reservation_expires_at).toISOString() +
        ' and has expired; check out again.',
    );

  let intent: Awaited<ReturnType<PaymentProvider['retrievePaymentIntent']>>;
  try {
    intent = await provider.retrievePaymentIntent(group.payment_intent_id);
  } catch (error) {
    // The group exists, so a 404 would mislead: its intent was made by another provider (offline before Stripe
    // was configured) or lost with the offline provider's memory on a restart.
    if (error instanceof DomainError && error.kind === 'not_found')
      throw new DomainError(
        'conflict',
        'payment_intent_unavailable',
        `The ${provider.name} payment provider does not know this checkout's payment; check out again.`,
      );
    throw error;
  }
  if (!intent.clientSecret)
    throw new DomainError(
      'conflict',
      'payment_intent_unavailable',
      'The payment provider gave no way to confirm this checkout in the browser; check out again.',
    );
  return {
    orderGroupId: group.id,
    provider: provider.name,
    publishableKey: provider.publishableKey ?? null,
    paymentIntentId: intent.id,
    clientSecret: intent.clientSecret,
    status: intent.status,
    amountMinor: intent.amountMinor,
    currency: intent.currency,
  };
}
