/**
 * Card entry in the buyer's browser: GET /api/v1/order-groups/:id/card-payment gives the buyer (and nobody else)
 * what Stripe.js needs to confirm its checkout: the provider, the publishable key and the payment intent's
 * client secret, asked of the provider each time. Offline in embedded mode; Stripe (stripe-mock) with a
 * publishable key in distributed mode.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsFor } from '../../marketplace/identity/roles.ts';
import { DomainError } from '../../platform/errors.ts';
import { startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';
import { deliverStripeSuccess } from './stripe-webhooks.ts';
import { expectProblem } from './expect-problem.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const shipTo = {
  name: 'Corner Shop',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

export function cardPaymentScenario(mode: Mode, options: { env?: Record<string, string> } = {}) {
  describe(`paying a card checkout in the browser on ${mode}`, () => {
    let tp: TestPlatform;
    let maker: Company;
    let buyer: Company;
    let otherShop: Company;
    let admin: Company;
    let variantId: string;

    const session = (token: string, groupId: string) =>
      tp.http('GET', `/api/v1/order-groups/${groupId}/card-payment`, { token });
    const checkout = async (paymentMethod: 'card' | 'terms') => {
      const line = await tp.http('POST', '/api/v1/cart/lines', {
        token: buyer.token,
        body: { variantId, quantity: 6 },
      });
      expect(line.status, JSON.stringify(line.body)).toBe(200);
      const res = await tp.http('POST', '/api/v1/checkout', {
        token: buyer.token,
        body: { paymentMethod, shippingAddress: shipTo },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as {
        id: string;
        totalMinor: number;
        payment: { paymentIntentId: string };
      };
    };
    const provider = () => tp.platform.services.payments.provider;

    beforeAll(async () => {
      tp = await startTestPlatform(mode, { env: options.env });
      maker = await tp.company('manufacturer', 'Hilltop Pottery');
      buyer = await tp.company('retailer', 'Corner Shop');
      otherShop = await tp.company('retailer', 'Other Shop');
      admin = await tp.company('platform', 'Wholesail HQ', 'admin');
      const product = await tp.http('POST', '/api/v1/products', {
        token: maker.token,
        body: {
          sku: 'MUG',
          name: 'Stoneware mug',
          category: 'drinkware',
          currency: 'USD',
          variants: [{ sku: 'MUG-S', priceMinor: 900, moq: 6, casePack: 6, stock: 600 }],
        },
      });
      expect(product.status, JSON.stringify(product.body)).toBe(201);
      variantId = product.body.variants[0].id;
    }, 180_000);
    afterAll(async () => tp?.close());

    it("gives the buyer the client secret of its own checkout's payment intent, and no other answer shows it", async () => {
      const group = await checkout('card');
      const res = await session(buyer.token, group.id);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.headers?.get('cache-control')).toBe('no-store');
      const held = await provider().retrievePaymentIntent(group.payment.paymentIntentId);
      expect(res.body).toMatchObject({
        orderGroupId: group.id,
        provider: provider().name,
        publishableKey: tp.platform.config.stripePublishableKey ?? null,
        paymentIntentId: group.payment.paymentIntentId,
        clientSecret: held.clientSecret,
        status: 'requires_payment_method',
      });
      if (provider().name === 'offline') {
        // One secret per intent; offline never has a publishable key.
        expect(res.body.clientSecret).toBe(`${group.payment.paymentIntentId}_secret_offline_test_provider`);
        expect(res.body).toMatchObject({
          publishableKey: null,
          amountMinor: group.totalMinor,
          currency: 'USD',
        });
      } else {
        expect(res.body.publishableKey).toMatch(/^pk_test_/);
        expect(res.body.clientSecret).toContain('_secret_');
      }

      const secret: string = res.body.clientSecret;
      const view = await tp.http('GET', `/api/v1/order-groups/${group.id}`, { token: buyer.token });
      expect(JSON.stringify(view.body)).not.toContain(secret);
      const leaked = await sql<{ n: string }>`SELECT count(*) AS n FROM outbox
        WHERE payload::text LIKE ${`%${secret}%`}`.execute(tp.platform.db);
      expect(Number(leaked.rows[0]!.n)).toBe(0);
    });

    it('tells other companies the checkout does not exist, and keeps it from members without buying rights', async () => {
      const group = await checkout('card');
      for (const outsider of [otherShop, maker, admin])
        expectProblem(await session(outsider.token, group.id), 404, 'order_group_not_found');
      expectProblem(await session(buyer.token, randomUUID()), 404, 'order_group_not_found');
      expectProblem(await session(buyer.token, 'not-a-uuid'), 400, 'invalid_request', 'id');

      const viewer = {
        userId: randomUUID(),
        companyId: buyer.companyId,
        companyKind: 'retailer' as const,
        role: 'viewer',
        permissions: permissionsFor('retailer', 'viewer'),
      };
      const refused = await tp.platform.services.payments
        .cardPaymentSession(viewer, group.id)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({ kind: 'forbidden', code: 'forbidden' });
    });

    it('says there is nothing to pay by card for a net-terms checkout', async () => {
      const approve = await tp.http('POST', `/api/v1/admin/companies/${buyer.companyId}/payment-terms`, {
        token: admin.token,
        body: { approved: true, creditLimitUsdMinor: 1_000_000, reason: 'trade references checked' },
      });
      expect(approve.status, JSON.stringify(approve.body)).toBe(200);
      const group = await checkout('terms');
      const res = await session(buyer.token, group.id);
      expectProblem(res, 409, 'checkout_on_terms');
      expect(res.body.detail).toContain('nothing to pay by card');
    });

    it('says a checkout whose reservation ran out has expired, and one whose payment the provider lost must start over', async () => {
      const late = await checkout('card');
      await tp.platform.db
        .updateTable('order_groups')
        .set({ reservation_expires_at: new Date(Date.now() - 60_000) })
        .where('id', '=', late.id)
        .execute();
      expectProblem(await session(buyer.token, late.id), 409, 'checkout_expired');

      if (provider().name === 'offline') {
        // The offline provider keeps intents in memory: after a restart it knows none of them.
        const forgotten = await checkout('card');
        await tp.platform.db
          .updateTable('order_groups')
          .set({ payment_intent_id: 'offline_pi_from_before_a_restart' })
          .where('id', '=', forgotten.id)
          .execute();
        const res = await session(buyer.token, forgotten.id);
        expectProblem(res, 409, 'payment_intent_unavailable');
        expect(res.body.detail).toContain('check out again');
      }
    });

    it('says a paid checkout is paid', async () => {
      const group = await checkout('card');
      const paid = await tp.http('POST', `/api/v1/order-groups/${group.id}/pay`, {
        token: buyer.token,
        body: { paymentMethod: 'pm_card_visa' },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
      // stripe-mock moves no money: Stripe's word arrives as a signed webhook, as in production.
      if (provider().name === 'stripe')
        await deliverStripeSuccess(tp, group.payment.paymentIntentId, group.id);
      const res = await session(buyer.token, group.id);
      expectProblem(res, 409, 'checkout_already_paid');
      expect(res.body.detail).toContain('nothing left to pay');
    });
  });
}
