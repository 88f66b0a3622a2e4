/**
 * The warehouse's data tests run on the demo marketplace, seeded through the real services and pipeline:
 * every model holds to its grain, keys and relationships, and reconciles with the OLTP database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../ingest/reconcile.ts';
import { seedDemo, TEST_DEMO } from '../scripts/seed/seed-demo.ts';
import { startTestPlatform, type TestPlatform } from '../tests/support/test-platform.ts';
import { refreshNow } from './build.ts';
import { compileDataTests, runDataTests } from './data-tests.ts';

describe('warehouse data tests on the demo marketplace', () => {
  let tp: TestPlatform;
  beforeAll(async () => {
    tp = await startTestPlatform('embedded', { startPipeline: false });
    await seedDemo(tp.platform, TEST_DEMO);
    await tp.platform.relay.drain();
    await refreshNow(tp.platform.warehouse);
  }, 240_000);
  afterAll(async () => tp?.close());

  it('declares the tests a data team expects: keys, grains and relationships', () => {
    const names = compileDataTests().map((t) => `${t.model}: ${t.test}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'fct_orders: unique(order_id)',
        'fct_orders_current: unique(order_id)',
        'fct_orders_current: accepted_values(status)',
        'fct_refunds: unique(refund_id)',
        'fct_refunds: relationships(order_id -> wholesail.fct_orders.order_id)',
        'fct_subscriptions: unique(company_id)',
        'fct_claims: unique(claim_id)',
        'fct_order_lines: unique_combination(order_id, line_no)',
        'fct_orders: relationships(seller_company_id -> wholesail.dim_companies.company_id)',
        'mart_daily_gmv: unique_combination(day, seller_company_id, buyer_country, buyer_city)',
        'fct_order_milestones: unique(order_id)',
        'fct_order_lines: expression_is_true(NOT has_cost OR margin_usd_minor = line_total_usd_minor - cost_usd_minor)',
        'mart_seller_fulfilment: unique_combination(seller_company_id, day)',
        'mart_daily_category_sales: unique_combination(day, category_path)',
        'mart_seller_benchmarks: expression_is_true(bands_shown = (peers >= 5))',
        'fct_inventory_movements: unique(movement_id)',
        'fct_inventory_daily: unique_combination(variant_id, day)',
        'fct_product_views: unique(view_id)',
        'fct_searches: unique(search_id)',
        "fct_orders: expression_is_true(isNull(volume_tier) OR plan != 'free' OR volume_discount_bps = 0)",
      ]),
    );
  });

  it('passes every data test and reconciles with PostgreSQL', async () => {
    const results = await runDataTests(tp.platform.warehouse);
    expect(results.filter((r) => r.failures > 0)).toEqual([]);
    expect((await reconcile(tp.platform.db, tp.platform.warehouse)).differences).toEqual([]);
  });

  it('agrees between the pre-aggregated mart and the facts it summarises', async () => {
    const q = async (sql: string) =>
      (
        await (
          await tp.platform.warehouse.query({ query: sql, format: 'JSONEachRow' })
        ).json<Record<string, string>>()
      )[0]!;
    const mart = await q(
      'SELECT sum(orders) AS orders, sum(gmv_usd_minor) AS gmv FROM wholesail.mart_daily_gmv',
    );
    const facts = await q(
      'SELECT count() AS orders, sum(subtotal_usd_minor) AS gmv FROM wholesail.fct_orders FINAL',
    );
    expect(mart).toEqual(facts);
    const placed = await tp.platform.db
      .selectFrom('order_status_history')
      .select((eb) => eb.fn.count<string>('order_id').distinct().as('n'))
      .where('to_status', '=', 'placed')
      .executeTakeFirstOrThrow();
    expect(Number(facts.orders)).toBe(Number(placed.n));
    const unplaced = await q(
      "SELECT count() AS n FROM wholesail.mart_daily_gmv WHERE latitude = 0 OR buyer_region = ''",
    );
    expect(unplaced.n).toBe('0'); // every demo retailer's city is on the map
  });

  it('knows every order at its current status, and its refunds and net commission, as PostgreSQL does', async () => {
    const rows = async (sql: string) =>
      (await tp.platform.warehouse.query({ query: sql, format: 'JSONEachRow' })).json<
        Record<string, string>
      >();
    const byStatus = await rows(
      'SELECT status, count() AS n, sum(net_commission_minor) AS net_commission FROM wholesail.fct_orders_current GROUP BY status ORDER BY status',
    );
    const oltp = await tp.platform.db
      .selectFrom('orders as o')
      .select([
        'o.status',
        (eb) => eb.fn.countAll<string>().as('n'),
        (eb) =>
          eb.fn
            .sum<string>(
              eb(eb.fn.coalesce('o.commission_minor', eb.lit(0)), '-', eb.ref('o.commission_reversed_minor')),
            )
            .as('net_commission'),
      ])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('order_status_history as h')
            .select('h.id')
            .whereRef('h.order_id', '=', 'o.id')
            .where('h.to_status', '=', 'placed'),
        ),
      )
      .groupBy('o.status')
      .orderBy('o.status')
      .execute();
    expect(byStatus).toEqual(
      oltp.map((r) => ({ status: r.status, n: String(r.n), net_commission: String(r.net_commission) })),
    );
    // The demo exercises the lifecycle: cancellations, rejections and refunds all reach the warehouse.
    expect(byStatus.map((r) => r.status)).toEqual(
      expect.arrayContaining(['cancelled', 'rejected', 'completed']),
    );
    const [refunds] = await rows('SELECT count() AS n FROM wholesail.fct_refunds FINAL');
    const succeeded = await tp.platform.db
      .selectFrom('refunds')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow();
    expect(Number(refunds!.n)).toBe(Number(succeeded.n));
    expect(Number(succeeded.n)).toBeGreaterThan(0);
  });

  it('catches bad data: an unknown currency and an order whose manufacturer does not exist', async () => {
    await tp.platform.warehouse.insert({
      table: 'wholesail.fct_orders',
      values: [
        {
          order_id: 'bogus',
          buyer_company_id: 'nobody',
          seller_company_id: 'nobody',
          currency: 'XXX',
          subtotal_minor: 1,
          subtotal_usd_minor: 1,
          fx_rate: 1,
          line_count: 1,
          units: 1,
          placed_at: '2026-01-01 00:00:00.000',
          row_version: 1,
        },
      ],
      format: 'JSONEachRow',
    });
    const failed = (await runDataTests(tp.platform.warehouse))
      .filter((r) => r.failures > 0)
      .map((r) => `${r.model}: ${r.test}`);
    expect(failed).toEqual(
      expect.arrayContaining([
        'fct_orders: accepted_values(currency)',
        'fct_orders: relationships(seller_company_id -> wholesail.dim_companies.company_id)',
        'fct_orders: relationships(buyer_company_id -> wholesail.dim_companies.company_id)',
      ]),
    );
    await tp.platform.warehouse.command({
      query: "DELETE FROM wholesail.fct_orders WHERE order_id = 'bogus'",
    });
  });

  it('catches a margin that is not revenue less cost, and a cost without a unit cost', async () => {
    const [line] = await (
      await tp.platform.warehouse.query({
        query: 'SELECT * FROM wholesail.fct_order_lines FINAL LIMIT 1',
        format: 'JSONEachRow',
      })
    ).json<Record<string, unknown>>();
    await tp.platform.warehouse.insert({
      table: 'wholesail.fct_order_lines',
      values: [
        // Priced at 600, costed at 2 x 100: the margin must be 400, and a cost needs its unit cost.
        {
          ...line,
          order_id: 'bogus-margin',
          line_total_usd_minor: 600,
          quantity: 2,
          unit_cost_minor: 100,
          cost_minor: 200,
          cost_usd_minor: 200,
          has_cost: true,
          margin_usd_minor: 450,
        },
        {
          ...line,
          order_id: 'bogus-cost',
          unit_cost_minor: null,
          cost_usd_minor: 50,
          has_cost: true,
          margin_usd_minor: 0,
        },
      ],
      format: 'JSONEachRow',
    });
    const failed = (await runDataTests(tp.platform.warehouse))
      .filter((r) => r.failures > 0)
      .map((r) => `${r.model}: ${r.test}`);
    expect(failed).toEqual(
      expect.arrayContaining([
        'fct_order_lines: expression_is_true(NOT has_cost OR margin_usd_minor = line_total_usd_minor - cost_usd_minor)',
        'fct_order_lines: expression_is_true(has_cost = isNotNull(unit_cost_minor))',
      ]),
    );
    await tp.platform.warehouse.command({
      query: "DELETE FROM wholesail.fct_order_lines WHERE order_id IN ('bogus-margin', 'bogus-cost')",
    });
  });
});
