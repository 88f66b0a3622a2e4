/**
 * Buying, as a retailer and the people around it see it, on embedded and distributed modes: a cart across
 * manufacturers with problems shown per line, split checkout with tax and commission, card payment (the
 * offline provider, or Stripe through stripe-mock in distributed mode), reservations that expire, net terms
 * within a credit limit, idempotency keys, who may see what, and 200 concurrent checkouts for the last 10 units.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentCompletion } from '../../marketplace/checkout/payment-completion.ts';
import type { CommissionSnapshot } from '../../marketplace/commissions/commission-rules.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import { permissionsFor } from '../../marketplace/identity/roles.ts';
import { startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';
import { deliverStripeSuccess } from './stripe-webhooks.ts';
import { expectProblem } from './expect-problem.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const californiaShop = {
  name: 'Corner Shop',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

export function checkoutScenario(mode: Mode, options: { env?: Record<string, string> } = {}) {
  describe(`buying on ${mode}`, () => {
    let tp: TestPlatform;
    let potter: Company; // Professional plan, drinkware (no category rule)
    let soaps: Company; // Free plan, soap (beauty: +1.0 %)
    let buyer: Company;
    let admin: Company;
    let mug: { id: string; productId: string };
    let soap: { id: string; productId: string };

    const idem = () => ({ 'Idempotency-Key': randomUUID() });
    const checkout = (token: string, body: object, key = randomUUID()) =>
      tp.http('POST', '/api/v1/checkout', { token, body, headers: { 'Idempotency-Key': key } });
    const addToCart = (token: string, variantId: string, quantity: number) =>
      tp.http('POST', '/api/v1/cart/lines', { token, body: { variantId, quantity } });
    const listProduct = async (seller: Company, body: object) => {
      const res = await tp.http('POST', '/api/v1/products', { token: seller.token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { id: res.body.variants[0].id as string, productId: res.body.id as string };
    };
    const available = async (variantId: string) => {
      const row = await sql<{
        n: string;
      }>`SELECT coalesce(sum(on_hand - reserved), 0) AS n FROM inventory_levels
        WHERE variant_id = ${variantId}`.execute(tp.platform.db);
      return Number(row.rows[0]!.n);
    };

    beforeAll(async () => {
      tp = await startTestPlatform(mode, { env: options.env });
      potter = await tp.company('manufacturer', 'Hilltop Pottery');
      soaps = await tp.company('manufacturer', 'Meadow Soapworks');
      buyer = await tp.company('retailer', 'Corner Shop');
      admin = await tp.company('platform', 'Wholesail HQ', 'admin');
      const plan = await tp.http('POST', `/api/v1/admin/companies/${potter.companyId}/plan`, {
        token: admin.token,
        body: { plan: 'professional', reason: 'paid annual plan' },
      });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      mug = await listProduct(potter, {
        sku: 'MUG',
        name: 'Stoneware mug',
        category: 'drinkware',
        currency: 'USD',
        variants: [
          {
            sku: 'MUG-S',
            priceMinor: 900,
            priceTiers: [{ minQuantity: 24, priceMinor: 800 }],
            moq: 6,
            casePack: 6,
            stock: 120,
          },
        ],
      });
      soap = await listProduct(soaps, {
        sku: 'SOAP',
        name: 'Oat milk soap',
        category: 'soap',
        currency: 'USD',
        variants: [{ sku: 'SOAP-1', priceMinor: 450, moq: 10, casePack: 10, stock: 200 }],
      });
    }, 180_000);
    afterAll(async () => tp?.close());

    it('shows each cart line with its tier price and every problem that would stop checkout', async () => {
      await addToCart(buyer.token, mug.id, 4);
      const res = await addToCart(buyer.token, soap.id, 10);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.suppliers.map((s: { sellerName: string }) => s.sellerName)).toEqual([
        'Hilltop Pottery',
        'Meadow Soapworks',
      ]);
      const mugLine = res.body.suppliers[0].lines[0];
      expect(mugLine.problems.map((p: { code: string }) => p.code)).toEqual([
        'below_moq',
        'not_case_multiple',
      ]);
      expect(mugLine.problems[0].message).toContain('minimum order of 6');
      expect(res.body.problemCount).toBe(2);

      const refused = await checkout(buyer.token, { paymentMethod: 'card', shippingAddress: californiaShop });
      expectProblem(refused, 422, 'cart_has_problems', `cart.lines.${mug.id}`);

      // 24 reaches the 8.00 tier; too many for the shelf shows as a stock problem, not a refusal to add.
      const tiered = await tp.http('PATCH', `/api/v1/cart/lines/${mug.id}`, {
        token: buyer.token,
        body: { quantity: 24 },
      });
      expect(tiered.body.suppliers[0].lines[0]).toMatchObject({
        unitPriceMinor: 800,
        lineTotalMinor: 19_200,
        problems: [],
      });
      const tooMany = await tp.http('PATCH', `/api/v1/cart/lines/${mug.id}`, {
        token: buyer.token,
        body: { quantity: 126 },
      });
      expect(tooMany.body.suppliers[0].lines[0].problems[0]).toMatchObject({ code: 'insufficient_stock' });
      await tp.http('PATCH', `/api/v1/cart/lines/${mug.id}`, { token: buyer.token, body: { quantity: 24 } });
    });

    it('saves a cart under a name and brings it back later', async () => {
      const saved = await tp.http('POST', '/api/v1/cart/save', {
        token: buyer.token,
        body: { name: 'Weekly restock' },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      expect((await tp.http('GET', '/api/v1/cart', { token: buyer.token })).body.lineCount).toBe(0);
      const list = await tp.http('GET', '/api/v1/carts/saved', { token: buyer.token });
      expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['Weekly restock']);
      const restored = await tp.http('POST', `/api/v1/carts/saved/${saved.body.id}/restore`, {
        token: buyer.token,
      });
      expect(restored.body.lineCount).toBe(2);
      expect(restored.body.totals).toEqual([{ currency: 'USD', subtotalMinor: 19_200 + 4_500 }]);
    });

    it('splits a card checkout into one order per manufacturer with tax, holds the stock, and places it when paid', async () => {
      const before = await available(mug.id);
      const res = await checkout(buyer.token, { paymentMethod: 'card', shippingAddress: californiaShop });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const group = res.body;
      expect(group.status).toBe('pending_payment');
      expect(group.orders).toHaveLength(2);
      const [potterOrder, soapOrder] = group.orders;
      // California 7.25 %: 192.00 -> 13.92; 45.00 -> 3.2625 -> 3.26 (half away from zero)
      expect(potterOrder).toMatchObject({
        subtotalMinor: 19_200,
        taxRate: '0.0725',
        taxMinor: 1_392,
        totalMinor: 20_592,
      });
      expect(soapOrder).toMatchObject({ subtotalMinor: 4_500, taxMinor: 326, totalMinor: 4_826 });
      expect(group.totalMinor).toBe(20_592 + 4_826);
      expect(group.payment.clientSecret).toBeTruthy();
      expect(group.reservationExpiresAt).not.toBeNull();
      // Held, not sold: the units are unavailable to others while the payment is pending.
      expect(await available(mug.id)).toBe(before - 24);
      expect((await tp.http('GET', '/api/v1/cart', { token: buyer.token })).body.lineCount).toBe(0);

      const declined = await tp.http('POST', `/api/v1/order-groups/${group.id}/pay`, {
        token: buyer.token,
        body: { paymentMethod: 'pm_card_chargeDeclined' },
        headers: idem(),
      });
      if (tp.platform.services.payments.provider.name === 'offline') {
        expectProblem(declined, 422, 'payment_declined', 'paymentMethod');
      }

      const paid = await tp.http('POST', `/api/v1/order-groups/${group.id}/pay`, {
        token: buyer.token,
        body: { paymentMethod: 'pm_card_visa' },
        headers: idem(),
      });
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
      if (tp.platform.services.payments.provider.name === 'stripe') {
        // stripe-mock does not move money: Stripe tells us through a signed webhook, as it does in production.
        await deliverStripeSuccess(tp, group.payment.paymentIntentId, group.id);
      }
      const after = await tp.http('GET', `/api/v1/order-groups/${group.id}`, { token: buyer.token });
      expect(after.body.status).toBe('placed');
      expect(
        after.body.orders.map((o: { status: string; paymentStatus: string }) => [o.status, o.paymentStatus]),
      ).toEqual([
        ['placed', 'paid'],
        ['placed', 'paid'],
      ]);
      expect(await available(mug.id)).toBe(before - 24);

      // Each manufacturer hears of its new order once it is paid, not before.
      const inbox = await tp.http('GET', '/api/v1/notifications', { token: potter.token });
      expect(inbox.body.items.filter((n: { kind: string }) => n.kind === 'order.received')).toHaveLength(1);
      expect(inbox.body.items[0]).toMatchObject({
        title: 'New order from Corner Shop',
        link: `/orders/${potterOrder.id}`,
      });
      // The manufacturer accepts; the buyer is told, the manufacturer (who did it) is not.
      const accepted = await tp.http('POST', `/api/v1/orders/${potterOrder.id}/accept`, {
        token: potter.token,
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      const buyerInbox = await tp.http('GET', '/api/v1/notifications', { token: buyer.token });
      expect(
        buyerInbox.body.items.map((n: { kind: string; title: string }) => [n.kind, n.title]),
      ).toContainEqual(['order.updated', `Order ${potterOrder.id.slice(-8)} was accepted`]);
      const sellerAfter = await tp.http('GET', '/api/v1/notifications', { token: potter.token });
      expect(sellerAfter.body.items.filter((n: { kind: string }) => n.kind === 'order.updated')).toHaveLength(
        0,
      );

      // The money the warehouse needs travels with order.placed, once per order however the payment arrived.
      const events = await tp.platform.db
        .selectFrom('outbox')
        .select('payload')
        .where('type', '=', 'order.placed')
        .where(sql<boolean>`payload->>'groupId' = ${group.id}`)
        .execute();
      expect(events).toHaveLength(2);
      const placed = events
        .map((e) => e.payload as Record<string, unknown>)
        .find((p) => p.orderId === potterOrder.id)!;
      // Professional 3.5 % on 192.00 = 6.72; drinkware has no category rule; first order this month: no discount.
      expect(placed).toMatchObject({
        paymentMethod: 'card',
        subtotalMinor: 19_200,
        taxMinor: 1_392,
        totalMinor: 20_592,
        commissionMinor: 672,
        commissionRateBps: 350,
        plan: 'professional',
        shipTo: { country: 'US', region: 'CA', city: 'San Francisco' },
      });
      const soapRow = await tp.platform.db
        .selectFrom('orders')
        .select(['commission_minor', 'commission'])
        .where('id', '=', soapOrder.id)
        .executeTakeFirstOrThrow();
      // Free 5.0 % + beauty 1.0 % = 6.0 % of 45.00 = 2.70, with the rule that charged it kept in the snapshot.
      const snapshot = soapRow.commission as CommissionSnapshot;
      expect(soapRow.commission_minor).toBe(270);
      expect(snapshot.lines[0]).toMatchObject({ categorySlug: 'beauty', adjustmentBps: 100, rateBps: 600 });
      // Each manufacturer is owed its total less the commission.
      const payouts = await tp.platform.db
        .selectFrom('payouts')
        .selectAll()
        .where('group_id', '=', group.id)
        .execute();
      expect(payouts.map((p) => p.amount_minor).sort((a, b) => a - b)).toEqual([4_826 - 270, 20_592 - 672]);
    });

    it('refunds part then the rest of a paid order, taking back exactly its commission, once per request', async () => {
      const order = await tp.platform.db
        .selectFrom('orders')
        .select(['id', 'total_minor', 'commission_minor'])
        .where('seller_company_id', '=', potter.companyId)
        .where('payment_status', '=', 'paid')
        .executeTakeFirstOrThrow();
      expect(order).toMatchObject({ total_minor: 20_592, commission_minor: 672 });
      const refund = (token: string, body: object, key = randomUUID()) =>
        tp.http('POST', `/api/v1/orders/${order.id}/refunds`, {
          token,
          body,
          headers: { 'Idempotency-Key': key },
        });

      expectProblem(await refund(buyer.token, { amountMinor: 100, reason: 'broken mug' }), 403, 'forbidden');
      expectProblem(
        await refund(soaps.token, { amountMinor: 100, reason: 'not mine' }),
        404,
        'order_not_found',
      );
      expectProblem(
        await refund(potter.token, { amountMinor: 20_593, reason: 'too much' }),
        422,
        'refund_exceeds_remaining',
        'amountMinor',
      );

      const key = randomUUID();
      const part = await refund(potter.token, { amountMinor: 1_000, reason: 'one mug arrived chipped' }, key);
      expect(part.status, JSON.stringify(part.body)).toBe(201);
      // 10.00 of 205.92 takes back 6.72 x 1000 / 20592 = 0.3263... -> 0.33 of the commission.
      expect(part.body).toMatchObject({
        amountMinor: 1_000,
        commissionReversedMinor: 33,
        status: 'succeeded',
      });
      const replay = await refund(
        potter.token,
        { amountMinor: 1_000, reason: 'one mug arrived chipped' },
        key,
      );
      expect(replay.body.id).toBe(part.body.id);

      const rest = await refund(admin.token, { reason: 'buyer returned the case' });
      expect(rest.status, JSON.stringify(rest.body)).toBe(201);
      expect(rest.body).toMatchObject({ amountMinor: 19_592, commissionReversedMinor: 639 });
      const list = await tp.http('GET', `/api/v1/orders/${order.id}/refunds`, { token: buyer.token });
      expect(list.body.items.map((r: { amountMinor: number }) => r.amountMinor)).toEqual([1_000, 19_592]);
      const after = await tp.platform.db
        .selectFrom('orders')
        .select(['payment_status', 'refunded_minor', 'commission_reversed_minor'])
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual({
        payment_status: 'refunded',
        refunded_minor: 20_592,
        commission_reversed_minor: 672,
      });
      expectProblem(await refund(potter.token, { amountMinor: 1, reason: 'again' }), 409, 'not_refundable');

      const events = await tp.platform.db
        .selectFrom('outbox')
        .select('payload')
        .where('type', '=', 'order.refunded')
        .where(sql<boolean>`payload->>'orderId' = ${order.id}`)
        .orderBy('seq')
        .execute();
      expect(events.map((e) => (e.payload as { full: boolean }).full)).toEqual([false, true]);
    });

    it('refunds a paid order in full when it is cancelled before shipping, and puts its stock back', async () => {
      const order = await tp.platform.db
        .selectFrom('orders')
        .select(['id', 'total_minor'])
        .where('seller_company_id', '=', soaps.companyId)
        .where('payment_status', '=', 'paid')
        .executeTakeFirstOrThrow();
      const before = await available(soap.id);
      const cancel = await tp.http('POST', `/api/v1/orders/${order.id}/cancel`, {
        token: buyer.token,
        body: { reason: 'ordered the wrong scent' },
      });
      expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
      expect(await available(soap.id)).toBe(before + 10);
      const refunds = await tp.http('GET', `/api/v1/orders/${order.id}/refunds`, { token: soaps.token });
      expect(refunds.body.items).toMatchObject([
        { amountMinor: order.total_minor, commissionReversedMinor: 270, status: 'succeeded' },
      ]);
      const after = await tp.platform.db
        .selectFrom('orders')
        .select('payment_status')
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(after.payment_status).toBe('refunded');
      // The sweep finds nothing left to do: one refund, not two.
      expect(await tp.platform.services.refunds.refundUnfulfilled()).toBe(0);
    });

    it('replays the first answer for a repeated Idempotency-Key and refuses the key with another body', async () => {
      await addToCart(buyer.token, mug.id, 6);
      const key = randomUUID();
      const body = { paymentMethod: 'card', shippingAddress: californiaShop };
      const first = await checkout(buyer.token, body, key);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const again = await checkout(buyer.token, body, key);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers?.get('idempotent-replayed')).toBe('true');
      const groups = await tp.platform.db
        .selectFrom('order_groups')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('buyer_company_id', '=', buyer.companyId)
        .executeTakeFirstOrThrow();
      expect(Number(groups.n)).toBe(2);
      expectProblem(
        await checkout(buyer.token, { ...body, paymentMethod: 'terms' }, key),
        409,
        'idempotency_key_reused',
        'Idempotency-Key',
      );
      expectProblem(
        await tp.http('POST', '/api/v1/checkout', { token: buyer.token, body }),
        400,
        'idempotency_key_required',
        'Idempotency-Key',
      );
    });

    it('gives the stock back when a card checkout is not paid in time', async () => {
      const pending = await tp.platform.db
        .selectFrom('order_groups')
        .select(['id', 'reservation_expires_at'])
        .where('buyer_company_id', '=', buyer.companyId)
        .where('status', '=', 'pending_payment')
        .executeTakeFirstOrThrow();
      const before = await available(mug.id);
      const later = { now: () => new Date(new Date(pending.reservation_expires_at!).getTime() + 1_000) };
      const expiry = createPaymentCompletion({
        db: tp.platform.db,
        clock: later,
        payments: tp.platform.services.payments.provider,
        logger: tp.platform.logger,
      });
      expect(await expiry.expireDue()).toBe(1);
      expect(await expiry.expireDue()).toBe(0);
      expect(await available(mug.id)).toBe(before + 6);
      const group = await tp.http('GET', `/api/v1/order-groups/${pending.id}`, { token: buyer.token });
      expect(group.body.status).toBe('expired');
      expect(group.body.orders[0].status).toBe('expired');
      expectProblem(
        await tp.http('POST', `/api/v1/order-groups/${pending.id}/pay`, {
          token: buyer.token,
          body: { paymentMethod: 'pm_card_visa' },
          headers: idem(),
        }),
        409,
        'checkout_not_payable',
      );
    });

    it('places net-terms orders at once, due in 30 days, only for approved retailers within their credit limit', async () => {
      await addToCart(buyer.token, soap.id, 20);
      const terms = { paymentMethod: 'terms', shippingAddress: { ...californiaShop, region: 'OR' } };
      expectProblem(await checkout(buyer.token, terms), 422, 'terms_not_approved', 'paymentMethod');
      expectProblem(
        await tp.http('POST', `/api/v1/admin/companies/${buyer.companyId}/payment-terms`, {
          token: potter.token,
          body: { approved: true, creditLimitUsdMinor: 100_000, reason: 'self-approval' },
        }),
        403,
        'forbidden',
      );
      const approve = await tp.http('POST', `/api/v1/admin/companies/${buyer.companyId}/payment-terms`, {
        token: admin.token,
        body: { approved: true, creditLimitUsdMinor: 10_000, reason: 'two years of trade references' },
      });
      expect(approve.status, JSON.stringify(approve.body)).toBe(200);

      const placed = await checkout(buyer.token, terms);
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      // Oregon has no row of its own: the US rate (no state sales tax) applies.
      expect(placed.body).toMatchObject({
        status: 'placed',
        paymentMethod: 'terms',
        taxMinor: 0,
        totalMinor: 9_000,
      });
      const order = placed.body.orders[0];
      expect(order).toMatchObject({ status: 'placed', paymentStatus: 'on_terms' });
      const days = (Date.parse(order.dueAt) - Date.parse(placed.body.createdAt)) / 86_400_000;
      expect(days).toBe(30);

      const standing = await tp.http('GET', '/api/v1/payment-terms', { token: buyer.token });
      expect(standing.body).toMatchObject({
        approved: true,
        creditLimitUsdMinor: 10_000,
        outstandingUsdMinor: 9_000,
        availableUsdMinor: 1_000,
      });
      expect(standing.body.openOrders[0]).toMatchObject({ orderId: order.id, overdue: false });

      await addToCart(buyer.token, soap.id, 10);
      const over = await checkout(buyer.token, terms);
      expectProblem(over, 422, 'credit_limit_exceeded', 'paymentMethod');
      expect(over.body.detail).toContain('US$100.00');

      // Wholesail pays the manufacturer now and carries the credit: its payout is queued at placement.
      const payout = await tp.platform.db
        .selectFrom('payouts')
        .select('amount_minor')
        .where('order_id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(payout.amount_minor).toBe(9_000 - 540); // Free 5 % + beauty 1 % = 6 % of 90.00
      // The retailer pays its invoice; finance records it and the credit is available again.
      const record = (token: string) =>
        tp.http('POST', `/api/v1/admin/orders/${order.id}/terms-payment`, {
          token,
          body: { reference: 'BACS 2026-11-30 CORNER' },
        });
      expectProblem(await record(buyer.token), 403, 'forbidden');
      const paid = await record(admin.token);
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
      expect(paid.body).toMatchObject({ paymentStatus: 'paid', amountMinor: 9_000 });
      expectProblem(await record(admin.token), 409, 'not_on_terms');
      const freed = await tp.http('GET', '/api/v1/payment-terms', { token: buyer.token });
      expect(freed.body).toMatchObject({ outstandingUsdMinor: 0, availableUsdMinor: 10_000, openOrders: [] });
      expect(await checkout(buyer.token, terms)).toMatchObject({ status: 201 });
      await tp.http('DELETE', '/api/v1/cart', { token: buyer.token });
    });

    it('keeps checkouts to the buyer: other companies and roles cannot check out or see them', async () => {
      const other = await tp.company('retailer', 'Other Shop');
      const viewer = await tp.company('retailer', 'Viewer Shop', 'viewer');
      const group = await tp.platform.db
        .selectFrom('order_groups')
        .select('id')
        .where('buyer_company_id', '=', buyer.companyId)
        .executeTakeFirstOrThrow();
      expectProblem(
        await tp.http('GET', `/api/v1/order-groups/${group.id}`, { token: other.token }),
        404,
        'order_group_not_found',
      );
      expectProblem(
        await tp.http('GET', `/api/v1/order-groups/${group.id}`, { token: potter.token }),
        404,
        'order_group_not_found',
      );
      expectProblem(
        await tp.http('POST', `/api/v1/order-groups/${group.id}/pay`, {
          token: other.token,
          body: { paymentMethod: 'pm_card_visa' },
          headers: idem(),
        }),
        404,
        'order_group_not_found',
      );
      expect((await tp.http('GET', `/api/v1/order-groups/${group.id}`, { token: admin.token })).status).toBe(
        200,
      );
      expectProblem(await addToCart(potter.token, mug.id, 6), 403, 'forbidden');
      expectProblem(await addToCart(viewer.token, mug.id, 6), 403, 'forbidden');
      expectProblem(
        await tp.http('GET', '/api/v1/payment-terms', { token: potter.token }),
        422,
        'not_a_retailer',
      );
      // Reordering someone else's order is refused as if it did not exist.
      const theirOrder = await tp.platform.db
        .selectFrom('orders')
        .select('id')
        .where('buyer_company_id', '=', buyer.companyId)
        .executeTakeFirstOrThrow();
      expectProblem(
        await tp.http('POST', `/api/v1/orders/${theirOrder.id}/reorder`, { token: other.token }),
        404,
        'order_not_found',
      );
    });

    it('puts a past order back in the cart in one call', async () => {
      const past = await tp.platform.db
        .selectFrom('orders')
        .select('id')
        .where('buyer_company_id', '=', buyer.companyId)
        .where('seller_company_id', '=', potter.companyId)
        .where('group_id', 'is not', null)
        .orderBy('placed_at')
        .executeTakeFirstOrThrow();
      const res = await tp.http('POST', `/api/v1/orders/${past.id}/reorder`, { token: buyer.token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.suppliers[0].lines[0]).toMatchObject({ variantId: mug.id, quantity: 24, problems: [] });
      await tp.http('DELETE', '/api/v1/cart', { token: buyer.token });
    });

    it('lists each side its orders with the other company, the total and the payment state, by status', async () => {
      const accepted = await tp.http('GET', '/api/v1/orders?status=accepted', { token: buyer.token });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.items.length).toBeGreaterThan(0);
      expect(accepted.body.items.every((o: { status: string }) => o.status === 'accepted')).toBe(true);
      expect(accepted.body.items[0]).toMatchObject({
        counterpartyName: 'Hilltop Pottery',
        totalMinor: 20_592,
        paymentStatus: 'refunded',
      });
      const received = await tp.http('GET', '/api/v1/orders', { token: potter.token });
      expect(
        new Set(received.body.items.map((o: { counterpartyName: string }) => o.counterpartyName)),
      ).toEqual(new Set(['Corner Shop']));
      expectProblem(
        await tp.http('GET', '/api/v1/orders?status=lost', { token: buyer.token }),
        400,
        'invalid_request',
        'status',
      );
    });

    it.each([
      ['no shipping address', { paymentMethod: 'card' }, 'shippingAddress'],
      [
        'an unknown payment method',
        { paymentMethod: 'cheque', shippingAddress: californiaShop },
        'paymentMethod',
      ],
      [
        'a country code of three letters',
        { paymentMethod: 'card', shippingAddress: { ...californiaShop, country: 'USA' } },
        'shippingAddress.country',
      ],
      [
        'an unsupported currency',
        { paymentMethod: 'card', shippingAddress: californiaShop, currency: 'JPY' },
        'currency',
      ],
    ])('refuses a checkout with %s, naming the field', async (_what, body, field) => {
      const res = await checkout(buyer.token, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it('refuses to ship where no tax rate is known, and an empty cart', async () => {
      expectProblem(
        await checkout(buyer.token, { paymentMethod: 'card', shippingAddress: californiaShop }),
        422,
        'cart_empty',
      );
      await addToCart(buyer.token, soap.id, 10);
      expectProblem(
        await checkout(buyer.token, {
          paymentMethod: 'card',
          shippingAddress: { ...californiaShop, country: 'JP' },
        }),
        422,
        'destination_not_served',
        'shippingAddress.country',
      );
      await tp.http('DELETE', '/api/v1/cart', { token: buyer.token });
    });

    it('sells the last 10 units to exactly 10 of 200 concurrent checkouts', async () => {
      const last = await listProduct(potter, {
        sku: 'LAST',
        name: 'Last ten vases',
        category: 'vases',
        currency: 'USD',
        variants: [{ sku: 'LAST-1', priceMinor: 5_000, moq: 1, casePack: 1, stock: 10 }],
      });
      // 200 buyers, each with a cart holding one vase. Users are written directly: hashing 200 passwords
      // through sign-up would only slow the test, and checkout is what is under test.
      const buyers: Principal[] = [];
      const now = new Date();
      for (let i = 0; i < 200; i++)
        buyers.push({
          userId: newId(),
          companyId: buyer.companyId,
          companyKind: 'retailer',
          role: 'owner',
          permissions: permissionsFor('retailer', 'owner'),
        });
      await tp.platform.db
        .insertInto('users')
        .values(
          buyers.map((b, i) => ({
            id: b.userId,
            company_id: buyer.companyId,
            email: `rush-${i}-${b.userId}@example.test`,
            password_hash: 'x',
            role: 'owner',
            created_at: now,
          })),
        )
        .execute();
      const { carts, checkout: service } = tp.platform.services;
      for (const b of buyers) await carts.add(b, { variantId: last.id, quantity: 1 });
      const results = await Promise.allSettled(
        buyers.map((b) => service.checkout(b, { paymentMethod: 'card', shippingAddress: californiaShop })),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(10);
      expect(new Set(lost.map((r) => (r.reason as { code?: string }).code))).toEqual(
        new Set(['cart_has_problems']),
      );
      expect(await available(last.id)).toBe(0);
      const level = await sql<{
        on_hand: number;
        reserved: number;
        sum_on_hand: string;
        sum_reserved: string;
      }>`
        SELECT l.on_hand, l.reserved,
          (SELECT sum(on_hand_delta) FROM inventory_movements m WHERE m.variant_id = l.variant_id) AS sum_on_hand,
          (SELECT sum(reserved_delta) FROM inventory_movements m WHERE m.variant_id = l.variant_id) AS sum_reserved
        FROM inventory_levels l WHERE l.variant_id = ${last.id}`.execute(tp.platform.db);
      expect(level.rows[0]).toMatchObject({ on_hand: 10, reserved: 10 });
      expect(Number(level.rows[0]!.sum_reserved)).toBe(10);
    }, 120_000);
  });
}
