/**
 * The semantic layer on the demo marketplace, through Cube's REST API as dashboards call it, on either mode: every role gets
 * its own slice of the same model, the pre-aggregated lambda view stays live, and the cache never serves a
 * figure from before the latest order.
 */
import cube from '@cubejs-client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimal } from '../../marketplace/checkout/reference-rates.ts';
import { OfflinePaymentProvider } from '../../marketplace/payments/offline-provider.ts';
import { applyRate } from '../../platform/money.ts';
import { DEMO_PASSWORD, buyerEmail, sellerEmail } from '../../scripts/seed/demo-data.ts';
import { refreshNow } from '../../warehouse/build.ts';
import { seedDemoAndLoad } from './demo.ts';
import { eventually, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';

/**
 * The money of placed orders as PostgreSQL has it, converted to USD the way the marketplace converts it when it
 * writes events, and netted as the semantic layer documents (semantic-layer/model/orders.yml): the expected
 * side of every figure below, never a hard-coded number.
 */
async function oltpMoney(tp: TestPlatform, only: { sellerId?: string; buyerId?: string } = {}) {
  let orders = tp.platform.db
    .selectFrom('orders as o')
    .select([
      'o.id',
      'o.status',
      'o.payment_method',
      'o.subtotal_minor',
      'o.total_minor',
      'o.commission_minor',
      'o.fx_rate',
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('order_status_history as h')
          .select('h.id')
          .whereRef('h.order_id', '=', 'o.id')
          .where('h.to_status', '=', 'placed'),
      ),
    );
  if (only.sellerId) orders = orders.where('o.seller_company_id', '=', only.sellerId);
  if (only.buyerId) orders = orders.where('o.buyer_company_id', '=', only.buyerId);
  const rows = await orders.execute();
  const refunds = await tp.platform.db
    .selectFrom('refunds')
    .select(['order_id', 'amount_minor', 'commission_reversed_minor'])
    .where('status', '=', 'succeeded')
    .execute();
  const figures = {
    orders: rows.length,
    cancelled: 0,
    gmv: 0,
    netGmv: 0,
    commission: 0,
    netCommission: 0,
    refunds: 0,
    refunded: 0,
    commissionReversed: 0,
    byStatus: {} as Record<string, number>,
    byPaymentMethod: {} as Record<string, number>,
  };
  for (const o of rows) {
    const rate = decimal(o.fx_rate ?? '1');
    const subtotal = applyRate(o.subtotal_minor, rate);
    const commission = applyRate(o.commission_minor ?? 0, rate);
    const mine = refunds.filter((r) => r.order_id === o.id);
    const refunded = mine.reduce((s, r) => s + applyRate(r.amount_minor, rate), 0);
    const reversed = mine.reduce((s, r) => s + applyRate(r.commission_reversed_minor, rate), 0);
    const total = o.total_minor ?? o.subtotal_minor;
    const cancelled = ['rejected', 'cancelled'].includes(o.status);
    // The ex-tax part of the refunds, rounded half up, as fct_orders_current computes it.
    const refundedExTax =
      total === 0
        ? 0
        : Number((BigInt(refunded) * BigInt(o.subtotal_minor) * 2n + BigInt(total)) / (BigInt(total) * 2n));
    figures.cancelled += cancelled ? 1 : 0;
    figures.gmv += subtotal;
    figures.netGmv += cancelled ? 0 : subtotal - Math.min(subtotal, refundedExTax);
    figures.commission += commission;
    figures.netCommission += commission - reversed;
    figures.refunds += mine.length;
    figures.refunded += refunded;
    figures.commissionReversed += reversed;
    figures.byStatus[o.status] = (figures.byStatus[o.status] ?? 0) + 1;
    const method = o.payment_method ?? '';
    figures.byPaymentMethod[method] = (figures.byPaymentMethod[method] ?? 0) + 1;
  }
  return figures;
}

export const semanticLayerScenario = (mode: Mode) =>
  describe(`the semantic layer for every role, on ${mode}`, () => {
    let tp: TestPlatform;
    const tokens: Record<string, string> = {};
    const api = (who: string) => cube(tokens[who]!, { apiUrl: `${tp.url}/cubejs-api/v1` });
    const total = async (who: string, measure: string) => {
      const rows = (await api(who).load({ measures: [measure] })).tablePivot();
      return Number(rows[0]?.[measure] ?? 0);
    };

    beforeAll(async () => {
      tp = await startTestPlatform(mode);
      await seedDemoAndLoad(tp);
      tokens.exec = await tp.login('exec@wholesail.demo', DEMO_PASSWORD);
      tokens.alpine = await tp.login(sellerEmail('alpine'), DEMO_PASSWORD);
      tokens.pacific = await tp.login(sellerEmail('pacific'), DEMO_PASSWORD);
      tokens.buyer = await tp.login(buyerEmail('cornerstore'), DEMO_PASSWORD);
    }, 240_000);
    afterAll(async () => tp?.close());

    it('gives executives the same GMV from the pre-aggregated mart as from the order facts', async () => {
      const fromFacts = await total('exec', 'orders.gmv');
      expect(fromFacts).toBeGreaterThan(0);
      expect(await total('exec', 'daily_gmv.gmv')).toBe(fromFacts);
      const byRegion = (
        await api('exec').load({ measures: ['daily_gmv.gmv'], dimensions: ['daily_gmv.buyer_region'] })
      ).tablePivot();
      expect(byRegion.map((r) => r['daily_gmv.buyer_region']).sort()).toEqual(['Europe', 'North America']);
    });

    it("draws a manufacturer's buyer heatmap from its own sales only, with coordinates and no buyer names", async () => {
      const cells = (
        await api('alpine').load({
          measures: ['daily_gmv.gmv'],
          dimensions: ['daily_gmv.buyer_city', 'daily_gmv.latitude', 'daily_gmv.longitude'],
        })
      ).tablePivot();
      expect(cells.length).toBeGreaterThan(1);
      for (const cell of cells) expect(Number(cell['daily_gmv.latitude'])).not.toBe(0);
      const heatmapTotal = cells.reduce((s, c) => s + Number(c['daily_gmv.gmv']), 0);
      expect(heatmapTotal).toBe(await total('alpine', 'orders.gmv'));
      expect(heatmapTotal).toBeLessThan(await total('exec', 'orders.gmv'));
      const names = await tp.http('POST', '/cubejs-api/v1/load', {
        token: tokens.alpine,
        body: { query: { measures: ['orders.gmv'], dimensions: ['buyers.name'] } },
      });
      expect(names.status).toBe(403);
    });

    it('counts a new order at once, in the facts and in the lambda view, and the cache does not hide it', async () => {
      const before = await total('exec', 'daily_gmv.gmv');
      expect(await total('exec', 'daily_gmv.gmv')).toBe(before); // served from the cache
      expect(tp.platform.gateway.cacheStats().hits).toBeGreaterThan(0);

      const products = await tp.http('GET', '/api/v1/products?limit=100');
      const usd = products.body.items.find((p: { currency: string }) => p.currency === 'USD');
      const placed = await tp.http('POST', '/api/v1/orders', {
        token: tokens.buyer,
        body: { lines: [{ productId: usd.id, quantity: 4 }] },
      });
      expect(placed.status).toBe(201);
      const after = await eventually(
        () => total('exec', 'daily_gmv.gmv'),
        (v) => v !== before,
        5_000,
      );
      expect(after - before).toBe(placed.body.subtotalMinor);
    });

    it('shows each role only the cubes it may query', async () => {
      const names = async (who: string) =>
        (await tp.http('GET', '/cubejs-api/v1/meta', { token: tokens[who] })).body.cubes
          .map((c: { name: string }) => c.name)
          .sort();
      expect(await names('exec')).toEqual([
        'buyer_activity',
        'buyer_cohorts',
        'buyers',
        'claims',
        'daily_gmv',
        'order_lines',
        'orders',
        'platform_revenue',
        'products',
        'refunds',
        'seller_benchmarks',
        'seller_sales',
        'sellers',
        'subscriptions',
      ]);
      expect(await names('buyer')).not.toContain('daily_gmv');
      expect(await names('buyer')).not.toContain('platform_revenue');
      expect(await names('buyer')).not.toContain('subscriptions');
      const buyerOrders = (
        await tp.http('GET', '/cubejs-api/v1/meta', { token: tokens.buyer })
      ).body.cubes.find((c: { name: string }) => c.name === 'orders');
      const buyerMeasures = buyerOrders.measures.map((m: { name: string }) => m.name);
      expect(buyerMeasures).toEqual(expect.arrayContaining(['orders.gmv', 'orders.net_gmv']));
      expect(buyerMeasures).not.toContain('orders.commission');
      expect(buyerMeasures).not.toContain('orders.take_rate');
      expect(await names('alpine')).not.toContain('buyer_cohorts');
    });

    it("answers /sql and /dry-run with the caller's row rule in place, and refuses what /load refuses", async () => {
      const query = encodeURIComponent(
        JSON.stringify({ measures: ['orders.gmv'], dimensions: ['orders.status'] }),
      );
      const sql = await tp.http('GET', `/cubejs-api/v1/sql?query=${query}`, { token: tokens.pacific });
      expect(sql.status).toBe(200);
      const [text, params] = sql.body.sql.sql;
      expect(text).toMatch(/seller_company_id = \?/);
      const me = await tp.http('GET', '/api/v1/me', { token: tokens.pacific });
      expect(params).toEqual([me.body.companyId]);

      const dry = await tp.http('GET', `/cubejs-api/v1/dry-run?query=${query}`, { token: tokens.pacific });
      expect(dry.body.normalizedQueries[0].filters).toContainEqual({
        member: 'orders.seller_company_id',
        operator: 'equals',
        values: [me.body.companyId],
      });

      const hostile = encodeURIComponent(JSON.stringify({ measures: ['buyer_cohorts.buyers'] }));
      expect(
        (await tp.http('GET', `/cubejs-api/v1/sql?query=${hostile}`, { token: tokens.pacific })).status,
      ).toBe(403);
      expect(
        (await tp.http('GET', `/cubejs-api/v1/dry-run?query=${hostile}`, { token: tokens.pacific })).status,
      ).toBe(403);
    });

    it("tells a manufacturer its new and returning customers and repeat rate, but not buyers' history elsewhere", async () => {
      const rows = (
        await api('alpine').load({
          measures: [
            'buyer_activity.new_customers',
            'buyer_activity.returning_customers',
            'buyer_activity.repeat_rate_90d',
            'buyer_activity.buyers',
          ],
        })
      ).tablePivot();
      const row = rows[0]!;
      // Six demo retailers, and over 90 days each has bought from Alpine more than once.
      expect(Number(row['buyer_activity.new_customers'])).toBe(Number(row['buyer_activity.buyers']));
      expect(Number(row['buyer_activity.returning_customers'])).toBeGreaterThan(0);
      expect(Number(row['buyer_activity.repeat_rate_90d'])).toBeGreaterThan(0);
      expect(Number(row['buyer_activity.repeat_rate_90d'])).toBeLessThanOrEqual(1);
      const elsewhere = await tp.http('POST', '/cubejs-api/v1/load', {
        token: tokens.alpine,
        body: { query: { measures: ['buyer_activity.new_buyers'] } },
      });
      expect(elsewhere.status).toBe(403);
      const platform = (
        await api('exec').load({
          measures: ['buyer_activity.new_buyers', 'buyer_activity.platform_repeat_rate_90d'],
        })
      ).tablePivot()[0]!;
      expect(platform['buyer_activity.new_buyers']).toBe('6');
    });

    it('answers a member that does not exist with 400 naming it, wherever it hides in the query', async () => {
      for (const query of [
        { measures: ['orders.salary'] },
        { measures: ['orders.gmv'], filters: [{ or: [{ member: 'orders.nope', operator: 'set' }] }] },
        { measures: ['orders.gmv'], order: { 'orders.secret': 'asc' } },
        { measures: ['seller_sales.gmv'], dimensions: ['seller_sales.buyers_name'] },
      ]) {
        const res = await tp.http('POST', '/cubejs-api/v1/load', { token: tokens.exec, body: { query } });
        expect(res.status, JSON.stringify(query)).toBe(400);
        expect(res.body.code).toBe('unknown_member');
      }
    });

    it('gives executives gross and net GMV, cancellations, refunds and take rate that agree with PostgreSQL', async () => {
      const oltp = await oltpMoney(tp);
      expect(oltp.cancelled).toBeGreaterThan(0); // the demo has cancelled, rejected and refunded orders
      expect(oltp.refunds).toBeGreaterThan(0);
      const row = (
        await api('exec').load({
          measures: [
            'orders.count',
            'orders.gmv',
            'orders.net_gmv',
            'orders.cancelled_count',
            'orders.commission',
            'orders.net_commission',
            'orders.refunded',
            'orders.take_rate',
            'orders.cancellation_rate',
          ],
        })
      ).tablePivot()[0]!;
      expect({
        orders: Number(row['orders.count']),
        gmv: Number(row['orders.gmv']),
        netGmv: Number(row['orders.net_gmv']),
        cancelled: Number(row['orders.cancelled_count']),
        commission: Number(row['orders.commission']),
        netCommission: Number(row['orders.net_commission']),
        refunded: Number(row['orders.refunded']),
      }).toEqual({
        orders: oltp.orders,
        gmv: oltp.gmv,
        netGmv: oltp.netGmv,
        cancelled: oltp.cancelled,
        commission: oltp.commission,
        netCommission: oltp.netCommission,
        refunded: oltp.refunded,
      });
      expect(oltp.netGmv).toBeLessThan(oltp.gmv);
      expect(Number(row['orders.take_rate'])).toBeCloseTo(oltp.netCommission / oltp.netGmv, 9);
      expect(Number(row['orders.cancellation_rate'])).toBeCloseTo(oltp.cancelled / oltp.orders, 9);

      const refunds = (
        await api('exec').load({
          measures: ['refunds.count', 'refunds.amount', 'refunds.commission_reversed'],
        })
      ).tablePivot()[0]!;
      expect([
        Number(refunds['refunds.count']),
        Number(refunds['refunds.amount']),
        Number(refunds['refunds.commission_reversed']),
      ]).toEqual([oltp.refunds, oltp.refunded, oltp.commissionReversed]);

      const byStatus = (
        await api('exec').load({ measures: ['orders.count'], dimensions: ['orders.status'] })
      ).tablePivot();
      expect(
        Object.fromEntries(byStatus.map((r) => [r['orders.status'], Number(r['orders.count'])])),
      ).toEqual(oltp.byStatus);
      const byMethod = (
        await api('exec').load({ measures: ['orders.count'], dimensions: ['orders.payment_method'] })
      ).tablePivot();
      expect(
        Object.fromEntries(byMethod.map((r) => [r['orders.payment_method'], Number(r['orders.count'])])),
      ).toEqual(oltp.byPaymentMethod);
      const daily = (
        await api('exec').load({ measures: ['daily_gmv.net_gmv', 'daily_gmv.net_commission'] })
      ).tablePivot()[0]!;
      expect([Number(daily['daily_gmv.net_gmv']), Number(daily['daily_gmv.net_commission'])]).toEqual([
        oltp.netGmv,
        oltp.netCommission,
      ]);
    });

    it("shows a manufacturer its own refunds and commission, never another's, whatever `or` it sends", async () => {
      const alpineId = (await tp.http('GET', '/api/v1/me', { token: tokens.alpine })).body.companyId;
      const pacificId = (await tp.http('GET', '/api/v1/me', { token: tokens.pacific })).body.companyId;
      const own = await oltpMoney(tp, { sellerId: alpineId });
      const all = await oltpMoney(tp);
      expect(own.refunds).toBeLessThan(all.refunds);
      const mine = (
        await api('alpine').load({
          measures: ['refunds.count', 'refunds.amount', 'refunds.commission_reversed'],
        })
      ).tablePivot()[0]!;
      expect([
        Number(mine['refunds.count']),
        Number(mine['refunds.amount']),
        Number(mine['refunds.commission_reversed']),
      ]).toEqual([own.refunds, own.refunded, own.commissionReversed]);
      const commission = (
        await api('alpine').load({
          measures: ['orders.commission', 'orders.net_commission', 'orders.net_gmv'],
        })
      ).tablePivot()[0]!;
      expect([
        Number(commission['orders.commission']),
        Number(commission['orders.net_commission']),
        Number(commission['orders.net_gmv']),
      ]).toEqual([own.commission, own.netCommission, own.netGmv]);

      const widen = [
        { member: 'refunds.seller_company_id', operator: 'equals', values: [pacificId] },
        { member: 'refunds.seller_company_id', operator: 'notEquals', values: [alpineId] },
      ];
      const widened = (
        await api('alpine').load({
          measures: ['refunds.amount'],
          dimensions: ['refunds.seller_company_id'],
          filters: [{ or: widen }] as never,
        })
      ).tablePivot();
      expect(widened).toEqual([]);
      const everyone = (
        await api('alpine').load({
          measures: ['orders.net_commission'],
          dimensions: ['orders.seller_company_id'],
          filters: [
            {
              or: [
                { member: 'orders.seller_company_id', operator: 'set' },
                { member: 'orders.seller_company_id', operator: 'equals', values: [pacificId] },
              ],
            },
          ] as never,
        })
      ).tablePivot();
      expect(everyone.map((r) => r['orders.seller_company_id'])).toEqual([alpineId]);
    });

    it('shows a retailer its purchases and refunds but never a commission figure, however it asks', async () => {
      const buyerId = (await tp.http('GET', '/api/v1/me', { token: tokens.buyer })).body.companyId;
      const own = await oltpMoney(tp, { buyerId });
      const row = (
        await api('buyer').load({ measures: ['orders.count', 'orders.gmv', 'orders.net_gmv'] })
      ).tablePivot()[0]!;
      expect([Number(row['orders.count']), Number(row['orders.gmv']), Number(row['orders.net_gmv'])]).toEqual(
        [own.orders, own.gmv, own.netGmv],
      );
      const refunds = (await api('buyer').load({ measures: ['refunds.amount'] })).tablePivot()[0];
      expect(Number(refunds?.['refunds.amount'] ?? 0)).toBe(own.refunded);

      const refused: object[] = [
        { measures: ['orders.commission'] },
        { measures: ['orders.net_commission'] },
        { measures: ['orders.take_rate'] },
        { measures: ['orders.gmv'], dimensions: ['orders.plan'] },
        { measures: ['orders.gmv'], dimensions: ['orders.commission_rate_bps'] },
        {
          measures: ['orders.gmv'],
          filters: [{ member: 'orders.commission_rate_bps', operator: 'gt', values: ['0'] }],
        },
        {
          measures: ['orders.count'],
          filters: [
            {
              or: [
                { member: 'orders.buyer_company_id', operator: 'set' },
                { member: 'orders.commission_rate_bps', operator: 'set' },
              ],
            },
          ],
        },
        { measures: ['orders.gmv'], order: { 'orders.net_commission': 'desc' } },
        { measures: ['order_lines.commission'] },
        { measures: ['order_lines.units'], dimensions: ['order_lines.commission_rate_bps'] },
        { measures: ['refunds.commission_reversed'] },
        { measures: ['daily_gmv.net_commission'] },
        { measures: ['platform_revenue.net_revenue'] },
        { measures: ['subscriptions.mrr'] },
        { measures: ['seller_sales.take_rate'] },
      ];
      for (const query of refused) {
        const res = await tp.http('POST', '/cubejs-api/v1/load', { token: tokens.buyer, body: { query } });
        expect(res.status, JSON.stringify(query)).toBe(403);
      }
      const sql = encodeURIComponent(JSON.stringify({ measures: ['orders.take_rate'] }));
      expect((await tp.http('GET', `/cubejs-api/v1/sql?query=${sql}`, { token: tokens.buyer })).status).toBe(
        403,
      );

      // An `or` of its own cannot reach around its row rule either.
      const widened = (
        await api('buyer').load({
          measures: ['orders.count'],
          filters: [
            {
              or: [
                { member: 'orders.buyer_company_id', operator: 'notEquals', values: [buyerId] },
                { member: 'orders.seller_company_id', operator: 'set' },
              ],
            },
          ] as never,
        })
      ).tablePivot()[0]!;
      expect(Number(widened['orders.count'])).toBe(own.orders);
    });

    it('gives executives buyer cohorts', async () => {
      const rows = (
        await api('exec').load({
          measures: ['buyer_cohorts.buyers'],
          dimensions: ['buyer_cohorts.months_since_first'],
        })
      ).tablePivot();
      expect(rows.find((r) => r['buyer_cohorts.months_since_first'] === '0')?.['buyer_cohorts.buyers']).toBe(
        '6',
      );
    });

    it("counts a manufacturer's subscription in MRR and platform net revenue, for it and executives only", async () => {
      const alpineId = (await tp.http('GET', '/api/v1/me', { token: tokens.alpine })).body.companyId;
      const asked = await tp.http('POST', '/api/v1/billing/subscription', {
        token: tokens.alpine,
        body: { plan: 'professional', interval: 'month', addOns: { premiumAnalytics: true } },
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(202);
      const provider = tp.platform.services.payments.provider;
      if (provider instanceof OfflinePaymentProvider) await provider.whenDelivered();
      const subscriptions = await tp.platform.db
        .selectFrom('subscriptions')
        .select(['company_id', 'mrr_usd_minor'])
        .execute();
      const mrrOf = (companyId?: string) =>
        subscriptions
          .filter((r) => !companyId || r.company_id === companyId)
          .reduce((s, r) => s + Number(r.mrr_usd_minor), 0);
      expect(mrrOf(alpineId)).toBeGreaterThan(0);
      await tp.platform.relay.drain();
      expect(
        await eventually(
          () => total('exec', 'subscriptions.mrr'),
          (v) => v === mrrOf(),
          10_000,
        ),
      ).toBe(mrrOf());
      expect(await total('alpine', 'subscriptions.mrr')).toBe(mrrOf(alpineId));
      expect(await total('pacific', 'subscriptions.mrr')).toBe(0);

      await refreshNow(tp.platform.warehouse);
      const all = await oltpMoney(tp);
      const own = await oltpMoney(tp, { sellerId: alpineId });
      expect(await total('exec', 'platform_revenue.net_revenue')).toBe(all.netCommission + mrrOf());
      expect(await total('exec', 'platform_revenue.net_commission')).toBe(all.netCommission);
      expect(await total('alpine', 'platform_revenue.net_revenue')).toBe(own.netCommission + mrrOf(alpineId));
    });
  });
