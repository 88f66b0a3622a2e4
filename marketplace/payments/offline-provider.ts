/**
 * The offline test provider: the payments port without Stripe, for `npm start` on a laptop, demos and tests.
 * It moves NO money and says so in every id (`offline_...`) and log line. It behaves like Stripe where our
 * code depends on it: idempotency keys replay the first answer (and refuse other parameters), Stripe's test
 * payment methods succeed or decline, refunds and reversals cannot exceed what was paid, and every outcome
 * arrives as a webhook signed in Stripe's header format, delivered to the same receiver real Stripe calls.
 *
 * State lives in memory: after a restart, payment intents created before it are unknown (as with stripe-mock).
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../platform/errors.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Currency } from '../../platform/money.ts';
import {
  assertAmount,
  assertIdempotencyKey,
  type BillingItemInput,
  type PaymentProvider,
  type ProviderEvent,
} from './payment-provider.ts';
import { OfflineWebhookDelivery, type WebhookReceiver } from './offline-webhook-delivery.ts';
import { OfflineSubscriptions } from './offline-subscriptions.ts';
import { signPayload, verifySignedEvent } from './webhook-signature.ts';

const LABEL = 'offline test provider';

/** Stripe's test payment methods (https://docs.stripe.com/testing), mirrored. */
const TEST_PAYMENT_METHODS: Record<
  string,
  { outcome: 'succeeded' } | { outcome: 'declined'; declineCode: string } | { outcome: 'requires_action' }
> = {
  pm_card_visa: { outcome: 'succeeded' },
  pm_card_mastercard: { outcome: 'succeeded' },
  pm_card_amex: { outcome: 'succeeded' },
  pm_card_chargeDeclined: { outcome: 'declined', declineCode: 'generic_decline' },
  pm_card_chargeDeclinedInsufficientFunds: { outcome: 'declined', declineCode: 'insufficient_funds' },
  pm_card_authenticationRequired: { outcome: 'requires_action' },
};

interface OfflineIntent {
  id: string;
  amountMinor: number;
  currency: Currency;
  transferGroup: string;
  metadata: Record<string, string>;
  status: string;
  chargeId?: string;
  refundedMinor: number;
  lastPaymentError?: { code: string; decline_code: string; message: string };
}

interface OfflineTransfer {
  id: string;
  amountMinor: number;
  currency: Currency;
  sourceChargeId?: string;
  reversedMinor: number;
}

/** Stripe's shape (`<intent id>_secret_...`), labelled: nothing can confirm it but this provider's test methods. */
const offlineClientSecret = (intentId: string) => `${intentId}_secret_offline_test_provider`;

const digest = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);

export class OfflinePaymentProvider implements PaymentProvider {
  readonly name = 'offline' as const;
  /** Signs and verifies this provider's webhooks (STRIPE_WEBHOOK_SECRET when set, else random per process). */
  readonly webhookSecret: string;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly intents = new Map<string, OfflineIntent>();
  private readonly transfers = new Map<string, OfflineTransfer>();
  private readonly chargeToIntent = new Map<string, string>();
  private readonly answered = new Map<string, { fingerprint: string; answer: unknown }>();
  private readonly eventCounts = new Map<string, number>();
  private readonly webhooks: OfflineWebhookDelivery;
  private readonly billing: OfflineSubscriptions;

  constructor(options: { logger: Logger; webhookSecret?: string; clock?: Clock; retryDelaysMs?: number[] }) {
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.webhookSecret = options.webhookSecret ?? `whsec_offline_${randomBytes(24).toString('hex')}`;
    this.webhooks = new OfflineWebhookDelivery({
      // Signed at each attempt, as Stripe signs each delivery.
      sign: (payload) => this.signWebhook(payload),
      logger: this.logger,
      retryDelaysMs: options.retryDelaysMs ?? [100, 1_000, 5_000],
    });
    this.billing = new OfflineSubscriptions({
      clock: this.clock,
      emit: (type, object) => this.emit(type, object),
    });
  }

  /** Where this provider's webhooks go: the same receiver Stripe's HTTP webhooks reach. */
  deliverWebhooksTo(receiver: WebhookReceiver): void {
    this.webhooks.connect(receiver);
  }

  /** Resolves once every webhook emitted so far was delivered (or gave up): tests await it. */
  async whenDelivered(): Promise<void> {
    await this.webhooks.settled();
  }

  /** Stops retrying deliveries (the platform is closing). */
  stop(): void {
    this.webhooks.stop();
  }

  /**
   * A `Stripe-Signature` header for a body, as this provider signs its own webhooks. Signatures carry wall-clock
   * time (a transport fact, like Stripe's), not the domain clock the seeder may set in the past.
   */
  signWebhook(payload: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
    return signPayload(payload, this.webhookSecret, timestampSeconds);
  }

  async createConnectedAccount(input: { companyId: string; name: string; country: string; email?: string }) {
    const accountId = `offline_acct_${digest('account', input.companyId)}`;
    this.logger.info(
      { accountId, companyId: input.companyId },
      `${LABEL}: connected account (no real money)`,
    );
    return { accountId };
  }

  /** Nothing to fill in offline: the link goes straight back to where the manufacturer came from. */
  async createOnboardingLink(input: Parameters<PaymentProvider['createOnboardingLink']>[0]) {
    this.logger.info({ accountId: input.accountId }, `${LABEL}: onboarding link (nothing to fill in)`);
    const url = new URL(input.returnUrl);
    url.searchParams.set('onboarding', 'offline');
    return { url: url.toString(), expiresAt: new Date(this.clock.now().getTime() + 5 * 60_000) };
  }

  async createPaymentIntent(input: Parameters<PaymentProvider['createPaymentIntent']>[0]) {
    assertAmount(input.amountMinor, input.currency);
    return this.once('payment_intent.create', input.idempotencyKey, input, () => {
      const id = `offline_pi_${digest('pi', input.idempotencyKey)}`;
      this.intents.set(id, {
        id,
        amountMinor: input.amountMinor,
        currency: input.currency,
        transferGroup: input.transferGroup,
        metadata: { ...input.metadata },
        status: 'requires_payment_method',
        refundedMinor: 0,
      });
      this.logger.info(
        { paymentIntentId: id, amountMinor: input.amountMinor, currency: input.currency },
        `${LABEL}: payment intent created (no real money)`,
      );
      return { id, clientSecret: offlineClientSecret(id), status: 'requires_payment_method' };
    });
  }

  /** Offline intents live in memory: after a restart they are unknown (not_found), so checkout starts over. */
  async retrievePaymentIntent(id: string) {
    const intent = this.intentOrThrow(id);
    return {
      id,
      clientSecret: offlineClientSecret(id),
      status: intent.status,
      amountMinor: intent.amountMinor,
      currency: intent.currency,
    };
  }

  async confirmPaymentIntent(id: string, input: { paymentMethod: string; idempotencyKey: string }) {
    return this.once('payment_intent.confirm', input.idempotencyKey, { id, ...input }, () => {
      const intent = this.intentOrThrow(id);
      if (intent.status === 'succeeded' || intent.status === 'processing')
        throw new DomainError(
          'validation',
          'payment_intent_unexpected_state',
          `Payment intent ${id} has already ${intent.status === 'succeeded' ? 'succeeded' : 'been confirmed'} (${LABEL}).`,
        );
      const method = TEST_PAYMENT_METHODS[input.paymentMethod];
      if (!method)
        throw new DomainError(
          'validation',
          'payment_method_unknown',
          `The ${LABEL} knows Stripe's test payment methods only: ${Object.keys(TEST_PAYMENT_METHODS).join(', ')}.`,
          [{ field: 'paymentMethod', message: 'must be one of Stripe’s test payment methods' }],
        );
      if (method.outcome === 'requires_action') {
        intent.status = 'requires_action';
        return { id, status: intent.status };
      }
      if (method.outcome === 'declined') {
        intent.status = 'requires_payment_method';
        intent.lastPaymentError = {
          code: 'card_declined',
          decline_code: method.declineCode,
          message: `Your card was declined (${LABEL}).`,
        };
        this.logger.info({ paymentIntentId: id }, `${LABEL}: card declined (no real money)`);
        this.emit('payment_intent.payment_failed', this.intentObject(intent));
        return {
          id,
          status: intent.status,
          failureCode: 'card_declined',
          failureMessage: intent.lastPaymentError.message,
        };
      }
      intent.status = 'succeeded';
      intent.chargeId = `offline_ch_${digest('charge', id)}`;
      delete intent.lastPaymentError;
      this.chargeToIntent.set(intent.chargeId, id);
      this.logger.info(
        { paymentIntentId: id, chargeId: intent.chargeId, amountMinor: intent.amountMinor },
        `${LABEL}: payment succeeded (no real money)`,
      );
      this.emit('payment_intent.succeeded', this.intentObject(intent));
      return { id, status: intent.status, chargeId: intent.chargeId };
    });
  }

  async transfer(input: Parameters<PaymentProvider['transfer']>[0]) {
    assertAmount(input.amountMinor, input.currency);
    return this.once('transfer.create', input.idempotencyKey, input, () => {
      if (!input.destinationAccountId.startsWith('offline_acct_'))
        throw new DomainError(
          'validation',
          'payment_provider_rejected',
          `No such destination account ${input.destinationAccountId} (${LABEL}).`,
        );
      if (input.sourceChargeId) {
        const intent = this.intentOrThrow(
          this.chargeToIntent.get(input.sourceChargeId) ?? input.sourceChargeId,
        );
        if (intent.currency !== input.currency)
          throw new DomainError(
            'validation',
            'payment_provider_rejected',
            `A transfer from a ${intent.currency} charge must be in ${intent.currency} (${LABEL}).`,
          );
        const transferred = [...this.transfers.values()]
          .filter((t) => t.sourceChargeId === input.sourceChargeId)
          .reduce((sum, t) => sum + t.amountMinor - t.reversedMinor, 0);
        if (transferred + input.amountMinor > intent.amountMinor - intent.refundedMinor)
          throw new DomainError(
            'validation',
            'insufficient_funds',
            `Transfers from charge ${input.sourceChargeId} would exceed what it collected (${LABEL}).`,
          );
      }
      const id = `offline_tr_${digest('transfer', input.idempotencyKey)}`;
      this.transfers.set(id, {
        id,
        amountMinor: input.amountMinor,
        currency: input.currency,
        sourceChargeId: input.sourceChargeId,
        reversedMinor: 0,
      });
      this.logger.info(
        { transferId: id, destination: input.destinationAccountId, amountMinor: input.amountMinor },
        `${LABEL}: transfer created (no real money)`,
      );
      return { id };
    });
  }

  async refund(input: Parameters<PaymentProvider['refund']>[0]) {
    assertAmount(input.amountMinor);
    return this.once('refund.create', input.idempotencyKey, input, () => {
      const intent = this.intentOrThrow(input.paymentIntentId);
      if (intent.status !== 'succeeded' || !intent.chargeId)
        throw new DomainError(
          'validation',
          'payment_intent_unexpected_state',
          `Payment intent ${intent.id} has no successful charge to refund (${LABEL}).`,
        );
      if (intent.refundedMinor + input.amountMinor > intent.amountMinor)
        throw new DomainError(
          'validation',
          'refund_exceeds_charge',
          `A refund of ${input.amountMinor} exceeds the ${intent.amountMinor - intent.refundedMinor} left to refund (${LABEL}).`,
        );
      intent.refundedMinor += input.amountMinor;
      const id = `offline_re_${digest('refund', input.idempotencyKey)}`;
      this.logger.info(
        { refundId: id, paymentIntentId: intent.id, amountMinor: input.amountMinor },
        `${LABEL}: refund succeeded (no real money)`,
      );
      this.emit('charge.refunded', {
        id: intent.chargeId,
        object: 'charge',
        amount: intent.amountMinor,
        amount_refunded: intent.refundedMinor,
        currency: intent.currency.toLowerCase(),
        payment_intent: intent.id,
        refunded: intent.refundedMinor === intent.amountMinor,
        status: 'succeeded',
        metadata: intent.metadata,
      });
      return { id, status: 'succeeded' };
    });
  }

  async reverseTransfer(input: { transferId: string; amountMinor: number; idempotencyKey: string }) {
    assertAmount(input.amountMinor);
    return this.once('transfer.reverse', input.idempotencyKey, input, () => {
      const transfer = this.transfers.get(input.transferId);
      if (!transfer)
        throw new DomainError(
          'not_found',
          'payment_object_not_found',
          `No such transfer ${input.transferId} (${LABEL}).`,
        );
      if (transfer.reversedMinor + input.amountMinor > transfer.amountMinor)
        throw new DomainError(
          'validation',
          'reversal_exceeds_transfer',
          `A reversal of ${input.amountMinor} exceeds the ${transfer.amountMinor - transfer.reversedMinor} left on transfer ${transfer.id} (${LABEL}).`,
        );
      transfer.reversedMinor += input.amountMinor;
      const id = `offline_trr_${digest('reversal', input.idempotencyKey)}`;
      this.logger.info(
        { reversalId: id, transferId: transfer.id, amountMinor: input.amountMinor },
        `${LABEL}: transfer reversed (no real money)`,
      );
      return { id };
    });
  }

  async createBillingCustomer(input: { companyId: string; name: string; email?: string }) {
    return this.billing.customer(input.companyId);
  }

  async createBillingPrice(input: Parameters<PaymentProvider['createBillingPrice']>[0]) {
    assertAmount(input.amountMinor, 'USD');
    return this.billing.price(input);
  }

  async createSubscription(input: Parameters<PaymentProvider['createSubscription']>[0]) {
    return this.once('subscription.create', input.idempotencyKey, input, () => this.billing.create(input));
  }

  async updateSubscription(id: string, input: { items: BillingItemInput[]; idempotencyKey: string }) {
    return this.once('subscription.update', input.idempotencyKey, { id, ...input }, () =>
      this.billing.update(id, input),
    );
  }

  async cancelSubscriptionAtPeriodEnd(id: string, input: { idempotencyKey: string }) {
    return this.once('subscription.cancel', input.idempotencyKey, { id }, () =>
      this.billing.cancelAtPeriodEnd(id),
    );
  }

  /** Moves the subscriptions' test clock to `to`: periods renew, or end if cancelled (Stripe's test clocks). */
  advanceBillingClock(to: Date): void {
    this.billing.advanceTo(to);
  }

  parseWebhook(rawBody: Buffer | string, signatureHeader: string | undefined): ProviderEvent {
    return verifySignedEvent(rawBody, signatureHeader, this.webhookSecret);
  }

  /** Stripe's idempotency: the same key answers the first answer again; other parameters are refused. */
  private async once<T>(operation: string, key: string, params: object, run: () => T): Promise<T> {
    assertIdempotencyKey(key);
    const fingerprint = JSON.stringify([operation, params]);
    const previous = this.answered.get(key);
    if (previous) {
      if (previous.fingerprint !== fingerprint)
        throw new DomainError(
          'conflict',
          'idempotency_key_reused',
          `This idempotency key was already used with other parameters (${LABEL}).`,
        );
      return previous.answer as T;
    }
    const answer = run();
    this.answered.set(key, { fingerprint, answer });
    return answer;
  }

  private intentOrThrow(id: string): OfflineIntent {
    const intent = this.intents.get(id);
    if (!intent)
      throw new DomainError(
        'not_found',
        'payment_object_not_found',
        `No such payment intent ${id} (${LABEL}; it keeps state in memory only).`,
      );
    return intent;
  }

  private intentObject(intent: OfflineIntent): Record<string, unknown> {
    return {
      id: intent.id,
      object: 'payment_intent',
      amount: intent.amountMinor,
      currency: intent.currency.toLowerCase(),
      status: intent.status,
      transfer_group: intent.transferGroup,
      metadata: intent.metadata,
      latest_charge: intent.chargeId ?? null,
      last_payment_error: intent.lastPaymentError ?? null,
      livemode: false,
      description: `${LABEL}: no real money`,
    };
  }

  /** Builds a Stripe-shaped event, signs it, and delivers it after the caller's current work (as Stripe would). */
  private emit(type: string, object: Record<string, unknown>): void {
    const objectId = String(object.id);
    const count = (this.eventCounts.get(`${type}:${objectId}`) ?? 0) + 1;
    this.eventCounts.set(`${type}:${objectId}`, count);
    const created = Math.floor(this.clock.now().getTime() / 1000);
    const payload = JSON.stringify({
      id: `offline_evt_${digest(type, objectId, String(count))}`,
      object: 'event',
      type,
      created,
      livemode: false,
      api_version: 'offline-test-provider',
      data: { object },
    });
    this.webhooks.send(payload);
  }
}
