/**
 * Plans and subscriptions as a manufacturer notices them, on embedded (the offline provider, which sends its
 * own subscription webhooks) and distributed (Stripe's API on stripe-mock, which sends none: the test posts the
 * signed `customer.subscription.*` webhooks Stripe would). The Free plan's product limit, subscribing with an
 * add-on, switching to yearly, cancelling to Free at period end, who may manage billing, and prices as data.
 */
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvent } from '../../ingest/events/catalog.ts';
import { OfflinePaymentProvider } from '../../marketplace/payments/offline-provider.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { newId } from '../../platform/ids.ts';
import { PASSWORD, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';
import { expectProblem } from './expect-problem.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

export function billingScenario(mode: Mode, options: { env?: Record<string, string> } = {}) {
  describe(`plans and subscriptions on ${mode}`, () => {
    let tp: TestPlatform;
    let maker: Company;
    let buyer: Company;
    let draftId: string;

    const product = (sku: string, status: 'draft' | 'published' = 'published') => ({
      sku,
      name: `Product ${sku}`,
      priceMinor: 1_000,
      currency: 'USD',
      stock: 5,
      status,
    });
    const subscription = (token: string) => tp.http('GET', '/api/v1/billing/subscription', { token });
    const subscribe = (token: string, body: object) =>
      tp.http('POST', '/api/v1/billing/subscription', { token, body });
    const row = (companyId: string) =>
      tp.platform.db
        .selectFrom('subscriptions')
        .selectAll()
        .where('company_id', '=', companyId)
        .executeTakeFirstOrThrow();
    const changes = async (companyId: string) =>
      (
        await tp.platform.db
          .selectFrom('outbox')
          .selectAll()
          .where('type', '=', 'subscription.changed')
          .where('aggregate_type', '=', 'subscription')
          .orderBy('seq')
          .execute()
      ).filter((e) => (e.payload as { companyId: string }).companyId === companyId);

    /** Lets the provider's webhook land: the offline provider sends it; for Stripe we post what Stripe would. */
    async function confirm(companyId: string, type?: 'customer.subscription.deleted') {
      const provider = tp.platform.services.payments.provider;
      if (provider instanceof OfflinePaymentProvider) {
        if (type) provider.advanceBillingClock(new Date(Date.now() + 400 * 86_400_000));
        await provider.whenDelivered();
        return;
      }
      const current = await row(companyId);
      const requested = current.requested ?? {
        items: current.items,
        cancelAtPeriodEnd: current.cancel_at_period_end,
      };
      const periodEnd = Math.floor(Date.now() / 1000) + 30 * 86_400;
      const object = {
        id: current.provider_subscription_id,
        object: 'subscription',
        customer: current.provider_customer_id,
        status: type ? 'canceled' : 'active',
        cancel_at_period_end: requested.cancelAtPeriodEnd,
        metadata: { companyId },
        items: {
          object: 'list',
          data: requested.items.map((i) => ({
            id: `si_${randomUUID().slice(0, 8)}`,
            object: 'subscription_item',
            quantity: i.quantity,
            metadata: { wholesailPriceId: i.priceId, product: i.product },
            current_period_end: periodEnd,
            price: { id: `price_${i.priceId.slice(-8)}`, object: 'price' },
          })),
        },
      };
      const payload = JSON.stringify({
        id: `evt_${randomUUID().replace(/-/g, '')}`,
        object: 'event',
        type:
          type ??
          (current.status === 'pending' ? 'customer.subscription.created' : 'customer.subscription.updated'),
        created: Math.floor(Date.now() / 1000),
        data: { object },
      });
      const header = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: tp.platform.config.stripeWebhookSecret!,
      });
      const res = await fetch(`${tp.url}/api/v1/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: payload,
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }

    beforeAll(async () => {
      tp = await startTestPlatform(mode, { env: options.env, startPipeline: false });
      maker = await tp.company('manufacturer', 'Hilltop Pottery');
      buyer = await tp.company('retailer', 'Corner Shop');
    }, 120_000);
    afterAll(async () => tp?.close());

    it('refuses the 11th published product on Free, naming the limit and the plan that lifts it', async () => {
      for (let i = 1; i <= 10; i++) {
        const res = await tp.http('POST', '/api/v1/products', {
          token: maker.token,
          body: product(`P-${i}`),
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      const eleventh = await tp.http('POST', '/api/v1/products', {
        token: maker.token,
        body: product('P-11'),
      });
      expectProblem(eleventh, 422, 'plan_limit_reached');
      expect(eleventh.body.detail).toContain('Free plan includes 10 published products');
      expect(eleventh.body.detail).toContain('Upgrade to Professional');
      // A draft is fine; publishing it is the same limit.
      const draft = await tp.http('POST', '/api/v1/products', {
        token: maker.token,
        body: product('P-11', 'draft'),
      });
      expect(draft.status).toBe(201);
      draftId = draft.body.id;
      const publish = await tp.http('POST', `/api/v1/catalog/products/${draftId}/publish`, {
        token: maker.token,
      });
      expectProblem(publish, 422, 'plan_limit_reached');
      const view = await subscription(maker.token);
      expect(view.body).toMatchObject({
        plan: 'free',
        limits: { publishedProducts: 10, ordersPerMonth: 20, includedSeats: 2 },
        subscription: null,
      });
    });

    it('lets only a manufacturer’s owner and admins manage billing; finance staff may look', async () => {
      expectProblem(await subscription(buyer.token), 403, 'forbidden');
      expectProblem(await subscribe(buyer.token, { plan: 'professional' }), 403, 'forbidden');
      for (const role of ['viewer', 'finance'] as const) {
        const email = `${role}-${newId()}@example.test`;
        await tp.platform.services.identity.addMember(
          maker.companyId,
          { email, password: PASSWORD, role },
          systemActor,
        );
        const token = await tp.login(email);
        expectProblem(await subscribe(token, { plan: 'professional' }), 403, 'forbidden');
        expectProblem(await tp.http('DELETE', '/api/v1/billing/subscription', { token }), 403, 'forbidden');
        expect((await subscription(token)).status).toBe(role === 'finance' ? 200 : 403);
      }
      expectProblem(
        await tp.http('DELETE', '/api/v1/billing/subscription', { token: maker.token }),
        409,
        'no_subscription',
      );
      expectProblem(
        await subscribe(maker.token, { plan: 'enterprise', interval: 'year' }),
        422,
        'price_not_offered',
      );
      expect((await subscribe(maker.token, { plan: 'free' })).status).toBe(400);
    });

    it('subscribes to Professional monthly with premium analytics: the webhook makes it so, MRR $298', async () => {
      const asked = await subscribe(maker.token, {
        plan: 'professional',
        interval: 'month',
        addOns: { premiumAnalytics: true },
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(202);
      await confirm(maker.companyId);
      const view = await subscription(maker.token);
      expect(view.body).toMatchObject({
        plan: 'professional',
        limits: { publishedProducts: null, includedSeats: 5 },
        subscription: {
          status: 'active',
          plan: 'professional',
          interval: 'month',
          addOns: { extraUsers: 0, premiumAnalytics: true, priorityListing: false },
          mrrUsdMinor: 29_800,
          cancelAtPeriodEnd: false,
          pendingChange: null,
        },
      });
      expect(view.body.subscription.items).toEqual([
        expect.objectContaining({
          product: 'professional',
          quantity: 1,
          unitAmountUsdMinor: 19_900,
          mrrUsdMinor: 19_900,
        }),
        expect.objectContaining({
          product: 'premium_analytics',
          unitAmountUsdMinor: 9_900,
          mrrUsdMinor: 9_900,
        }),
      ]);
      expect(new Date(view.body.subscription.nextInvoiceAt).getTime()).toBeGreaterThan(Date.now());
      const [changed] = await changes(maker.companyId);
      expect(changed!.payload).toMatchObject({
        plan: 'professional',
        previousPlan: 'free',
        status: 'active',
        mrrUsdMinor: 29_800,
        planMrrUsdMinor: 19_900,
      });
      expect(
        validateEvent({
          ...changed,
          eventId: changed!.event_id,
          aggregateType: 'subscription',
          aggregateId: changed!.aggregate_id,
          companyIds: changed!.company_ids,
          occurredAt: new Date(changed!.occurred_at).toISOString(),
          actor: changed!.actor,
          payload: changed!.payload,
          type: changed!.type,
          version: changed!.version,
        }),
      ).toMatchObject({ ok: true });

      // The plan lifts the limit: the draft that was refused now publishes.
      const publish = await tp.http('POST', `/api/v1/catalog/products/${draftId}/publish`, {
        token: maker.token,
      });
      expect(publish.status, JSON.stringify(publish.body)).toBeLessThan(300);
    });

    it('switches to yearly: the plan earns $1,990 / 12 = $165.83 a month', async () => {
      const asked = await subscribe(maker.token, {
        plan: 'professional',
        interval: 'year',
        addOns: { premiumAnalytics: true },
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(202);
      expect(asked.body.subscription.pendingChange).toMatchObject({ interval: 'year' });
      await confirm(maker.companyId);
      const view = (await subscription(maker.token)).body.subscription;
      expect(view).toMatchObject({ interval: 'year', mrrUsdMinor: 16_583 + 9_900, pendingChange: null });
      expect(
        view.items.map((i: { product: string; unitAmountUsdMinor: number; mrrUsdMinor: number }) => [
          i.product,
          i.unitAmountUsdMinor,
          i.mrrUsdMinor,
        ]),
      ).toEqual([
        ['professional', 199_000, 16_583],
        ['premium_analytics', 118_800, 9_900],
      ]);
      expect((await changes(maker.companyId)).at(-1)!.payload).toMatchObject({
        interval: 'year',
        planMrrUsdMinor: 16_583,
      });
    });

    it('cancels at the end of the period, then is back on Free (and its limit)', async () => {
      const asked = await tp.http('DELETE', '/api/v1/billing/subscription', { token: maker.token });
      expect(asked.status, JSON.stringify(asked.body)).toBe(202);
      await confirm(maker.companyId);
      const pending = (await subscription(maker.token)).body;
      expect(pending).toMatchObject({
        plan: 'professional',
        subscription: { status: 'active', cancelAtPeriodEnd: true, nextInvoiceAt: null },
      });

      await confirm(maker.companyId, 'customer.subscription.deleted');
      const ended = (await subscription(maker.token)).body;
      expect(ended).toMatchObject({ plan: 'free', subscription: { status: 'canceled', mrrUsdMinor: 0 } });
      expect((await changes(maker.companyId)).at(-1)!.payload).toMatchObject({
        plan: 'free',
        previousPlan: 'professional',
        status: 'canceled',
        mrrUsdMinor: 0,
      });
      const audit = await tp.platform.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('company_id', '=', maker.companyId)
        .where('action', '=', 'company.plan_changed')
        .execute();
      expect(audit.map((a) => a.after)).toEqual([{ plan: 'professional' }, { plan: 'free' }]);
      expectProblem(
        await tp.http('POST', '/api/v1/products', { token: maker.token, body: product('P-12') }),
        422,
        'plan_limit_reached',
      );
    });

    it('bills new subscriptions at a new price while existing ones keep theirs', async () => {
      const early = await tp.company('manufacturer', 'Early Works');
      expect((await subscribe(early.token, { plan: 'professional' })).status).toBe(202);
      await confirm(early.companyId);
      const now = Date.now();
      await tp.platform.db
        .insertInto('billing_prices')
        .values([
          {
            id: newId(),
            product: 'professional',
            interval: 'month',
            amount_usd_minor: 24_900,
            effective_from: new Date(now - 1_000),
          },
          // Announced for next month: not in effect yet.
          {
            id: newId(),
            product: 'professional',
            interval: 'month',
            amount_usd_minor: 29_900,
            effective_from: new Date(now + 30 * 86_400_000),
          },
        ])
        .execute();
      const prices = await tp.http('GET', '/api/v1/billing/prices');
      expect(prices.body.items).toContainEqual(
        expect.objectContaining({ product: 'professional', interval: 'month', amountUsdMinor: 24_900 }),
      );

      const late = await tp.company('manufacturer', 'Late Works');
      expect((await subscribe(late.token, { plan: 'professional' })).status).toBe(202);
      await confirm(late.companyId);
      expect((await subscription(late.token)).body.subscription).toMatchObject({ mrrUsdMinor: 24_900 });

      // The early subscriber adds an add-on: its plan keeps the price it was sold at; the add-on is today's.
      expect(
        (
          await subscribe(early.token, {
            plan: 'professional',
            addOns: { priorityListing: true, extraUsers: 2 },
          })
        ).status,
      ).toBe(202);
      await confirm(early.companyId);
      const kept = (await subscription(early.token)).body.subscription;
      expect(
        kept.items.map((i: { product: string; unitAmountUsdMinor: number; quantity: number }) => [
          i.product,
          i.unitAmountUsdMinor,
          i.quantity,
        ]),
      ).toEqual([
        ['professional', 19_900, 1],
        ['extra_users', 2_000, 2],
        ['priority_listing', 29_900, 1],
      ]);
      expect(kept.mrrUsdMinor).toBe(19_900 + 4_000 + 29_900);
    });
  });
}
