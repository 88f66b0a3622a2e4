/**
 * The semantic layer on the demo marketplace, through Cube's REST API as dashboards call it, on either mode: every role gets
 * its own slice of the same model, the pre-aggregated lambda view stays live, and the cache never serves a
 * figure from before the latest order.
 */
import { randomUUID } from 'node:crypto';
import cube from '@cubejs-client/core';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimal } from '../../marketplace/checkout/reference-rates.ts';
import { trustInputs } from '../../marketplace/companies/trust-scoring.ts';
import { OfflinePaymentProvider } from '../../marketplace/payments/offline-provider.ts';
import { applyRate } from '../../platform/money.ts';
import { pricesInEffect } from '../../marketplace/billing/billing-prices.ts';
import { monthlyRecurringMinor } from '../../marketplace/billing/plan-catalog.ts';
import {
  DEMO_PASSWORD,
  DEMO_PLANS,
  MANUFACTURERS,
  buyerEmail,
  sellerEmail,
} from '../../scripts/seed/demo-data.ts';
import { refreshNow } from '../../warehouse/build.ts';
import { seedDemoAndLoad } from './demo.ts';
import { byCategory, marginOf, oltpFulfilment, oltpLines } from './semantic-layer-oltp.ts';
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
      // Seeding simulates 90 days of trade through every service: give it room on a machine shared with others.
    }, 480_000);
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

    it('shows the executive the MRR the demo sellers’ paid plans earn, bought through billing', async () => {
      // The demo's paid plans are subscriptions confirmed by the provider's webhook (scripts/seed/seed-plans.ts),
      // so MRR is what the plans' monthly prices in effect add up to, not the $0 of plans set by hand.
      const prices = await pricesInEffect(tp.platform.db, new Date());
      let expected = 0;
      for (const m of MANUFACTURERS) {
        const plan = DEMO_PLANS[m.slug] ?? 'professional';
        if (plan === 'free') continue;
        const price = prices.find((p) => p.product === plan && p.interval === 'month');
        expect(price, `a monthly price for ${plan}`).toBeDefined();
        expected += monthlyRecurringMinor(price!.amountUsdMinor, 1, 'month');
      }
      expect(expected).toBeGreaterThan(0);
      // What the dashboard's MRR tile asks: the months of platform_revenue, reading the latest.
      const months = (
        await api('exec').load({
          measures: ['platform_revenue.subscription_mrr'],
          timeDimensions: [{ dimension: 'platform_revenue.month', granularity: 'month' }],
        })
      ).tablePivot();
      const thisMonth = new Date().toISOString().slice(0, 7);
      const current = months.find((r) => String(r['platform_revenue.month.month']).startsWith(thisMonth));
      expect(Number(current?.['platform_revenue.subscription_mrr'] ?? 0)).toBe(expected);
      expect(await total('exec', 'subscriptions.arr')).toBe(expected * 12);
      // Each paid seller is on its plan through an active subscription; a Free seller has none.
      const companies = await tp.platform.db
        .selectFrom('companies')
        .leftJoin('subscriptions', 'subscriptions.company_id', 'companies.id')
        .select([
          'companies.name',
          'companies.plan',
          'subscriptions.status',
          'subscriptions.plan as subscribed',
        ])
        .where(
          'companies.name',
          'in',
          MANUFACTURERS.map((m) => m.name),
        )
        .execute();
      for (const m of MANUFACTURERS) {
        const plan = DEMO_PLANS[m.slug] ?? 'professional';
        const company = companies.find((c) => c.name === m.name);
        expect([company?.plan, company?.status ?? null, company?.subscribed ?? null], m.name).toEqual(
          plan === 'free' ? ['free', null, null] : [plan, 'active', plan],
        );
      }
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

    it("serves the executive page's headline figures and leaderboard from the daily rollup, equal to the orders'", async () => {
      // The executive dashboard reads daily_gmv (mart + today's orders live) instead of joining every order with
      // its status: each figure must be the one the orders cube gives, over all time, a period and per seller.
      const pairs = [
        ['daily_gmv.gmv', 'orders.gmv'],
        ['daily_gmv.net_gmv', 'orders.net_gmv'],
        ['daily_gmv.orders', 'orders.count'],
        ['daily_gmv.active_buyers', 'orders.active_buyers'],
        ['daily_gmv.active_sellers', 'orders.active_sellers'],
        ['daily_gmv.net_commission', 'orders.net_commission'],
      ] as const;
      const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
      // All time; the last 30 days (mart and today's orders, read live); the 30 days before (the mart alone: the
      // live part is skipped for windows that end before today); today alone (the live part alone).
      const ranges: Array<[string, string] | null> = [
        null,
        [daysAgo(29), daysAgo(0)],
        [daysAgo(59), daysAgo(30)],
        [daysAgo(0), daysAgo(0)],
      ];
      for (const range of ranges) {
        const ask = (cubeName: 'daily_gmv' | 'orders', dimensions: string[] = []) =>
          api('exec').load({
            measures: pairs.map(([rolled, fact]) => (cubeName === 'daily_gmv' ? rolled : fact)),
            dimensions,
            ...(range
              ? {
                  timeDimensions: [
                    {
                      dimension: cubeName === 'daily_gmv' ? 'daily_gmv.day' : 'orders.placed_at',
                      dateRange: range,
                    },
                  ],
                }
              : {}),
          });
        const [rolled] = (await ask('daily_gmv')).tablePivot();
        const [facts] = (await ask('orders')).tablePivot();
        // All time, and today (the previous test placed an order a moment ago): the comparison is not of zeros.
        if (!range || range[0] === daysAgo(0)) expect(Number(facts!['orders.count'])).toBeGreaterThan(0);
        for (const [r, f] of pairs)
          expect(Number(rolled![r]), `${r} over ${range ?? 'all time'}`).toBe(Number(facts![f]));
        const bySeller = async (cubeName: 'daily_gmv' | 'orders') =>
          Object.fromEntries(
            (await ask(cubeName, ['sellers.company_id']))
              .tablePivot()
              .map((row) => [
                row['sellers.company_id'],
                pairs.map(([rolled, fact]) => Number(row[cubeName === 'daily_gmv' ? rolled : fact])),
              ]),
          );
        expect(await bySeller('daily_gmv')).toEqual(await bySeller('orders'));
      }
    });

    it('shows each role only the cubes it may query', async () => {
      const names = async (who: string) =>
        (await tp.http('GET', '/cubejs-api/v1/meta', { token: tokens[who] })).body.cubes
          .map((c: { name: string }) => c.name)
          .sort();
      expect(await names('exec')).toEqual([
        'buyer_activity',
        'buyer_churn',
        'buyer_cohorts',
        'buyers',
        'category_sales',
        'claims',
        'daily_gmv',
        'fulfilment',
        'inventory',
        'order_lines',
        'orders',
        'platform_revenue',
        'product_views',
        'products',
        'refunds',
        'searches',
        'seller_benchmarks',
        'seller_sales',
        'sellers',
        'subscriptions',
      ]);
      expect(await names('buyer')).not.toContain('daily_gmv');
      expect(await names('buyer')).not.toContain('category_sales');
      expect(await names('buyer')).not.toContain('fulfilment');
      expect(await names('buyer')).not.toContain('platform_revenue');
      expect(await names('buyer')).not.toContain('subscriptions');
      for (const cube of ['inventory', 'product_views', 'searches'])
        expect(await names('buyer')).not.toContain(cube);
      expect(await names('alpine')).not.toContain('searches');
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
      const pacificId = (await tp.http('GET', '/api/v1/me', { token: tokens.pacific })).body.companyId;
      expect(await total('pacific', 'subscriptions.mrr')).toBe(mrrOf(pacificId));
      expect(mrrOf(pacificId)).toBeLessThan(mrrOf());

      await refreshNow(tp.platform.warehouse);
      const all = await oltpMoney(tp);
      const own = await oltpMoney(tp, { sellerId: alpineId });
      expect(await total('exec', 'platform_revenue.net_revenue')).toBe(all.netCommission + mrrOf());
      expect(await total('exec', 'platform_revenue.net_commission')).toBe(all.netCommission);
      expect(await total('alpine', 'platform_revenue.net_revenue')).toBe(own.netCommission + mrrOf(alpineId));
    });

    /** A product of Alpine (EUR) in a category, one variant with a unit cost and one without, bought by card. */
    async function sellCostedMugs() {
      const listed = await tp.http('POST', '/api/v1/products', {
        token: tokens.alpine,
        body: {
          sku: 'ALPINE-MARGIN',
          name: 'Enamel mug',
          category: 'drinkware',
          currency: 'EUR',
          leadTimeDays: 4,
          variants: [
            {
              sku: 'ALPINE-MARGIN-C',
              options: { finish: 'cream' },
              priceMinor: 1290,
              unitCostMinor: 517,
              stock: 500,
            },
            { sku: 'ALPINE-MARGIN-N', options: { finish: 'navy' }, priceMinor: 1350, stock: 500 },
          ],
        },
      });
      expect(listed.status, JSON.stringify(listed.body)).toBe(201);
      await tp.http('DELETE', '/api/v1/cart', { token: tokens.buyer });
      for (const [variant, quantity] of [
        [listed.body.variants[0].id, 12],
        [listed.body.variants[1].id, 7],
      ] as const) {
        const added = await tp.http('POST', '/api/v1/cart/lines', {
          token: tokens.buyer,
          body: { variantId: variant, quantity },
        });
        expect(added.status, JSON.stringify(added.body)).toBe(200);
      }
      const group = await tp.http('POST', '/api/v1/checkout', {
        token: tokens.buyer,
        body: {
          paymentMethod: 'card',
          shippingAddress: {
            name: 'Cornerstore',
            line1: '1 Main St',
            city: 'New York',
            region: 'NY',
            postalCode: '10001',
            country: 'US',
          },
        },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(group.status, JSON.stringify(group.body)).toBe(201);
      const paid = await tp.http('POST', `/api/v1/order-groups/${group.body.id}/pay`, {
        token: tokens.buyer,
        body: { paymentMethod: 'pm_card_visa' },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
      return { productId: listed.body.id as string, orderId: group.body.orders[0].id as string };
    }

    it("shows a manufacturer its margin over the lines with a known cost, as PostgreSQL has them, and never another's", async () => {
      const alpineId = (await tp.http('GET', '/api/v1/me', { token: tokens.alpine })).body.companyId;
      const pacificId = (await tp.http('GET', '/api/v1/me', { token: tokens.pacific })).body.companyId;
      const sold = await sellCostedMugs();
      const margin = async () =>
        (
          await api('alpine').load({
            measures: [
              'order_lines.count',
              'order_lines.lines_with_cost',
              'order_lines.revenue_with_cost',
              'order_lines.margin',
              'order_lines.margin_rate',
            ],
          })
        ).tablePivot()[0]!;
      const row = await eventually(margin, (r) => Number(r['order_lines.lines_with_cost']) > 0, 10_000);
      const own = marginOf(await oltpLines(tp, { sellerId: alpineId }));
      expect(own.linesWithCost).toBe(1); // the costed variant; the demo's lines and the navy mugs have no cost
      expect(own.lines).toBeGreaterThan(own.linesWithCost);
      expect({
        lines: Number(row['order_lines.count']),
        linesWithCost: Number(row['order_lines.lines_with_cost']),
        revenueWithCost: Number(row['order_lines.revenue_with_cost']),
        margin: Number(row['order_lines.margin']),
      }).toEqual(own);
      // Margin % over the same lines as the margin, not over all revenue.
      expect(Number(row['order_lines.margin_rate'])).toBeCloseTo(own.margin / own.revenueWithCost, 9);

      // By category, with the path the catalog gives the product.
      const category = await tp.platform.db
        .selectFrom('products as p')
        .innerJoin('categories as c', 'c.id', 'p.category_id')
        .select(['c.path'])
        .where('p.id', '=', sold.productId)
        .executeTakeFirstOrThrow();
      const names = await tp.platform.db
        .selectFrom('categories')
        .select(['path', 'name'])
        .where(
          'path',
          'in',
          category.path.split('/').map((_, i, a) => a.slice(0, i + 1).join('/')),
        )
        .orderBy('depth')
        .execute();
      const byProduct = (
        await api('alpine').load({
          measures: ['order_lines.units', 'order_lines.margin'],
          dimensions: [
            'order_lines.product_id',
            'order_lines.category_path',
            'order_lines.category_name_path',
          ],
          filters: [{ member: 'order_lines.product_id', operator: 'equals', values: [sold.productId] }],
        })
      ).tablePivot();
      expect(byProduct).toEqual([
        {
          'order_lines.product_id': sold.productId,
          'order_lines.category_path': category.path,
          'order_lines.category_name_path': names.map((n) => n.name).join(' > '),
          'order_lines.units': '19',
          'order_lines.margin': String(own.margin),
        },
      ]);

      // Asking for another manufacturer's lines, however, gives nothing.
      for (const filters of [
        [{ member: 'order_lines.seller_company_id', operator: 'equals', values: [pacificId] }],
        [
          {
            or: [
              { member: 'order_lines.seller_company_id', operator: 'equals', values: [pacificId] },
              { member: 'order_lines.has_cost', operator: 'set' },
            ],
          },
        ],
      ]) {
        const rows = (
          await api('alpine').load({
            measures: ['order_lines.margin', 'order_lines.revenue'],
            dimensions: ['order_lines.seller_company_id'],
            filters: filters as never,
          })
        ).tablePivot();
        expect(rows.map((r) => r['order_lines.seller_company_id'])).not.toContain(pacificId);
      }
    });

    it('never tells a retailer what its goods cost the manufacturer, however it asks', async () => {
      const buyerMeta = (
        await tp.http('GET', '/cubejs-api/v1/meta', { token: tokens.buyer })
      ).body.cubes.find((c: { name: string }) => c.name === 'order_lines');
      const members = [...buyerMeta.measures, ...buyerMeta.dimensions].map((m: { name: string }) => m.name);
      expect(members).toEqual(expect.arrayContaining(['order_lines.revenue', 'order_lines.category_path']));
      for (const hidden of ['margin', 'margin_rate', 'cost', 'unit_cost', 'unit_cost_usd', 'lines_with_cost'])
        expect(members).not.toContain(`order_lines.${hidden}`);

      const refused: object[] = [
        { measures: ['order_lines.margin'] },
        { measures: ['order_lines.margin_rate'], dimensions: ['order_lines.category_path'] },
        { measures: ['order_lines.cost'] },
        { measures: ['order_lines.units'], dimensions: ['order_lines.unit_cost'] },
        { measures: ['order_lines.units'], dimensions: ['order_lines.unit_cost_usd'] },
        {
          measures: ['order_lines.units'],
          filters: [{ member: 'order_lines.unit_cost_usd', operator: 'gt', values: ['0'] }],
        },
        {
          measures: ['order_lines.units'],
          filters: [
            {
              or: [
                { member: 'order_lines.buyer_company_id', operator: 'set' },
                { member: 'order_lines.has_cost', operator: 'equals', values: ['true'] },
              ],
            },
          ],
        },
        { measures: ['order_lines.revenue'], order: { 'order_lines.margin': 'desc' } },
        { measures: ['category_sales.margin'] },
        { measures: ['fulfilment.on_time_rate'] },
      ];
      for (const query of refused) {
        const res = await tp.http('POST', '/cubejs-api/v1/load', { token: tokens.buyer, body: { query } });
        expect(res.status, JSON.stringify(query)).toBe(403);
      }
      const sql = encodeURIComponent(JSON.stringify({ measures: ['order_lines.margin'] }));
      expect((await tp.http('GET', `/cubejs-api/v1/sql?query=${sql}`, { token: tokens.buyer })).status).toBe(
        403,
      );
    });

    it('gives executives units and revenue by category, from the rollup and the lines alike, as PostgreSQL has them', async () => {
      const expected = byCategory(await oltpLines(tp));
      expect(Object.keys(expected).filter(Boolean).length).toBeGreaterThan(3);
      const loadRollup = async () =>
        (
          await api('exec').load({
            measures: ['category_sales.units', 'category_sales.revenue'],
            dimensions: ['category_sales.category_path'],
          })
        ).tablePivot();
      type Rows = Awaited<ReturnType<typeof loadRollup>>;
      const asMap = (rows: Rows, cubeName: string) =>
        Object.fromEntries(
          rows.map((r) => [
            String(r[`${cubeName}.category_path`]),
            { units: Number(r[`${cubeName}.units`]), revenue: Number(r[`${cubeName}.revenue`]) },
          ]),
        );
      // On Kafka the orders earlier tests placed may still be on their way to the warehouse: wait for them.
      const fromRollup = await eventually(loadRollup, (rows) =>
        isDeepStrictEqual(asMap(rows, 'category_sales'), expected),
      );
      expect(asMap(fromRollup, 'category_sales')).toEqual(expected);
      const fromLines = (
        await api('exec').load({
          measures: ['order_lines.units', 'order_lines.revenue'],
          dimensions: ['order_lines.category_path'],
        })
      ).tablePivot();
      expect(asMap(fromLines, 'order_lines')).toEqual(expected);

      // Drilling down: the top level adds up to its children.
      const top = (
        await api('exec').load({
          measures: ['category_sales.units'],
          dimensions: ['category_sales.category_l1', 'category_sales.category_l1_name'],
          filters: [{ member: 'category_sales.category_l1', operator: 'equals', values: ['home'] }],
        })
      ).tablePivot();
      const homeUnits = Object.entries(expected)
        .filter(([path]) => path === 'home' || path.startsWith('home/'))
        .reduce((s, [, v]) => s + v.units, 0);
      expect(top.map((r) => Number(r['category_sales.units']))).toEqual([homeUnits]);
      const home = await tp.platform.db
        .selectFrom('categories')
        .select('name')
        .where('path', '=', 'home')
        .executeTakeFirstOrThrow();
      expect(top[0]!['category_sales.category_l1_name']).toBe(home.name);
    });

    it('measures fulfilment, on-time shipping, returns and disputes as PostgreSQL and the trust score see them', async () => {
      await tp.platform.relay.drain();
      await refreshNow(tp.platform.warehouse);
      const alpineId = (await tp.http('GET', '/api/v1/me', { token: tokens.alpine })).body.companyId;
      const measures = [
        'fulfilment.decided_orders',
        'fulfilment.shipped_orders',
        'fulfilment.shipped_on_time_orders',
        'fulfilment.delivered_orders',
        'fulfilment.returned_orders',
        'fulfilment.disputed_orders',
        'fulfilment.fulfilment_rate',
        'fulfilment.on_time_rate',
        'fulfilment.return_rate',
        'fulfilment.dispute_rate',
      ];
      const now = new Date();
      const trust = await trustInputs(tp.platform.db, now);
      for (const [who, sellerId] of [
        ['exec', undefined],
        ['alpine', alpineId],
      ] as const) {
        const row = (await api(who).load({ measures })).tablePivot()[0]!;
        const n = (m: string) => Number(row[`fulfilment.${m}`]);
        const oltp = await oltpFulfilment(tp, { sellerId });
        // The trust score's own inputs (same 365 days, same ship-by rule) give the same counts.
        const scored = [...trust.entries()].filter(([id]) => !sellerId || id === sellerId).map(([, v]) => v);
        const sum = (k: 'shippedOrders' | 'shippedOnTime' | 'disputedOrders') =>
          scored.reduce((s, v) => s + v[k], 0);
        expect(oltp.shipped).toBeGreaterThan(0);
        expect({
          decided: n('decided_orders'),
          shipped: n('shipped_orders'),
          onTime: n('shipped_on_time_orders'),
          delivered: n('delivered_orders'),
          returned: n('returned_orders'),
          disputed: n('disputed_orders'),
        }).toEqual({
          decided: oltp.decided,
          shipped: sum('shippedOrders'),
          onTime: sum('shippedOnTime'),
          delivered: oltp.delivered,
          returned: oltp.returned,
          disputed: sum('disputedOrders'),
        });
        expect([n('shipped_orders'), n('disputed_orders')]).toEqual([oltp.shipped, oltp.disputed]);
        expect(n('fulfilment_rate')).toBeCloseTo(oltp.shipped / oltp.decided, 9);
        expect(n('return_rate')).toBeCloseTo(oltp.returned / oltp.delivered, 9);
        expect(n('on_time_rate')).toBeCloseTo(sum('shippedOnTime') / sum('shippedOrders'), 9);
        expect(n('dispute_rate')).toBeCloseTo(oltp.disputed / oltp.shipped, 9);
      }
      const pacificId = (await tp.http('GET', '/api/v1/me', { token: tokens.pacific })).body.companyId;
      const prying = (
        await api('alpine').load({
          measures: ['fulfilment.shipped_orders'],
          filters: [{ member: 'fulfilment.seller_company_id', operator: 'equals', values: [pacificId] }],
        })
      ).tablePivot();
      expect(Number(prying[0]?.['fulfilment.shipped_orders'] ?? 0)).toBe(0);
    });

    it('tells executives ARR and the lifetime value of a buyer and of a manufacturer', async () => {
      await tp.platform.relay.drain();
      await refreshNow(tp.platform.warehouse);
      const subscriptions = await tp.platform.db
        .selectFrom('subscriptions')
        .select('mrr_usd_minor')
        .execute();
      const mrr = subscriptions.reduce((s, r) => s + Number(r.mrr_usd_minor), 0);
      expect(mrr).toBeGreaterThan(0);
      expect(await total('exec', 'subscriptions.arr')).toBe(mrr * 12);

      const all = await oltpMoney(tp);
      const placed = await tp.platform.db
        .selectFrom('orders as o')
        .select(['o.buyer_company_id', 'o.seller_company_id'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('order_status_history as h')
              .select('h.id')
              .whereRef('h.order_id', '=', 'o.id')
              .where('h.to_status', '=', 'placed'),
          ),
        )
        .execute();
      const buyers = new Set(placed.map((o) => o.buyer_company_id)).size;
      expect(await total('exec', 'orders.buyer_ltv')).toBeCloseTo(all.netGmv / buyers, 6);
      // Manufacturers that ever sold or had a subscription (its changes are in the outbox, as the warehouse's are).
      const subscribers = await tp.platform.db
        .selectFrom('outbox')
        .select('aggregate_id')
        .where('type', '=', 'subscription.changed')
        .execute();
      const subscriberIds = await tp.platform.db
        .selectFrom('subscriptions')
        .select('company_id')
        .where(
          'id',
          'in',
          subscribers.map((s) => s.aggregate_id),
        )
        .execute();
      const manufacturers = new Set([
        ...placed.map((o) => o.seller_company_id),
        ...subscriberIds.map((s) => s.company_id),
      ]).size;
      expect(await total('exec', 'platform_revenue.manufacturers')).toBe(manufacturers);
      expect(await total('exec', 'platform_revenue.manufacturer_ltv')).toBeCloseTo(
        (all.netCommission + mrr) / manufacturers,
        6,
      );
    });
  });
