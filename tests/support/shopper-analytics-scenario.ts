/**
 * What the analytics issue added, end to end on either mode: product views and searches recorded through the
 * outbox as retailers use the catalog, daily inventory, and orders by commission volume tier, each in the
 * warehouse and through the semantic layer with every role's row rules; and the gateway's 400s for queries it
 * cannot answer as asked. Expected figures come from PostgreSQL or from what the test itself did, never typed in.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimal } from '../../marketplace/checkout/reference-rates.ts';
import { createCatalogInterest, VIEW_WINDOW_MS } from '../../marketplace/catalog/catalog-interest.ts';
import type { CommissionSnapshot } from '../../marketplace/commissions/commission-rules.ts';
import { newId } from '../../platform/ids.ts';
import { applyRate } from '../../platform/money.ts';
import type { Principal } from '../../platform/principal.ts';
import { refreshNow } from '../../warehouse/build.ts';
import { expectProblem } from './expect-problem.ts';
import { eventually, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const shipTo = {
  name: 'Corner Shop',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

/** Waits until every outbox event is in the warehouse (Kafka acknowledges before the loader has it), then refreshes. */
async function loadWarehouse(tp: TestPlatform) {
  await tp.platform.relay.drain();
  const outbox = Number(
    (
      await tp.platform.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await eventually(
    async () => {
      const result = await tp.platform.warehouse.query({
        query: 'SELECT count() AS n FROM wholesail.events_raw FINAL',
        format: 'JSONEachRow',
      });
      return Number((await result.json<{ n: string }>())[0]!.n);
    },
    (loaded) => loaded >= outbox,
    60_000,
  );
  await refreshNow(tp.platform.warehouse);
}

export const shopperAnalyticsScenario = (mode: Mode) =>
  describe(`shopper and stock analytics, on ${mode}`, () => {
    let tp: TestPlatform;
    let potter: Company; // Professional plan: volume discounts apply
    let rival: Company;
    let corner: Company; // views, searches and buys
    let deli: Company; // views only
    let exec: Company;
    let mug: { productId: string; variantId: string };
    let bowl: { productId: string; variantId: string };

    const load = async (who: Company, query: object) => {
      const res = await tp.http('POST', '/cubejs-api/v1/load', { token: who.token, body: { query } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data as Array<Record<string, string | null>>;
    };
    const listProduct = async (seller: Company, body: object) => {
      const res = await tp.http('POST', '/api/v1/products', { token: seller.token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { productId: res.body.id as string, variantId: res.body.variants[0].id as string };
    };
    const outboxOf = async (type: string) =>
      (
        await tp.platform.db
          .selectFrom('outbox')
          .select(['payload', 'company_ids'])
          .where('type', '=', type)
          .orderBy('occurred_at')
          .execute()
      ).map((r) => ({
        payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<
          string,
          unknown
        >,
        companyIds: (typeof r.company_ids === 'string'
          ? JSON.parse(r.company_ids)
          : r.company_ids) as string[],
      }));
    const buy = async (buyer: Company, variantId: string, quantity: number) => {
      await tp.http('POST', '/api/v1/cart/lines', { token: buyer.token, body: { variantId, quantity } });
      const group = await tp.http('POST', '/api/v1/checkout', {
        token: buyer.token,
        body: { paymentMethod: 'card', shippingAddress: shipTo },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(group.status, JSON.stringify(group.body)).toBe(201);
      const paid = await tp.http('POST', `/api/v1/order-groups/${group.body.id}/pay`, {
        token: buyer.token,
        body: { paymentMethod: 'pm_card_visa' },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
      return group.body.orders[0].id as string;
    };

    beforeAll(async () => {
      tp = await startTestPlatform(mode);
      potter = await tp.company('manufacturer', 'Hilltop Pottery');
      rival = await tp.company('manufacturer', 'Valley Ceramics');
      corner = await tp.company('retailer', 'Corner Shop');
      deli = await tp.company('retailer', 'Harbour Deli');
      exec = await tp.company('platform', 'Wholesail HQ', 'executive');
      const admin = await tp.company('platform', 'Wholesail Ops', 'admin');
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
        variants: [{ sku: 'MUG-S', priceMinor: 900, moq: 1, casePack: 1, stock: 2_000 }],
      });
      bowl = await listProduct(potter, {
        sku: 'BOWL',
        name: 'Serving bowl',
        category: 'drinkware',
        currency: 'USD',
        variants: [{ sku: 'BOWL-L', priceMinor: 2_400, moq: 1, casePack: 1, stock: 50 }],
      });
      await listProduct(rival, {
        sku: 'JUG',
        name: 'Milk jug',
        category: 'drinkware',
        currency: 'USD',
        variants: [{ sku: 'JUG-1', priceMinor: 1_500, moq: 1, casePack: 1, stock: 30 }],
      });
    }, 180_000);
    afterAll(async () => tp?.close());

    it('answers queries it cannot run as asked with a 400 naming the problem, on /load, /sql and /dry-run', async () => {
      const unjoinable = { dimensions: ['sellers.name', 'buyers.name'] };
      const q = (query: object) => encodeURIComponent(JSON.stringify(query));
      expectProblem(
        await tp.http('POST', '/cubejs-api/v1/load', { token: exec.token, body: { query: unjoinable } }),
        400,
        'cubes_not_joined',
        'query',
      );
      for (const route of ['sql', 'dry-run']) {
        const res = await tp.http('GET', `/cubejs-api/v1/${route}?query=${q(unjoinable)}`, {
          token: exec.token,
        });
        expectProblem(res, 400, 'cubes_not_joined', 'query');
        expect(res.body.detail).toMatch(/sellers.*buyers|buyers.*sellers/);
      }
      const lastWeek = {
        measures: ['orders.count'],
        timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'day', dateRange: 'last 7 days' }],
      };
      expect(
        (await tp.http('GET', `/cubejs-api/v1/load?query=${q(lastWeek)}`, { token: exec.token })).status,
      ).toBe(200);
      const dry = await tp.http('GET', `/cubejs-api/v1/dry-run?query=${q(lastWeek)}`, { token: exec.token });
      const [from, to] = dry.body.normalizedQueries[0].timeDimensions[0].dateRange;
      const today = new Date().toISOString().slice(0, 10);
      expect(to < today && from < to).toBe(true);
      const nonsense = {
        ...lastWeek,
        timeDimensions: [{ dimension: 'orders.placed_at', dateRange: 'whenever suits' }],
      };
      for (const route of ['load', 'sql', 'dry-run'])
        expectProblem(
          await tp.http('GET', `/cubejs-api/v1/${route}?query=${q(nonsense)}`, { token: exec.token }),
          400,
          'invalid_date_range',
          'query.timeDimensions.0.dateRange',
        );
    });

    it('records one view per retailer and product however often it reloads, and none for anyone else', async () => {
      for (let i = 0; i < 3; i++)
        expect(
          (await tp.http('GET', `/api/v1/products/${mug.productId}`, { token: corner.token })).status,
        ).toBe(200);
      await tp.http('GET', `/api/v1/products/${mug.productId}`, { token: deli.token });
      await tp.http('GET', `/api/v1/products/${mug.productId}`); // signed out
      await tp.http('GET', `/api/v1/products/${mug.productId}`, { token: potter.token }); // the seller itself
      await tp.http('GET', `/api/v1/products/${mug.productId}`, { token: 'not-a-token' });
      const views = await outboxOf('product.viewed');
      expect(views.map((v) => v.payload.buyerCompanyId).sort()).toEqual(
        [corner.companyId, deli.companyId].sort(),
      );
      expect(views[0]!.payload).toMatchObject({
        productId: mug.productId,
        sellerCompanyId: potter.companyId,
      });
      expect(views[0]!.companyIds).toContain(potter.companyId);
    });

    it('counts a retailer that comes back after 30 minutes as a new view', async () => {
      let now = new Date();
      const interest = createCatalogInterest({ db: tp.platform.db, clock: { now: () => now } });
      const viewer: Principal = {
        userId: newId(),
        companyId: deli.companyId,
        companyKind: 'retailer',
        role: 'owner',
        permissions: [],
      };
      const product = { id: bowl.productId, sellerCompanyId: potter.companyId };
      await interest.productViewed(viewer, product);
      now = new Date(now.getTime() + VIEW_WINDOW_MS - 60_000);
      await interest.productViewed(viewer, product);
      now = new Date(now.getTime() + 2 * 60_000);
      await interest.productViewed(viewer, product);
      const bowlViews = (await outboxOf('product.viewed')).filter(
        (v) => v.payload.productId === bowl.productId,
      );
      expect(bowlViews).toHaveLength(2);
    });

    it("records a retailer's searches with what it typed and found, not its paging or plain browsing", async () => {
      const found = await tp.http('GET', '/api/v1/products?q=stoneware%20mug&category=drinkware', {
        token: corner.token,
      });
      expect(found.body.total).toBeGreaterThan(0);
      await tp.http('GET', '/api/v1/products?q=zzqxv%20teapot', { token: corner.token });
      await tp.http('GET', '/api/v1/products?q=Stoneware%20%20Mug', { token: deli.token });
      await tp.http('GET', '/api/v1/products?q=stoneware%20mug&offset=20', { token: corner.token }); // page 2
      await tp.http('GET', '/api/v1/products', { token: corner.token }); // browsing
      await tp.http('GET', '/api/v1/products?q=mug'); // signed out
      await tp.http('GET', '/api/v1/products?q=mug', { token: potter.token }); // a manufacturer
      const searches = (await outboxOf('catalog.searched')).map((s) => s.payload);
      expect(searches).toHaveLength(3);
      expect(searches[0]).toMatchObject({
        buyerCompanyId: corner.companyId,
        query: 'stoneware mug',
        filters: { category: 'drinkware' },
        resultCount: found.body.total,
      });
      expect(searches[1]).toMatchObject({ query: 'zzqxv teapot', resultCount: 0 });
    });

    it('records the volume tier each order was charged at, and the discount it gave', async () => {
      // $10,800 takes Hilltop past the $10,000 threshold: the next order this month is charged at tier 2.
      await buy(corner, mug.variantId, 1_200);
      await buy(corner, bowl.variantId, 5);
      const orders = await tp.platform.db
        .selectFrom('orders')
        .select(['id', 'commission', 'subtotal_minor', 'fx_rate'])
        .where('seller_company_id', '=', potter.companyId)
        .orderBy('placed_at')
        .execute();
      const snapshots = orders.map((o) => o.commission as CommissionSnapshot);
      expect(snapshots.map((s) => s.volumeTier)).toEqual([1, 2]);
      const placed = (await outboxOf('order.placed')).map((e) => e.payload);
      expect(placed.map((p) => [p.volumeTier, p.volumeDiscountBps])).toEqual(
        snapshots.map((s) => [s.volumeTier, s.volumeDiscountBps]),
      );
      expect(placed[1]!.volumeDiscountBps).toBeGreaterThan(0);
    });

    it('gives executives GMV and take rate by tier as PostgreSQL has them; a manufacturer its own; retailers nothing', async () => {
      await loadWarehouse(tp);
      const orders = await tp.platform.db
        .selectFrom('orders')
        .select(['commission', 'subtotal_minor', 'fx_rate'])
        .where('seller_company_id', '=', potter.companyId)
        .execute();
      const expected: Record<string, number> = {};
      for (const o of orders) {
        const tier = String((o.commission as CommissionSnapshot).volumeTier);
        expected[tier] = (expected[tier] ?? 0) + applyRate(o.subtotal_minor, decimal(o.fx_rate ?? '1'));
      }
      const byTier = await load(exec, {
        measures: ['orders.gmv', 'orders.take_rate'],
        dimensions: ['orders.tier', 'orders.tier_label'],
      });
      expect(Object.fromEntries(byTier.map((r) => [r['orders.tier'], Number(r['orders.gmv'])]))).toEqual(
        expected,
      );
      expect(byTier.find((r) => r['orders.tier'] === '2')!['orders.tier_label']).toBe(
        'Tier 2: from $10000 a month',
      );
      const own = await load(potter, { dimensions: ['sellers.tier'] });
      expect(own).toEqual([{ 'sellers.tier': '2' }]);
      expect(await load(rival, { measures: ['orders.gmv'], dimensions: ['orders.tier'] })).toEqual([]);
      expectProblem(
        await tp.http('POST', '/cubejs-api/v1/load', {
          token: corner.token,
          body: { query: { measures: ['orders.gmv'], dimensions: ['orders.tier'] } },
        }),
        403,
        'query_forbidden',
      );
    });

    it('shows a manufacturer views, viewers and conversion of its own products only, never who viewed', async () => {
      const rows = await load(potter, {
        measures: ['product_views.views', 'product_views.unique_viewers', 'product_views.conversion_rate'],
        dimensions: ['products.name'],
        order: { 'products.name': 'asc' },
      });
      // Mug: Corner (bought it) and Deli viewed; bowl: Deli twice, 30 minutes apart, bought by Corner unviewed.
      expect(rows).toEqual([
        {
          'products.name': 'Serving bowl',
          'product_views.views': '2',
          'product_views.unique_viewers': '1',
          'product_views.conversion_rate': '0',
        },
        {
          'products.name': 'Stoneware mug',
          'product_views.views': '2',
          'product_views.unique_viewers': '2',
          'product_views.conversion_rate': '0.5',
        },
      ]);
      expect(await load(rival, { measures: ['product_views.views'] })).toEqual([
        { 'product_views.views': '0' },
      ]);
      expectProblem(
        await tp.http('POST', '/cubejs-api/v1/load', {
          token: potter.token,
          body: {
            query: { measures: ['product_views.views'], dimensions: ['product_views.buyer_company_id'] },
          },
        }),
        403,
        'query_forbidden',
      );
      expectProblem(
        await tp.http('POST', '/cubejs-api/v1/load', {
          token: corner.token,
          body: { query: { measures: ['product_views.views'] } },
        }),
        403,
        'query_forbidden',
      );
    });

    it('gives platform staff top and zero-result searches, and no manufacturer or retailer what was typed', async () => {
      const top = await load(exec, {
        measures: ['searches.count', 'searches.searchers'],
        dimensions: ['searches.search_terms'],
        order: { 'searches.count': 'desc' },
      });
      expect(top[0]).toEqual({
        'searches.search_terms': 'stoneware mug',
        'searches.count': '2',
        'searches.searchers': '2',
      });
      const nothing = await load(exec, {
        measures: ['searches.count'],
        dimensions: ['searches.search_terms'],
        segments: ['searches.found_nothing'],
      });
      expect(nothing).toEqual([{ 'searches.search_terms': 'zzqxv teapot', 'searches.count': '1' }]);
      for (const who of [potter, corner])
        expectProblem(
          await tp.http('POST', '/cubejs-api/v1/load', {
            token: who.token,
            body: { query: { measures: ['searches.count'], dimensions: ['searches.search_terms'] } },
          }),
          403,
          'query_forbidden',
        );
    });

    it("keeps each manufacturer's daily stock as PostgreSQL has it, with days of cover; retailers see none", async () => {
      const levels = await sql<{ variant_id: string; on_hand: string }>`
        SELECT variant_id, sum(on_hand) AS on_hand FROM inventory_levels GROUP BY variant_id`.execute(
        tp.platform.db,
      );
      const onHand = new Map(levels.rows.map((r) => [r.variant_id, Number(r.on_hand)]));
      const rows = await load(potter, {
        measures: ['inventory.current_on_hand', 'inventory.units_sold_30d', 'inventory.days_of_cover'],
        dimensions: ['inventory.variant_id'],
      });
      expect(rows.map((r) => r['inventory.variant_id']).sort()).toEqual(
        [mug.variantId, bowl.variantId].sort(),
      );
      for (const row of rows) {
        const variant = row['inventory.variant_id']!;
        const sold = variant === mug.variantId ? 1_200 : 5;
        expect(Number(row['inventory.current_on_hand'])).toBe(onHand.get(variant));
        expect(Number(row['inventory.units_sold_30d'])).toBe(sold);
        expect(Number(row['inventory.days_of_cover'])).toBeCloseTo(onHand.get(variant)! / (sold / 30), 6);
      }
      const daily = await load(potter, {
        measures: ['inventory.on_hand', 'inventory.units_in', 'inventory.units_out'],
        dimensions: ['inventory.sku'],
        timeDimensions: [{ dimension: 'inventory.day', granularity: 'day', dateRange: 'today' }],
        filters: [{ member: 'inventory.variant_id', operator: 'equals', values: [mug.variantId] }],
      });
      expect(daily).toHaveLength(1);
      expect(daily[0]).toMatchObject({
        'inventory.on_hand': '800',
        'inventory.units_in': '2000',
        'inventory.units_out': '1200',
      });
      expect(
        await load(rival, { measures: ['inventory.current_on_hand'], dimensions: ['inventory.sku'] }),
      ).toEqual([{ 'inventory.sku': 'JUG-1', 'inventory.current_on_hand': '30' }]);
      expectProblem(
        await tp.http('POST', '/cubejs-api/v1/load', {
          token: corner.token,
          body: { query: { measures: ['inventory.on_hand'] } },
        }),
        403,
        'query_forbidden',
      );
    });
  });
