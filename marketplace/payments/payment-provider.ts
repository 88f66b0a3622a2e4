/**
 * The payments port. Checkout charges the retailer once on the platform (a payment intent with a transfer
 * group), then transfers each manufacturer its share (separate charges and transfers, Stripe Connect's model
 * for one payment split between several sellers). Two implementations: Stripe, and an offline test provider
 * that moves no money. Amounts are integer minor units with a currency, as everywhere in Wholesail.
 */
import { CURRENCIES, type Currency } from '../../platform/money.ts';
import { DomainError } from '../../platform/errors.ts';

export type ProviderName = 'stripe' | 'offline';

export type PaymentIntentStatus =
  | 'succeeded'
  | 'requires_action'
  | 'processing'
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_capture'
  | 'canceled';

export interface PaymentProvider extends SubscriptionBilling {
  readonly name: ProviderName;
  /**
   * Stripe.js's key, when the buyer's browser confirms payments itself (Stripe's Payment Element). Only Stripe
   * with STRIPE_PUBLISHABLE_KEY has one; without it the payment page offers the test payment methods.
   */
  readonly publishableKey?: string;
  /** An account that can receive transfers (a manufacturer's payouts). Idempotent per company. */
  createConnectedAccount(input: {
    companyId: string;
    name: string;
    /** ISO 3166-1 alpha-2. */
    country: string;
    email?: string;
  }): Promise<{ accountId: string }>;
  /**
   * A one-time link where the manufacturer completes its payout account with the provider (identity, bank
   * account) before transfers can reach it; `refreshUrl` is where an expired link sends it back.
   */
  createOnboardingLink(input: {
    accountId: string;
    refreshUrl: string;
    returnUrl: string;
  }): Promise<{ url: string; expiresAt: Date }>;
  createPaymentIntent(input: {
    amountMinor: number;
    currency: Currency;
    /** Ties the charge to the transfers paid out of it (one per checkout). */
    transferGroup: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
    /** The provider's customer id, when the buyer has one. */
    customerRef?: string;
  }): Promise<{ id: string; clientSecret: string; status: PaymentIntentStatus | string }>;
  /**
   * A payment intent as the provider holds it now, with the client secret the browser confirms it with (we do
   * not store the secret: it is asked for when the payment page needs it). Unknown ids are DomainError
   * `not_found` / `payment_object_not_found`.
   */
  retrievePaymentIntent(id: string): Promise<{
    id: string;
    clientSecret: string;
    status: PaymentIntentStatus | string;
    amountMinor: number;
    /** Upper-case ISO 4217, as in the rest of Wholesail. */
    currency: string;
  }>;
  /**
   * A declined card is an answer, not an error: the status is `requires_payment_method` and `failureCode`
   * says why (`card_declined`), so checkout handles every outcome in one place.
   */
  confirmPaymentIntent(
    id: string,
    input: { paymentMethod: string; idempotencyKey: string },
  ): Promise<{
    id: string;
    status: PaymentIntentStatus | string;
    chargeId?: string;
    failureCode?: string;
    failureMessage?: string;
  }>;
  /** Moves part of a charge to a connected account. With `sourceChargeId` it waits for that charge's funds. */
  transfer(input: {
    amountMinor: number;
    currency: Currency;
    destinationAccountId: string;
    transferGroup: string;
    sourceChargeId?: string;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<{ id: string }>;
  /** Refunds (part of) a payment intent's charge to the buyer. */
  refund(input: {
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<{ id: string; status: string }>;
  /** Takes (part of) a transfer back from the connected account, e.g. after a refund. */
  reverseTransfer(input: {
    transferId: string;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
  /**
   * Verifies a webhook's signature over the raw request body and reads the event. Throws DomainError
   * `invalid_input` with code `invalid_signature` when the signature is missing, forged or does not match the
   * body, and `signature_expired` when it is older than the tolerance (a replay of a captured request).
   */
  parseWebhook(rawBody: Buffer | string, signatureHeader: string | undefined): ProviderEvent;
}

/**
 * Subscriptions (Stripe Billing): a customer per company, a provider price per row of our price table, and one
 * subscription whose items are the plan and its add-ons. Every change is confirmed by a webhook
 * (`customer.subscription.created|updated|deleted`), which is what our billing applies.
 */
export interface SubscriptionBilling {
  /** The company's billing customer. Idempotent per company. */
  createBillingCustomer(input: {
    companyId: string;
    name: string;
    email?: string;
  }): Promise<{ customerId: string }>;
  /** A recurring price for one row of our price table (USD). Idempotent per row. */
  createBillingPrice(input: {
    priceId: string;
    product: string;
    productName: string;
    amountMinor: number;
    interval: 'month' | 'year';
  }): Promise<{ providerPriceId: string }>;
  createSubscription(input: {
    customerId: string;
    items: BillingItemInput[];
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<BillingSubscription>;
  /**
   * Makes the subscription's items exactly `items` (an item whose price is unchanged is kept, so it keeps its
   * price; the others are removed or added), prorated, and withdraws a pending cancellation.
   */
  updateSubscription(
    subscriptionId: string,
    input: { items: BillingItemInput[]; idempotencyKey: string },
  ): Promise<BillingSubscription>;
  /** Ends the subscription when the paid period ends (the provider then sends `customer.subscription.deleted`). */
  cancelSubscriptionAtPeriodEnd(
    subscriptionId: string,
    input: { idempotencyKey: string },
  ): Promise<BillingSubscription>;
}

export interface BillingItemInput {
  providerPriceId: string;
  quantity: number;
  /** Travels back on every webhook: our price row and product, so billing never guesses from amounts. */
  metadata: Record<string, string>;
}

export interface BillingSubscription {
  id: string;
  customerId: string;
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  items: Array<{ id: string; providerPriceId: string; quantity: number; metadata: Record<string, string> }>;
}

/** A provider webhook event, reduced to what our handlers read. `raw` keeps the provider's object. */
export interface ProviderEvent {
  id: string;
  type: string;
  createdAt: Date;
  object: {
    id: string;
    /** The provider's object kind: `payment_intent`, `charge`, `refund`, `transfer`, `account`. */
    kind: string;
    status?: string;
    metadata?: Record<string, string>;
    amountMinor?: number;
    /** Upper-case ISO 4217, as in the rest of Wholesail. */
    currency?: string;
    /** A payment intent's latest charge (what transfers take their funds from). */
    chargeId?: string;
    /** Why a payment failed (`card_declined`, ...). */
    failureCode?: string;
    raw: Record<string, unknown>;
  };
}

/** Idempotency keys travel to Stripe as a header: printable ASCII, at most 255 characters. */
export function assertIdempotencyKey(key: string): void {
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new DomainError(
      'invalid_input',
      'invalid_idempotency_key',
      'An idempotency key is 1 to 255 printable ASCII characters without spaces.',
      [{ field: 'idempotencyKey', message: 'must be 1-255 printable ASCII characters' }],
    );
}

/** Stripe accepts amounts it should never see (stripe-mock even takes negative ones): we refuse them first. */
export function assertAmount(amountMinor: number, currency?: string): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0)
    throw new DomainError(
      'invalid_input',
      'invalid_amount',
      'An amount is a positive whole number of minor units.',
      [{ field: 'amountMinor', message: 'must be a positive integer' }],
    );
  if (currency !== undefined && !(CURRENCIES as readonly string[]).includes(currency))
    throw new DomainError('invalid_input', 'unsupported_currency', `Currency ${currency} is not supported.`, [
      { field: 'currency', message: `must be one of ${CURRENCIES.join(', ')}` },
    ]);
}
