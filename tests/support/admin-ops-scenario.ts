/**
 * Platform operations as Wholesail's admins use them, on embedded and distributed modes: orders that need
 * attention (an order nobody accepted in 48 hours, one past its ship-by date, a declined or hanging card
 * checkout, an overdue net-terms order) appear and leave as people act on them; the platform metrics count what
 * happened; and nobody but a platform admin reads either.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrdersAttention } from '../../marketplace/orders/orders-attention.ts';
import { createOrderService } from '../../marketplace/orders/order-service.ts';
import type { Principal } from '../../platform/principal.ts';
import { expectProblem } from './expect-problem.ts';
import {
  eventually,
  PASSWORD,
  startTestPlatform,
  type HttpResult,
  type Mode,
  type TestPlatform,
} from './test-platform.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ATTENTION = '/api/v1/admin/orders/attention';
const METRICS = '/api/v1/admin/platform-metrics';
const shop = {
  name: 'Harbour Goods',
  line1: '9 Pier Rd',
  city: 'Portland',
  region: 'OR',
  postalCode: '97201',
  country: 'US',
};

export function adminOpsScenario(mode: Mode) {
  describe(`platform operations for admins on ${mode}`, () => {
    let tp: TestPlatform;
    let seller: Company;
    let buyer: Company;
    let admin: Company;
    let analyst: Company;
    let variantId: string;
    let productId: string;

    const ok = (res: HttpResult, status = 200) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body;
    };
    const get = (who: Company, route: string) => tp.http('GET', route, { token: who.token });
    const post = (who: Company, route: string, body?: object, headers?: Record<string, string>) =>
      tp.http('POST', route, { token: who.token, body, headers });
    const principalOf = (who: Company): Promise<Principal> =>
      tp.platform.services.identity.authenticate(who.email, PASSWORD);
    const at = (offsetMs: number) => ({ now: () => new Date(Date.now() + offsetMs) });
    /** An order the buyer placed `hoursAgo` hours ago, through the real order service on a shifted clock. */
    const orderPlacedAgo = async (hoursAgo: number, quantity = 4) =>
      (
        await createOrderService({ db: tp.platform.db, clock: at(-hoursAgo * HOUR_MS) }).placeOrder(
          await principalOf(buyer),
          { lines: [{ variantId, quantity }] },
        )
      ).id;
    type AttentionGroup = { kind: string; total: number; items: Array<HttpResult['body']> };
    const group = (body: HttpResult['body'], kind: string): AttentionGroup =>
      (body.groups as AttentionGroup[]).find((g) => g.kind === kind)!;
    const idsOf = (body: HttpResult['body'], kind: string): string[] =>
      group(body, kind).items.map((i) => i.orderId);
    const checkout = async (paymentMethod: 'card' | 'terms', quantity: number) => {
      ok(await post(buyer, '/api/v1/cart/lines', { variantId, quantity }));
      return ok(
        await post(
          buyer,
          '/api/v1/checkout',
          { paymentMethod, shippingAddress: shop },
          { 'Idempotency-Key': randomUUID() },
        ),
        201,
      );
    };

    beforeAll(async () => {
      tp = await startTestPlatform(mode);
      seller = await tp.company('manufacturer', 'Quayside Ceramics');
      buyer = await tp.company('retailer', 'Harbour Goods');
      admin = await tp.company('platform', 'Wholesail Ops', 'admin');
      analyst = await tp.company('platform', 'Wholesail Insight', 'analyst');
      const product = ok(
        await post(seller, '/api/v1/products', {
          sku: 'BOWL',
          name: 'Glazed bowl',
          priceMinor: 1_250,
          currency: 'USD',
          stock: 1_000,
        }),
        201,
      );
      variantId = product.variants[0].id;
      productId = product.id;
    }, 180_000);
    afterAll(async () => tp?.close());

    it('lists an order nobody accepted for 48 hours, with its age, parties and amount, until the seller accepts it', async () => {
      const stuck = await orderPlacedAgo(50);
      const fresh = await orderPlacedAgo(1);
      const before = ok(await get(admin, ATTENTION));
      expect(idsOf(before, 'not_accepted')).toEqual([stuck]);
      expect(group(before, 'not_accepted').items[0]).toMatchObject({
        kind: 'not_accepted',
        status: 'placed',
        buyer: { id: buyer.companyId, name: 'Harbour Goods' },
        seller: { id: seller.companyId, name: 'Quayside Ceramics' },
        amountMinor: 5_000,
        currency: 'USD',
        ageHours: 50,
        overdueHours: 2,
      });
      expect(group(before, 'not_accepted').total).toBe(1);
      // The threshold is the admin's to move: at one hour, the fresh order is late too.
      const strict = ok(await get(admin, `${ATTENTION}?kind=not_accepted&acceptWithinHours=1`));
      expect(strict.groups.map((g: { kind: string }) => g.kind)).toEqual(['not_accepted']);
      expect(idsOf(strict, 'not_accepted')).toEqual([stuck, fresh]);

      ok(await post(seller, `/api/v1/orders/${stuck}/accept`));
      expect(idsOf(ok(await get(admin, ATTENTION)), 'not_accepted')).toEqual([]);
      ok(await post(seller, `/api/v1/orders/${stuck}/ship`, { carrier: 'UPS', trackingNumber: '1Z0' }));
      ok(await post(seller, `/api/v1/orders/${fresh}/accept`));
      ok(await post(seller, `/api/v1/orders/${fresh}/ship`, { carrier: 'UPS', trackingNumber: '1Z1' }));
    });

    it('lists an accepted order past its ship-by date (placed + lead time + 2 days) until it ships', async () => {
      const late = await orderPlacedAgo(4 * 24);
      const onTime = await orderPlacedAgo(24);
      for (const id of [late, onTime]) ok(await post(seller, `/api/v1/orders/${id}/accept`));
      const body = ok(await get(admin, ATTENTION));
      expect(idsOf(body, 'ship_by_passed')).toEqual([late]);
      const item = group(body, 'ship_by_passed').items[0];
      // The bowl states no lead time (0 days): ship-by was two days after placing, two days ago.
      expect(item.overdueHours).toBe(48);
      expect(Date.parse(item.since) - Date.parse(item.placedAt)).toBe(2 * DAY_MS);
      // A longer lead time moves the date: with 3 days of lead time it is not late yet.
      ok(
        await tp.http('PATCH', `/api/v1/catalog/products/${productId}`, {
          token: seller.token,
          body: { leadTimeDays: 3 },
        }),
      );
      expect(idsOf(ok(await get(admin, ATTENTION)), 'ship_by_passed')).toEqual([]);
      ok(
        await tp.http('PATCH', `/api/v1/catalog/products/${productId}`, {
          token: seller.token,
          body: { leadTimeDays: 0 },
        }),
      );

      ok(await post(seller, `/api/v1/orders/${late}/ship`, { carrier: 'UPS', trackingNumber: '1Z2' }));
      expect(idsOf(ok(await get(admin, ATTENTION)), 'ship_by_passed')).toEqual([]);
      ok(await post(seller, `/api/v1/orders/${onTime}/cancel`, { reason: 'Buyer asked to cancel' }));
    });

    it('lists a declined card checkout as failed, an unpaid one once it hangs, and net terms once overdue', async () => {
      const declined = await checkout('card', 2);
      expectProblem(
        await post(
          buyer,
          `/api/v1/order-groups/${declined.id}/pay`,
          { paymentMethod: 'pm_card_chargeDeclined' },
          { 'Idempotency-Key': randomUUID() },
        ),
        422,
        'payment_declined',
        'paymentMethod',
      );
      const declinedOrder = declined.orders[0].id;
      // The provider reports the decline by webhook, which is what marks the checkout as failed.
      const failed = await eventually(
        async () => idsOf(ok(await get(admin, ATTENTION)), 'payment_failed'),
        (ids) => ids.length > 0,
      );
      expect(failed).toEqual([declinedOrder]);

      const unpaid = (await checkout('card', 2)).orders[0].id;
      const admins = await principalOf(admin);
      const attentionAt = (offsetMs: number) =>
        createOrdersAttention({ db: tp.platform.db, clock: at(offsetMs) }).attention(admins, {
          acceptWithinHours: 48,
          paymentPendingMinutes: 60,
          limit: 50,
        });
      const pendingNow = (await attentionAt(0)).groups.find((g) => g.kind === 'payment_pending')!;
      expect(pendingNow.items).toEqual([]);
      const pendingLater = (await attentionAt(2 * HOUR_MS)).groups.find((g) => g.kind === 'payment_pending')!;
      // The declined checkout is listed once, as failed, not again as hanging.
      expect(pendingLater.items.map((i) => i.orderId)).toEqual([unpaid]);

      ok(
        await post(admin, `/api/v1/admin/companies/${buyer.companyId}/payment-terms`, {
          approved: true,
          creditLimitUsdMinor: 1_000_000,
          reason: 'trade references checked',
        }),
      );
      const terms = (await checkout('terms', 4)).orders[0];
      const overdue = (later: number) =>
        attentionAt(later).then((a) =>
          a.groups.find((g) => g.kind === 'terms_overdue')!.items.map((i) => i.orderId),
        );
      expect(await overdue(29 * DAY_MS)).toEqual([]);
      expect(await overdue(31 * DAY_MS)).toEqual([terms.id]);
      ok(await post(admin, `/api/v1/admin/orders/${terms.id}/terms-payment`, { reference: 'wire 7781' }));
      expect(await overdue(31 * DAY_MS)).toEqual([]);
    });

    it('counts status changes today and over 7 days from the order timelines', async () => {
      const body = ok(await get(admin, ATTENTION));
      const count = (status: string) =>
        body.statusCounts.find((c: { status: string }) => c.status === status) ?? { today: 0, last7Days: 0 };
      const rows = await tp.platform.db
        .selectFrom('order_status_history')
        .select(['to_status', 'at'])
        .execute();
      const dayStart = new Date();
      dayStart.setUTCHours(0, 0, 0, 0);
      for (const status of ['placed', 'accepted', 'shipped', 'cancelled']) {
        const of = rows.filter((r) => r.to_status === status);
        expect(count(status).today, status).toBe(of.filter((r) => new Date(r.at) >= dayStart).length);
        expect(count(status).last7Days, status).toBe(
          of.filter((r) => new Date(r.at).getTime() >= Date.now() - 7 * DAY_MS).length,
        );
      }
      // Orders placed two and four days ago entered `placed` before today.
      expect(count('placed').last7Days).toBeGreaterThan(count('placed').today);
      // Shipped today: the order stuck for 50 hours, the fresh one and the late one.
      expect(count('shipped').today).toBe(3);
    });

    it('counts KYB cases waiting, claims, today’s orders and GMV by currency, and active users', async () => {
      const before = ok(await get(admin, METRICS));
      expect(before.marketplace.kybWaiting).toBe(0);
      // Every company registered here signed in once (its token): four people active in 24 hours.
      expect(before.marketplace.activeUsers24h).toBe(4);
      // Placed today (UTC) and sold: the terms order at least; unpaid card checkouts and older orders do not count.
      const placedToday = await tp.platform.db
        .selectFrom('orders')
        .select(['subtotal_minor', 'placed_at', 'status'])
        .where('status', 'not in', ['pending_payment', 'expired'])
        .execute();
      const dayStart = new Date();
      dayStart.setUTCHours(0, 0, 0, 0);
      const todays = placedToday.filter((o) => new Date(o.placed_at) >= dayStart);
      expect(before.marketplace.today).toEqual([
        {
          currency: 'USD',
          orders: todays.length,
          gmvMinor: todays.reduce((sum, o) => sum + o.subtotal_minor, 0),
        },
      ]);
      expect(todays.length).toBeGreaterThanOrEqual(1);

      // A manufacturer submitted for review (the KYB flow itself is tested in kyb-*.test.ts).
      const maker = await tp.company('manufacturer', 'Awaiting Review Co', undefined, { kyb: 'none' });
      await tp.platform.db
        .updateTable('companies')
        .set({ kyb_status: 'submitted', kyb_submitted_at: new Date() })
        .where('id', '=', maker.companyId)
        .execute();
      const delivered = ok(await post(buyer, '/api/v1/orders', { lines: [{ variantId, quantity: 2 }] }), 201)
        .id as string;
      for (const step of ['accept', 'ship', 'deliver'])
        ok(
          await post(
            seller,
            `/api/v1/orders/${delivered}/${step}`,
            step === 'ship' ? { carrier: 'UPS', trackingNumber: '1Z3' } : undefined,
          ),
        );
      const claim = ok(
        await post(buyer, `/api/v1/orders/${delivered}/claims`, {
          type: 'damaged',
          lines: [{ lineNo: 1, quantity: 1 }],
          description: 'One bowl arrived chipped.',
          requestedOutcome: 'refund',
        }),
        201,
      );
      const during = ok(await get(admin, METRICS)).marketplace;
      expect(during).toMatchObject({ kybWaiting: 1, claims: { open: 1, escalated: 0 }, activeUsers24h: 5 });
      ok(await post(buyer, `/api/v1/claims/${claim.id}/escalate`, { note: 'No answer from the seller' }));
      expect(ok(await get(admin, METRICS)).marketplace.claims).toEqual({ open: 0, escalated: 1 });
      expect(ok(await get(admin, METRICS)).marketplace.today[0].orders).toBe(todays.length + 1);
    });

    it('reports the pipeline: events published and loaded, freshness, no dead letters, lag only on Kafka', async () => {
      await tp.platform.relay.drain();
      const outbox = await tp.platform.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const { pipeline } = await eventually(
        async () => ok(await get(admin, METRICS)),
        (b) => b.pipeline.eventsLoaded >= Number(outbox.n) && b.pipeline.outboxPending === 0,
      );
      expect(pipeline.eventsPublished).toBeGreaterThanOrEqual(Number(outbox.n));
      expect(pipeline.deadLetters).toBe(0);
      expect(pipeline.outboxPending).toBe(0);
      // Back-dated events (the orders placed "days ago") are not live, so they are not timed.
      expect(pipeline.freshness.observed).toBeGreaterThan(0);
      expect(pipeline.freshness.observed).toBeLessThanOrEqual(pipeline.eventsLoaded);
      expect(pipeline.freshness.p50Seconds).toBeGreaterThan(0);
      expect(pipeline.freshness.p95Seconds).toBeGreaterThanOrEqual(pipeline.freshness.p50Seconds);
      if (mode === 'embedded') expect(pipeline.consumerLag).toBeNull();
      else expect(pipeline.consumerLag).toBeGreaterThanOrEqual(0);
    });

    it('answers platform admins only, and names the query field at fault', async () => {
      for (const who of [seller, buyer, analyst])
        for (const route of [ATTENTION, METRICS]) expectProblem(await get(who, route), 403, 'forbidden');
      expect((await tp.http('GET', ATTENTION)).status).toBe(401);
      expectProblem(
        await get(admin, `${ATTENTION}?acceptWithinHours=0`),
        400,
        'invalid_request',
        'acceptWithinHours',
      );
      expectProblem(await get(admin, `${ATTENTION}?kind=late`), 400, 'invalid_request', 'kind');
      expectProblem(await get(admin, `${ATTENTION}?limit=ten`), 400, 'invalid_request', 'limit');
      expectProblem(await get(admin, `${ATTENTION}?status=placed`), 400, 'invalid_request');
      expectProblem(await get(admin, `${METRICS}?since=today`), 400, 'invalid_request');
    });
  });
}
