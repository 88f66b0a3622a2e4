import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { OfflinePaymentProvider } from './offline-provider.ts';

const silent = pino({ level: 'silent' });

function provider() {
  const received: Array<{ body: string; header: string }> = [];
  const p = new OfflinePaymentProvider({ logger: silent, retryDelaysMs: [5, 5] });
  p.deliverWebhooksTo(async (body, header) => {
    received.push({ body, header });
  });
  return { p, received };
}

async function paidIntent(p: OfflinePaymentProvider, amountMinor = 10_000, key = 'checkout-1') {
  const intent = await p.createPaymentIntent({
    amountMinor,
    currency: 'USD',
    transferGroup: 'group-1',
    metadata: { orderGroupId: 'group-1' },
    idempotencyKey: key,
  });
  const confirmed = await p.confirmPaymentIntent(intent.id, {
    paymentMethod: 'pm_card_visa',
    idempotencyKey: `${key}-confirm`,
  });
  return { intent, confirmed };
}

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return error;
  throw new Error(`expected a DomainError, got ${String(error)}`);
}

describe('the offline test provider', () => {
  it('labels everything it makes as offline, so nobody mistakes it for real money', async () => {
    const { p } = provider();
    const { intent, confirmed } = await paidIntent(p);
    const { accountId } = await p.createConnectedAccount({ companyId: 'c1', name: 'Maker', country: 'US' });
    expect(p.name).toBe('offline');
    for (const id of [intent.id, intent.clientSecret, confirmed.chargeId, accountId])
      expect(id).toMatch(/^offline_/);
    expect(intent.clientSecret).toContain('offline_test_provider');
  });

  it('charges Stripe’s succeeding test card and announces it with a signed webhook', async () => {
    const { p, received } = provider();
    const { intent, confirmed } = await paidIntent(p, 2_500);
    expect(confirmed).toMatchObject({ id: intent.id, status: 'succeeded', chargeId: expect.any(String) });
    await p.whenDelivered();
    expect(received).toHaveLength(1);
    const event = p.parseWebhook(received[0]!.body, received[0]!.header);
    expect(event).toMatchObject({
      id: expect.stringMatching(/^offline_evt_/),
      type: 'payment_intent.succeeded',
      object: {
        id: intent.id,
        status: 'succeeded',
        amountMinor: 2_500,
        currency: 'USD',
        chargeId: confirmed.chargeId,
        metadata: { orderGroupId: 'group-1' },
      },
    });
  });

  it('declines Stripe’s declining test card as an answer, then accepts another card', async () => {
    const { p, received } = provider();
    const intent = await p.createPaymentIntent({
      amountMinor: 900,
      currency: 'GBP',
      transferGroup: 'g',
      metadata: {},
      idempotencyKey: 'k',
    });
    const declined = await p.confirmPaymentIntent(intent.id, {
      paymentMethod: 'pm_card_chargeDeclined',
      idempotencyKey: 'k-1',
    });
    expect(declined).toMatchObject({ status: 'requires_payment_method', failureCode: 'card_declined' });
    const paid = await p.confirmPaymentIntent(intent.id, {
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'k-2',
    });
    expect(paid.status).toBe('succeeded');
    await p.whenDelivered();
    const types = received.map((r) => p.parseWebhook(r.body, r.header).type);
    expect(types).toEqual(['payment_intent.payment_failed', 'payment_intent.succeeded']);
    expect(p.parseWebhook(received[0]!.body, received[0]!.header).object.failureCode).toBe('card_declined');
  });

  it('refuses payment methods that are not Stripe test methods', async () => {
    const { p } = provider();
    const intent = await p.createPaymentIntent({
      amountMinor: 100,
      currency: 'USD',
      transferGroup: 'g',
      metadata: {},
      idempotencyKey: 'k',
    });
    const error = await domainError(
      p.confirmPaymentIntent(intent.id, { paymentMethod: 'pm_real_card', idempotencyKey: 'k-1' }),
    );
    expect(error.code).toBe('payment_method_unknown');
  });

  it('answers a repeated idempotency key with the first answer, and refuses it with other parameters', async () => {
    const { p, received } = provider();
    const first = await paidIntent(p, 700, 'same-key');
    const again = await paidIntent(p, 700, 'same-key');
    expect(again).toEqual(first);
    await p.whenDelivered();
    expect(received).toHaveLength(1); // charged once
    const error = await domainError(
      p.createPaymentIntent({
        amountMinor: 701,
        currency: 'USD',
        transferGroup: 'group-1',
        metadata: { orderGroupId: 'group-1' },
        idempotencyKey: 'same-key',
      }),
    );
    expect([error.kind, error.code]).toEqual(['conflict', 'idempotency_key_reused']);
  });

  it('gives the same ids for the same keys in every run (deterministic)', async () => {
    const a = await paidIntent(provider().p, 100, 'stable');
    const b = await paidIntent(provider().p, 100, 'stable');
    expect(b).toEqual(a);
  });

  it('transfers out of a charge no more than it collected, and reverses no more than it transferred', async () => {
    const { p } = provider();
    const { confirmed } = await paidIntent(p, 10_000);
    const { accountId } = await p.createConnectedAccount({ companyId: 'm1', name: 'Maker', country: 'US' });
    const transfer = { currency: 'USD' as const, destinationAccountId: accountId, transferGroup: 'group-1' };
    const t1 = await p.transfer({
      ...transfer,
      amountMinor: 6_000,
      sourceChargeId: confirmed.chargeId,
      idempotencyKey: 't1',
      metadata: {},
    });
    expect(t1.id).toMatch(/^offline_tr_/);
    const tooMuch = await domainError(
      p.transfer({
        ...transfer,
        amountMinor: 4_001,
        sourceChargeId: confirmed.chargeId,
        idempotencyKey: 't2',
        metadata: {},
      }),
    );
    expect(tooMuch.code).toBe('insufficient_funds');
    const reversal = await p.reverseTransfer({ transferId: t1.id, amountMinor: 1_000, idempotencyKey: 'r1' });
    expect(reversal.id).toMatch(/^offline_trr_/);
    expect(
      (await domainError(p.reverseTransfer({ transferId: t1.id, amountMinor: 5_001, idempotencyKey: 'r2' })))
        .code,
    ).toBe('reversal_exceeds_transfer');
    const unknownAccount = await domainError(
      p.transfer({
        ...transfer,
        destinationAccountId: 'acct_real',
        amountMinor: 1,
        idempotencyKey: 't3',
        metadata: {},
      }),
    );
    expect(unknownAccount.code).toBe('payment_provider_rejected');
  });

  it('refunds part of a payment, never more than was paid', async () => {
    const { p, received } = provider();
    const { intent } = await paidIntent(p, 5_000);
    const refund = await p.refund({
      paymentIntentId: intent.id,
      amountMinor: 2_000,
      idempotencyKey: 'rf1',
      metadata: {},
    });
    expect(refund).toMatchObject({ id: expect.stringMatching(/^offline_re_/), status: 'succeeded' });
    const error = await domainError(
      p.refund({ paymentIntentId: intent.id, amountMinor: 3_001, idempotencyKey: 'rf2', metadata: {} }),
    );
    expect(error.code).toBe('refund_exceeds_charge');
    await p.whenDelivered();
    const refunded = p.parseWebhook(received.at(-1)!.body, received.at(-1)!.header);
    expect(refunded).toMatchObject({ type: 'charge.refunded', object: { kind: 'charge' } });
    expect(refunded.object.raw.amount_refunded).toBe(2_000);
  });

  it('refuses amounts that are not positive whole minor units before doing anything', async () => {
    const { p } = provider();
    for (const amountMinor of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1]) {
      const error = await domainError(
        p.createPaymentIntent({
          amountMinor,
          currency: 'USD',
          transferGroup: 'g',
          metadata: {},
          idempotencyKey: 'k',
        }),
      );
      expect(error.code).toBe('invalid_amount');
    }
  });

  it('retries a webhook delivery that failed, as Stripe does', async () => {
    const p = new OfflinePaymentProvider({ logger: silent, retryDelaysMs: [5, 5] });
    let calls = 0;
    p.deliverWebhooksTo(async () => {
      calls++;
      if (calls < 3) throw new Error('receiver down');
    });
    await paidIntent(p);
    await p.whenDelivered();
    expect(calls).toBe(3);
  });

  it('has nothing to onboard: its link goes straight back, marked offline', async () => {
    const { p } = provider();
    const { accountId } = await p.createConnectedAccount({ companyId: 'c9', name: 'Maker', country: 'US' });
    const link = await p.createOnboardingLink({
      accountId,
      refreshUrl: 'http://localhost:3000/payouts?onboarding=expired',
      returnUrl: 'http://localhost:3000/payouts',
    });
    expect(link.url).toBe('http://localhost:3000/payouts?onboarding=offline');
  });
});
