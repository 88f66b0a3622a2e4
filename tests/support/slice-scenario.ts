/**
 * The foundation slice, end to end, as users see it: a manufacturer lists products, a retailer orders, and
 * the order is counted in the warehouse and answered through Cube's REST API, read with Cube's own client.
 * Runs unchanged on embedded (PGlite, in-process, chDB) and distributed (PostgreSQL, Kafka, chDB) modes.
 */
import cube from '@cubejs-client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRelay } from '../../ingest/relay.ts';
import { applyRate } from '../../platform/money.ts';

/** The reference rates migration 2026_11_28_0001 seeds into fx_rates (USD per unit). */
const fxRates = { USD: '1', EUR: '1.08', GBP: '1.27' };
import { eventually, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';

const gmvByDay = {
  measures: ['orders.gmv', 'orders.count'],
  timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'day' as const }],
};

export function sliceScenario(mode: Mode) {
  describe(`the foundation slice on ${mode}`, () => {
    let tp: TestPlatform;
    let seller: Awaited<ReturnType<TestPlatform['company']>>;
    let rival: Awaited<ReturnType<TestPlatform['company']>>;
    let buyer: Awaited<ReturnType<TestPlatform['company']>>;
    let executive: Awaited<ReturnType<TestPlatform['company']>>;
    const placed: Array<{
      subtotalMinor: number;
      currency: 'USD' | 'EUR' | 'GBP';
      placedAt: string;
      sellerCompanyId: string;
    }> = [];

    const client = (token: string) => cube(token, { apiUrl: `${tp.url}/cubejs-api/v1` });
    const totals = async (token: string) => {
      const rows = (await client(token).load(gmvByDay)).tablePivot();
      return {
        rows,
        gmv: rows.reduce((s, r) => s + Number(r['orders.gmv']), 0),
        count: rows.reduce((s, r) => s + Number(r['orders.count']), 0),
      };
    };
    const expectedGmv = (filter: (o: (typeof placed)[number]) => boolean = () => true) =>
      placed
        .filter(filter)
        .reduce((s, o) => s + applyRate(o.subtotalMinor, fxRates[o.currency as keyof typeof fxRates]), 0);

    async function order(lines: Array<{ productId: string; quantity: number }>) {
      const res = await tp.http('POST', '/api/v1/orders', { token: buyer.token, body: { lines } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      placed.push(res.body);
      return res.body;
    }

    beforeAll(async () => {
      tp = await startTestPlatform(mode);
      seller = await tp.company('manufacturer', 'Acme Mills');
      rival = await tp.company('manufacturer', 'Rival Works');
      buyer = await tp.company('retailer', 'Corner Shop');
      executive = await tp.company('platform', 'Wholesail HQ', 'executive');
    });
    afterAll(async () => tp?.close());

    it('counts a new order in the warehouse and answers GMV by day through the Cube REST API', async () => {
      const listed = await tp.http('POST', '/api/v1/products', {
        token: seller.token,
        body: { sku: 'MUG-1', name: 'Stoneware mug', priceMinor: 1250, currency: 'USD', stock: 100 },
      });
      expect(listed.status, JSON.stringify(listed.body)).toBe(201);
      const euro = await tp.http('POST', '/api/v1/products', {
        token: rival.token,
        body: { sku: 'BOWL-1', name: 'Bowl', priceMinor: 1000, currency: 'EUR', stock: 100 },
      });
      expect(euro.status).toBe(201);

      const started = Date.now();
      const first = await order([{ productId: listed.body.id, quantity: 3 }]);
      expect(first.subtotalMinor).toBe(3750);
      const seen = await eventually(
        () => totals(executive.token),
        (t) => t.count === 1,
      );
      console.log(
        `[${mode}] order committed -> answered by the semantic layer in ${Date.now() - started} ms`,
      );

      const today = first.placedAt.slice(0, 10);
      expect(seen.rows).toEqual([
        expect.objectContaining({
          'orders.placed_at.day': `${today}T00:00:00.000`,
          'orders.gmv': '3750',
          'orders.count': '1',
        }),
      ]);

      await order([{ productId: euro.body.id, quantity: 2 }]); // EUR 20.00 -> USD at the rate of the day
      const both = await eventually(
        () => totals(executive.token),
        (t) => t.count === 2,
      );
      expect(both.gmv).toBe(expectedGmv());
      expect(both.gmv).toBe(3750 + 2160);
    });

    it('answers GET /load the way @cubejs-client/core sends it, with several queries at once', async () => {
      const res = await tp.http(
        'GET',
        `/cubejs-api/v1/load?queryType=multi&query=${encodeURIComponent(JSON.stringify([gmvByDay, { measures: ['orders.count'] }]))}`,
        {
          token: executive.token,
        },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.results).toHaveLength(2);
      expect(res.body.results[1].data).toEqual([{ 'orders.count': String(placed.length) }]);
    });

    it('shows each manufacturer only its own sales, and a retailer only its own purchases', async () => {
      const sellerView = await totals(seller.token);
      expect(sellerView.gmv).toBe(expectedGmv((o) => o.sellerCompanyId === seller.companyId));
      expect(sellerView.count).toBe(1);

      // A rival who filters on the seller's id, or wraps it in an `or`, still sees only its own rows.
      const prying = await client(rival.token).load({
        measures: ['orders.gmv'],
        filters: [
          {
            or: [
              { member: 'orders.seller_company_id', operator: 'equals', values: [seller.companyId] },
              { member: 'orders.seller_company_id', operator: 'set' },
            ],
          },
        ],
        dimensions: ['orders.seller_company_id'],
      });
      expect(prying.tablePivot().map((r) => r['orders.seller_company_id'])).toEqual([rival.companyId]);

      const stranger = await tp.company('retailer', 'Another Shop');
      expect((await totals(stranger.token)).count).toBe(0);
      expect((await totals(buyer.token)).count).toBe(placed.length);
    });

    it('keeps a direct order line’s unit cost and category for margins, and never tells the buyer the cost', async () => {
      const listed = await tp.http('POST', '/api/v1/products', {
        token: seller.token,
        body: {
          sku: 'PITCHER-1',
          name: 'Stoneware pitcher',
          category: 'drinkware',
          priceMinor: 2000,
          unitCostMinor: 1100,
          currency: 'USD',
          stock: 50,
          leadTimeDays: 4,
        },
      });
      expect(listed.status, JSON.stringify(listed.body)).toBe(201);
      const placedOrder = await order([{ productId: listed.body.id, quantity: 2 }]);
      expect(JSON.stringify(placedOrder)).not.toMatch(/unitCost|lineCost/);
      const line = await tp.platform.db
        .selectFrom('order_lines')
        .select('unit_cost_minor')
        .where('order_id', '=', placedOrder.id)
        .executeTakeFirstOrThrow();
      expect(line.unit_cost_minor).toBe(1100);
      const event = await tp.platform.db
        .selectFrom('outbox')
        .select('payload')
        .where('aggregate_id', '=', placedOrder.id)
        .where('type', '=', 'order.placed')
        .executeTakeFirstOrThrow();
      expect((event.payload as { lines: unknown[] }).lines[0]).toMatchObject({
        unitCostMinor: 1100,
        lineCostUsdMinor: 2200,
        categoryPath: expect.stringMatching(/drinkware$/),
        leadTimeDays: 4,
      });
    });

    it('keeps warehouse totals exact when the relay dies between publish and mark-as-sent', async () => {
      await tp.platform.relay.stop();
      const product = await tp.http('POST', '/api/v1/products', {
        token: seller.token,
        body: { sku: 'JUG-1', name: 'Jug', priceMinor: 4999, currency: 'USD', stock: 50 },
      });
      await order([{ productId: product.body.id, quantity: 7 }]);

      const crashing = new OutboxRelay({
        db: tp.platform.db,
        publisher: tp.platform.publisher,
        logger: tp.platform.logger,
        pollMs: 50,
        betweenPublishAndMark: () => {
          throw new Error('simulated crash after publish, before mark-as-sent');
        },
      });
      await expect(crashing.runOnce()).rejects.toThrow(/simulated crash/);
      const unsent = await tp.platform.db
        .selectFrom('outbox')
        .select('event_id')
        .where('published_at', 'is', null)
        .execute();
      expect(unsent.length).toBeGreaterThan(0); // the events were delivered but not marked: they will go again

      const restarted = new OutboxRelay({
        db: tp.platform.db,
        publisher: tp.platform.publisher,
        logger: tp.platform.logger,
        pollMs: 50,
      });
      expect(await restarted.drain()).toBe(unsent.length);

      const after = await eventually(
        () => totals(executive.token),
        (t) => t.count >= placed.length,
        20_000,
      );
      expect(after.count).toBe(placed.length);
      expect(after.gmv).toBe(expectedGmv());

      // Replaying the whole outbox (a backfill) changes no figure either.
      await tp.platform.db.updateTable('outbox').set({ published_at: null }).execute();
      await restarted.drain();
      await new Promise((r) => setTimeout(r, 1500)); // give a Kafka consumer time to load the replay
      const replayed = await totals(executive.token);
      expect(replayed.count).toBe(placed.length);
      expect(replayed.gmv).toBe(expectedGmv());
      const raw = await tp.platform.warehouse.query({
        query: 'SELECT count() AS n FROM wholesail.events_raw FINAL',
        format: 'JSONEachRow',
      });
      const outbox = await tp.platform.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number((await raw.json<{ n: string }>())[0]!.n)).toBe(Number(outbox.n));
    });
  });
}
