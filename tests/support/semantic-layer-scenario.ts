/**
 * The semantic layer on the demo marketplace, through Cube's REST API as dashboards call it, on either mode: every role gets
 * its own slice of the same model, the pre-aggregated lambda view stays live, and the cache never serves a
 * figure from before the latest order.
 */
import cube from '@cubejs-client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, buyerEmail, sellerEmail } from '../../scripts/seed/demo-data.ts';
import { seedDemoAndLoad } from './demo.ts';
import { eventually, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';

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
        'daily_gmv',
        'order_lines',
        'orders',
        'products',
        'seller_benchmarks',
        'seller_sales',
        'sellers',
      ]);
      expect(await names('buyer')).not.toContain('daily_gmv');
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
  });
