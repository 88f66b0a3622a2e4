/**
 * Payments on Stripe's own mock API server (stripe-mock, started by global setup) and Stripe webhooks through
 * HTTP. stripe-mock checks every request against Stripe's OpenAPI description but keeps no state: it answers
 * with fixture objects, so these tests assert what we send and that each round trip works, not the amounts
 * that come back.
 */
import { pino } from 'pino';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStripeClient, StripePaymentProvider } from '../marketplace/payments/stripe-provider.ts';
import type { ProviderEvent } from '../marketplace/payments/payment-provider.ts';
import type { Platform } from '../platform/container.ts';
import { DomainError } from '../platform/errors.ts';
import { servicesAvailable, startTestPlatform, type TestPlatform } from './support/test-platform.ts';

const WEBHOOK_SECRET = 'whsec_wholesail_payments_test';
const silent = pino({ level: 'silent' });

/** A Stripe client on stripe-mock that remembers the method, path and idempotency key of every request. */
function recordingProvider(apiBase: string) {
  const client = createStripeClient({ secretKey: 'sk_test_wholesail', apiBase });
  const requests: Array<{ method: string; path: string; idempotencyKey?: string }> = [];
  client.on('request', (e: { method: string; path: string; idempotency_key?: string }) =>
    requests.push({ method: e.method, path: e.path, idempotencyKey: e.idempotency_key }),
  );
  const provider = new StripePaymentProvider(client, { webhookSecret: WEBHOOK_SECRET, logger: silent });
  return { provider, requests };
}

function paymentsOnStripeMock() {
  let apiBase: string;
  beforeAll(() => {
    apiBase = inject('services')!.STRIPE_MOCK_URL;
  });

  it('creates a manufacturer’s connected account with one key per company', async () => {
    const { provider, requests } = recordingProvider(apiBase);
    const { accountId } = await provider.createConnectedAccount({
      companyId: '0193a1b2-0000-7000-8000-000000000001',
      name: 'Acme Ceramics',
      country: 'US',
      email: 'owner@acme.test',
    });
    expect(accountId).toMatch(/^acct_/);
    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/v1/accounts',
        idempotencyKey: 'wholesail-connected-account-0193a1b2-0000-7000-8000-000000000001',
      },
    ]);
  });

  it('creates and confirms a payment intent, sending our idempotency keys (the same key twice works)', async () => {
    const { provider, requests } = recordingProvider(apiBase);
    const input = {
      amountMinor: 12_345,
      currency: 'EUR' as const,
      transferGroup: 'group-1',
      metadata: { orderGroupId: 'group-1' },
      idempotencyKey: 'checkout-group-1',
    };
    const intent = await provider.createPaymentIntent(input);
    const retried = await provider.createPaymentIntent(input);
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.clientSecret).toContain('_secret_');
    expect(typeof retried.status).toBe('string');
    const confirmed = await provider.confirmPaymentIntent(intent.id, {
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'checkout-group-1-confirm',
    });
    expect(confirmed.id).toMatch(/^pi_/);
    expect(typeof confirmed.status).toBe('string');
    expect(requests).toEqual([
      { method: 'POST', path: '/v1/payment_intents', idempotencyKey: 'checkout-group-1' },
      { method: 'POST', path: '/v1/payment_intents', idempotencyKey: 'checkout-group-1' },
      {
        method: 'POST',
        path: `/v1/payment_intents/${intent.id}/confirm`,
        idempotencyKey: 'checkout-group-1-confirm',
      },
    ]);
  });

  it('transfers a share to a connected account in the checkout’s transfer group, from its charge', async () => {
    const { provider, requests } = recordingProvider(apiBase);
    const transfer = await provider.transfer({
      amountMinor: 8_000,
      currency: 'USD',
      destinationAccountId: 'acct_1032D82eZvKYlo2C',
      transferGroup: 'group-1',
      sourceChargeId: 'ch_3MmlLrLkdIwHu7ix0snN0B15',
      idempotencyKey: 'payout-group-1-maker-1',
      metadata: { orderId: 'o1' },
    });
    expect(transfer.id).toMatch(/^tr_/);
    expect(requests).toEqual([
      { method: 'POST', path: '/v1/transfers', idempotencyKey: 'payout-group-1-maker-1' },
    ]);
  });

  it('refunds part of a payment and takes part of a transfer back', async () => {
    const { provider, requests } = recordingProvider(apiBase);
    const refund = await provider.refund({
      paymentIntentId: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
      amountMinor: 500,
      idempotencyKey: 'refund-r1',
      metadata: { returnId: 'r1' },
    });
    expect(refund.id).toMatch(/^re_/);
    expect(typeof refund.status).toBe('string');
    const reversal = await provider.reverseTransfer({
      transferId: 'tr_1MiN3gLkdIwHu7ixNCZvFdgA',
      amountMinor: 400,
      idempotencyKey: 'reverse-r1',
    });
    expect(reversal.id).toMatch(/^trr_/);
    expect(requests).toEqual([
      { method: 'POST', path: '/v1/refunds', idempotencyKey: 'refund-r1' },
      {
        method: 'POST',
        path: '/v1/transfers/tr_1MiN3gLkdIwHu7ixNCZvFdgA/reversals',
        idempotencyKey: 'reverse-r1',
      },
    ]);
  });

  it('refuses bad amounts and keys itself, without sending anything to Stripe', async () => {
    const { provider, requests } = recordingProvider(apiBase);
    const base = { currency: 'USD' as const, transferGroup: 'g', metadata: {}, idempotencyKey: 'k' };
    await expect(provider.createPaymentIntent({ ...base, amountMinor: -5 })).rejects.toMatchObject({
      code: 'invalid_amount',
    });
    await expect(
      provider.createPaymentIntent({ ...base, amountMinor: 5, idempotencyKey: 'has space' }),
    ).rejects.toMatchObject({
      code: 'invalid_idempotency_key',
    });
    expect(requests).toEqual([]);
  });

  it('answers an unreachable Stripe as "unavailable" (503), never as a crash', async () => {
    const provider = new StripePaymentProvider(
      createStripeClient({ secretKey: 'sk_test_x', apiBase: 'http://127.0.0.1:9' }),
      {
        webhookSecret: WEBHOOK_SECRET,
        logger: silent,
      },
    );
    const error = await provider
      .refund({ paymentIntentId: 'pi_1', amountMinor: 1, idempotencyKey: 'k', metadata: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'payment_provider_unavailable' });
  });

  describe('through HTTP, with Stripe configured', () => {
    let tp: TestPlatform;
    let platform: Platform;

    beforeAll(async () => {
      tp = await startTestPlatform('embedded', {
        startPipeline: false,
        env: {
          STRIPE_SECRET_KEY: 'sk_test_wholesail',
          STRIPE_API_BASE: apiBase,
          STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        },
      });
      platform = tp.platform;
    });
    afterAll(async () => tp?.close());

    const http: TestPlatform['http'] = (...args) => tp.http(...args);
    const member = (kind: 'manufacturer' | 'retailer', role?: string) =>
      tp.company(kind, `Payments ${kind} ${role ?? 'owner'}`, role);

    const event = (id: string, type: string, object: Record<string, unknown>) =>
      JSON.stringify({
        id,
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        type,
        data: { object },
      });
    const signed = (payload: string, options: { secret?: string; timestamp?: number } = {}) => ({
      'stripe-signature': Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? WEBHOOK_SECRET,
        ...(options.timestamp ? { timestamp: options.timestamp } : {}),
      }),
    });
    // Event types of these tests' own: checkout's handlers for the real ones must not see made-up payments.
    const postWebhook = (payload: string, headers: Record<string, string>) =>
      http('POST', '/api/v1/webhooks/stripe', { rawBody: payload, headers });

    it('is Stripe that is active, not the offline provider', () => {
      expect(platform.services.payments.provider.name).toBe('stripe');
    });

    it('gives a manufacturer’s owner and finance staff the payout account, and nobody else', async () => {
      const owner = await member('manufacturer');
      expect(
        (await http('GET', '/api/v1/payments/connected-account', { token: owner.token })).body.code,
      ).toBe('connected_account_not_found');
      const created = await http('POST', '/api/v1/payments/connected-account', { token: owner.token });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      expect(created.body).toMatchObject({
        companyId: owner.companyId,
        provider: 'stripe',
        accountId: expect.stringMatching(/^acct_/),
      });
      const again = await http('POST', '/api/v1/payments/connected-account', { token: owner.token });
      expect(again.body.accountId).toBe(created.body.accountId);
      const read = await http('GET', '/api/v1/payments/connected-account', { token: owner.token });
      expect(read.body).toEqual(created.body);

      const finance = await member('manufacturer', 'finance');
      expect(
        (await http('POST', '/api/v1/payments/connected-account', { token: finance.token })).status,
      ).toBe(200);
      for (const outsider of [await member('manufacturer', 'catalog_manager'), await member('retailer')]) {
        const refused = await http('POST', '/api/v1/payments/connected-account', { token: outsider.token });
        expect(refused.status).toBe(403);
        expect(refused.type).toContain('application/problem+json');
      }
      expect((await http('POST', '/api/v1/payments/connected-account')).status).toBe(401);
    });

    it('sends a manufacturer to Stripe-hosted onboarding for its payout account, and nobody else', async () => {
      const owner = await member('manufacturer');
      const link = await http('POST', '/api/v1/payments/connected-account/onboarding-link', {
        token: owner.token,
      });
      expect(link.status, JSON.stringify(link.body)).toBe(200);
      // stripe-mock answers a fixture URL; what matters is that Stripe's API accepted our account and URLs.
      expect(link.body.url).toMatch(/^https:\/\//);
      expect(Date.parse(link.body.expiresAt)).toBeGreaterThan(0);
      const refused = await http('POST', '/api/v1/payments/connected-account/onboarding-link', {
        token: (await member('retailer')).token,
      });
      expect(refused.status).toBe(403);
    });

    it('applies a signed webhook once, acknowledges its replay, and refuses forged, tampered and old ones', async () => {
      const seen: ProviderEvent[] = [];
      const off = platform.services.payments.webhooks.on('test.payment_intent_succeeded', async (_tx, e) => {
        seen.push(e);
      });
      const payload = event('evt_http_1', 'test.payment_intent_succeeded', {
        id: 'pi_http_1',
        object: 'payment_intent',
        amount: 4_321,
        currency: 'usd',
        status: 'succeeded',
        latest_charge: 'ch_http_1',
        metadata: { orderGroupId: 'group-http' },
      });

      const first = await postWebhook(payload, signed(payload));
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toEqual({ received: true, eventId: 'evt_http_1', duplicate: false });
      const replay = await postWebhook(payload, signed(payload));
      expect(replay.status).toBe(200);
      expect(replay.body.duplicate).toBe(true);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.object).toMatchObject({ amountMinor: 4_321, currency: 'USD', chargeId: 'ch_http_1' });

      const refusals: Array<[string, Record<string, string>, string]> = [
        [payload, signed(payload, { secret: 'whsec_forger' }), 'invalid_signature'],
        [payload.replace('4321', '1'), signed(payload), 'invalid_signature'],
        [payload, signed(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }), 'signature_expired'],
        [payload, {}, 'invalid_signature'],
      ];
      for (const [body, headers, code] of refusals) {
        const res = await postWebhook(body, headers);
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.type).toContain('application/problem+json');
        expect(res.body.code).toBe(code);
      }
      off();
      expect(seen).toHaveLength(1);
    });

    it('keeps an event whose handler failed unprocessed, so Stripe’s retry applies it', async () => {
      let attempts = 0;
      const off = platform.services.payments.webhooks.on('test.payment_intent_failed', async () => {
        attempts++;
        if (attempts === 1) throw new Error('checkout is not ready');
      });
      const payload = event('evt_http_2', 'test.payment_intent_failed', {
        id: 'pi_http_2',
        object: 'payment_intent',
        status: 'requires_payment_method',
        last_payment_error: { code: 'card_declined' },
      });
      const failed = await postWebhook(payload, signed(payload));
      expect(failed.status).toBe(503);
      expect(failed.body.code).toBe('webhook_processing_failed');
      const row = () =>
        platform.db
          .selectFrom('payment_provider_events')
          .select(['processed_at', 'attempts'])
          .where('event_id', '=', 'evt_http_2')
          .executeTakeFirstOrThrow();
      expect(await row()).toEqual({ processed_at: null, attempts: 1 });

      const retried = await postWebhook(payload, signed(payload));
      expect(retried.status).toBe(200);
      expect(retried.body.duplicate).toBe(false);
      expect((await row()).processed_at).not.toBeNull();
      expect((await postWebhook(payload, signed(payload))).body.duplicate).toBe(true);
      off();
      expect(attempts).toBe(2);
    });

    it('leaves every other route on the JSON parser', async () => {
      const res = await http('POST', '/api/v1/auth/login', { rawBody: '{not json' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('malformed_json');
    });
  });
}

if (servicesAvailable()) {
  describe('payments on stripe-mock', paymentsOnStripeMock);
} else {
  // Global setup already printed why, loudly; under CI=true it failed the run instead.
  describe.skip('payments on stripe-mock: real services did not start', () => {
    it('needs stripe-mock', () => {});
  });
}
