/**
 * The payments port on Stripe (Connect, separate charges and transfers), through the official SDK. Every
 * mutating call carries the caller's idempotency key, so a retried request never charges or pays twice.
 * Stripe's errors become DomainErrors here: a card decline is an answer, a bad request a 422, an outage a 503.
 */
import Stripe from 'stripe';
import { DomainError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import {
  assertAmount,
  assertIdempotencyKey,
  type BillingItemInput,
  type BillingSubscription,
  type PaymentProvider,
  type ProviderEvent,
} from './payment-provider.ts';
import { verifySignedEvent } from './webhook-signature.ts';

/** A Stripe client; `apiBase` points it elsewhere (stripe-mock in tests). */
export function createStripeClient(options: { secretKey: string; apiBase?: string }): Stripe {
  const base = options.apiBase ? new URL(options.apiBase) : undefined;
  const protocol = base?.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'Wholesail' },
    ...(base ? { host: base.hostname, port: base.port || (protocol === 'http' ? 80 : 443), protocol } : {}),
  });
}

const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === 'string' ? value : (value?.id ?? undefined);

/** Our reading of a Stripe subscription. The period end moved onto the items in API version 2025-03-31. */
function billingSubscriptionOf(s: Stripe.Subscription): BillingSubscription {
  const legacyEnd = (s as unknown as { current_period_end?: number | null }).current_period_end;
  const periodEnd = legacyEnd ?? s.items.data[0]?.current_period_end ?? null;
  return {
    id: s.id,
    customerId: idOf(s.customer) ?? '',
    status: s.status,
    cancelAtPeriodEnd: s.cancel_at_period_end,
    currentPeriodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
    items: s.items.data.map((i) => ({
      id: i.id,
      providerPriceId: i.price.id,
      quantity: i.quantity ?? 1,
      metadata: { ...i.metadata },
    })),
  };
}

export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;

  readonly publishableKey?: string;

  constructor(
    private readonly stripe: Stripe,
    private readonly options: { webhookSecret: string; logger: Logger; publishableKey?: string },
  ) {
    this.publishableKey = options.publishableKey;
  }

  async createConnectedAccount(input: { companyId: string; name: string; country: string; email?: string }) {
    const account = await this.call('create a connected account', () =>
      this.stripe.accounts.create(
        {
          type: 'express',
          country: input.country,
          ...(input.email ? { email: input.email } : {}),
          business_type: 'company',
          company: { name: input.name },
          business_profile: { name: input.name },
          capabilities: { transfers: { requested: true } },
          metadata: { companyId: input.companyId },
        },
        // One account per company, even when two requests race or one is retried.
        { idempotencyKey: `wholesail-connected-account-${input.companyId}` },
      ),
    );
    return { accountId: account.id };
  }

  async createOnboardingLink(input: Parameters<PaymentProvider['createOnboardingLink']>[0]) {
    const link = await this.call('create an onboarding link', () =>
      this.stripe.accountLinks.create({
        account: input.accountId,
        refresh_url: input.refreshUrl,
        return_url: input.returnUrl,
        type: 'account_onboarding',
      }),
    );
    return { url: link.url, expiresAt: new Date(link.expires_at * 1000) };
  }

  async createPaymentIntent(input: Parameters<PaymentProvider['createPaymentIntent']>[0]) {
    assertAmount(input.amountMinor, input.currency);
    assertIdempotencyKey(input.idempotencyKey);
    const intent = await this.call('create a payment intent', () =>
      this.stripe.paymentIntents.create(
        {
          amount: input.amountMinor,
          currency: input.currency.toLowerCase(),
          transfer_group: input.transferGroup,
          metadata: input.metadata,
          // Confirmed on the server with a card: no redirect-based methods, so no return_url is needed.
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          ...(input.customerRef ? { customer: input.customerRef } : {}),
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { id: intent.id, clientSecret: intent.client_secret ?? '', status: intent.status };
  }

  async retrievePaymentIntent(id: string) {
    const intent = await this.call('read a payment intent', () => this.stripe.paymentIntents.retrieve(id));
    return {
      id: intent.id,
      clientSecret: intent.client_secret ?? '',
      status: intent.status,
      amountMinor: intent.amount,
      currency: intent.currency.toUpperCase(),
    };
  }

  async confirmPaymentIntent(id: string, input: { paymentMethod: string; idempotencyKey: string }) {
    assertIdempotencyKey(input.idempotencyKey);
    try {
      const intent = await this.stripe.paymentIntents.confirm(
        id,
        { payment_method: input.paymentMethod },
        { idempotencyKey: input.idempotencyKey },
      );
      const chargeId = idOf(intent.latest_charge);
      return { id: intent.id, status: intent.status, ...(chargeId ? { chargeId } : {}) };
    } catch (error) {
      // A decline comes back as an error carrying the intent, now waiting for another payment method.
      if (error instanceof Stripe.errors.StripeCardError) {
        const intent = (error.raw as { payment_intent?: { id?: string; status?: string } }).payment_intent;
        return {
          id: intent?.id ?? id,
          status: intent?.status ?? 'requires_payment_method',
          failureCode: error.code ?? 'card_declined',
          failureMessage: error.message,
        };
      }
      throw this.translate('confirm a payment intent', error);
    }
  }

  async transfer(input: Parameters<PaymentProvider['transfer']>[0]) {
    assertAmount(input.amountMinor, input.currency);
    assertIdempotencyKey(input.idempotencyKey);
    const transfer = await this.call('transfer to a connected account', () =>
      this.stripe.transfers.create(
        {
          amount: input.amountMinor,
          currency: input.currency.toLowerCase(),
          destination: input.destinationAccountId,
          transfer_group: input.transferGroup,
          ...(input.sourceChargeId ? { source_transaction: input.sourceChargeId } : {}),
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { id: transfer.id };
  }

  async refund(input: Parameters<PaymentProvider['refund']>[0]) {
    assertAmount(input.amountMinor);
    assertIdempotencyKey(input.idempotencyKey);
    const refund = await this.call('refund a payment', () =>
      this.stripe.refunds.create(
        { payment_intent: input.paymentIntentId, amount: input.amountMinor, metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { id: refund.id, status: refund.status ?? 'pending' };
  }

  async reverseTransfer(input: { transferId: string; amountMinor: number; idempotencyKey: string }) {
    assertAmount(input.amountMinor);
    assertIdempotencyKey(input.idempotencyKey);
    const reversal = await this.call('reverse a transfer', () =>
      this.stripe.transfers.createReversal(
        input.transferId,
        { amount: input.amountMinor },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { id: reversal.id };
  }

  async createBillingCustomer(input: { companyId: string; name: string; email?: string }) {
    const customer = await this.call('create a billing customer', () =>
      this.stripe.customers.create(
        {
          name: input.name,
          ...(input.email ? { email: input.email } : {}),
          metadata: { companyId: input.companyId },
        },
        { idempotencyKey: `wholesail-billing-customer-${input.companyId}` },
      ),
    );
    return { customerId: customer.id };
  }

  async createBillingPrice(input: Parameters<PaymentProvider['createBillingPrice']>[0]) {
    assertAmount(input.amountMinor, 'USD');
    // One Stripe product per plan or add-on, under our own id, so every price of it groups there.
    const productId = `wholesail_${input.product}`;
    try {
      await this.stripe.products.create(
        { id: productId, name: input.productName, metadata: { product: input.product } },
        { idempotencyKey: `wholesail-billing-product-${input.product}` },
      );
    } catch (error) {
      if (!(
        error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_already_exists'
      ))
        throw this.translate('create a billing product', error);
    }
    const price = await this.call('create a billing price', () =>
      this.stripe.prices.create(
        {
          product: productId,
          currency: 'usd',
          unit_amount: input.amountMinor,
          recurring: { interval: input.interval },
          metadata: { wholesailPriceId: input.priceId, product: input.product },
        },
        { idempotencyKey: `wholesail-billing-price-${input.priceId}` },
      ),
    );
    return { providerPriceId: price.id };
  }

  async createSubscription(input: Parameters<PaymentProvider['createSubscription']>[0]) {
    assertIdempotencyKey(input.idempotencyKey);
    const subscription = await this.call('create a subscription', () =>
      this.stripe.subscriptions.create(
        {
          customer: input.customerId,
          items: input.items.map((i) => ({
            price: i.providerPriceId,
            quantity: i.quantity,
            metadata: i.metadata,
          })),
          metadata: input.metadata,
          // B2B: Stripe emails an invoice payable within 14 days, so the plan starts without a card on file.
          collection_method: 'send_invoice',
          days_until_due: 14,
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return billingSubscriptionOf(subscription);
  }

  async updateSubscription(id: string, input: { items: BillingItemInput[]; idempotencyKey: string }) {
    assertIdempotencyKey(input.idempotencyKey);
    const current = await this.call('read a subscription', () => this.stripe.subscriptions.retrieve(id));
    const wanted = new Map(input.items.map((i) => [i.providerPriceId, i]));
    const kept = new Set<string>();
    const items: Stripe.SubscriptionUpdateParams.Item[] = [];
    for (const item of current.items.data) {
      const want = wanted.get(item.price.id);
      if (want && !kept.has(item.price.id)) {
        kept.add(item.price.id);
        items.push({ id: item.id, quantity: want.quantity, metadata: want.metadata });
      } else items.push({ id: item.id, deleted: true });
    }
    for (const i of input.items)
      if (!kept.has(i.providerPriceId))
        items.push({ price: i.providerPriceId, quantity: i.quantity, metadata: i.metadata });
    const subscription = await this.call('change a subscription', () =>
      this.stripe.subscriptions.update(
        id,
        { items, proration_behavior: 'create_prorations', cancel_at_period_end: false },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return billingSubscriptionOf(subscription);
  }

  async cancelSubscriptionAtPeriodEnd(id: string, input: { idempotencyKey: string }) {
    assertIdempotencyKey(input.idempotencyKey);
    const subscription = await this.call('cancel a subscription', () =>
      this.stripe.subscriptions.update(
        id,
        { cancel_at_period_end: true },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return billingSubscriptionOf(subscription);
  }

  parseWebhook(rawBody: Buffer | string, signatureHeader: string | undefined): ProviderEvent {
    return verifySignedEvent(rawBody, signatureHeader, this.options.webhookSecret);
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.translate(what, error);
    }
  }

  private translate(what: string, error: unknown): unknown {
    const e = Stripe.errors;
    if (!(error instanceof e.StripeError)) return error;
    const context = { err: error, stripeRequestId: error.requestId, stripeCode: error.code };
    if (error instanceof e.StripeCardError)
      return new DomainError('validation', error.code ?? 'card_declined', error.message);
    if (error instanceof e.StripeIdempotencyError)
      return new DomainError(
        'conflict',
        'idempotency_key_reused',
        `Stripe refused to ${what}: this idempotency key was used with other parameters.`,
      );
    if (error instanceof e.StripeInvalidRequestError) {
      this.options.logger.warn(context, `Stripe refused to ${what}`);
      if (error.code === 'resource_missing')
        return new DomainError('not_found', 'payment_object_not_found', error.message);
      return new DomainError(
        'validation',
        'payment_provider_rejected',
        `Stripe refused to ${what}: ${error.message}`,
      );
    }
    if (error instanceof e.StripeAuthenticationError || error instanceof e.StripePermissionError) {
      this.options.logger.error(context, `Stripe rejected our credentials while trying to ${what}`);
      return new DomainError('unavailable', 'payment_provider_misconfigured', 'Payments are misconfigured.');
    }
    this.options.logger.error(context, `Stripe failed to ${what}`);
    return new DomainError(
      'unavailable',
      'payment_provider_unavailable',
      `The payment provider could not ${what} right now; try again.`,
    );
  }
}
