/**
 * Embedding a dashboard, through the HTTP API on the demo marketplace: who may ask for an embed token and for
 * whose data, what the token opens (its dashboard's queries, with the issuing company's row rules) and what it
 * never opens (other cubes, SQL, any other route), and the clear 401s for tokens that are altered, expired, or
 * not embed tokens at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedTokens } from '../api/auth/embed-tokens.ts';
import { resolveAuthSecret } from '../platform/secrets.ts';
import { DEMO_PASSWORD, buyerEmail, sellerEmail } from '../scripts/seed/demo-data.ts';
import { seedDemoAndLoad } from './support/demo.ts';
import { expectProblem } from './support/expect-problem.ts';
import { startTestPlatform, type HttpResult, type TestPlatform } from './support/test-platform.ts';

describe('embedding a dashboard in another site', () => {
  let tp: TestPlatform;
  const tokens: Record<string, string> = {};
  const companyIds: Record<string, string> = {};

  const requestEmbed = (who: string, body: object) =>
    tp.http('POST', '/api/v1/embed-tokens', { token: tokens[who], body });
  const embedToken = async (who: string, body: object): Promise<string> => {
    const res = await requestEmbed(who, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.token as string;
  };
  const withEmbed = (method: string, route: string, token: string, body?: unknown) =>
    tp.http(method, route, { headers: { authorization: `Embed ${token}` }, body });
  const load = (token: string, query: object) => withEmbed('POST', '/cubejs-api/v1/load', token, { query });
  const gmvOf = (res: HttpResult) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.data as Array<Record<string, string>>).reduce(
      (s, r) => s + Number(r['orders.gmv'] ?? 0),
      0,
    );
  };
  const gmvWithAccessToken = async (who: string) =>
    gmvOf(
      await tp.http('POST', '/cubejs-api/v1/load', {
        token: tokens[who],
        body: { query: { measures: ['orders.gmv'] } },
      }),
    );

  beforeAll(async () => {
    tp = await startTestPlatform('embedded');
    await seedDemoAndLoad(tp);
    tokens.exec = await tp.login('exec@wholesail.demo', DEMO_PASSWORD);
    tokens.admin = await tp.login('admin@wholesail.demo', DEMO_PASSWORD);
    tokens.alpine = await tp.login(sellerEmail('alpine'), DEMO_PASSWORD);
    tokens.pacific = await tp.login(sellerEmail('pacific'), DEMO_PASSWORD);
    tokens.buyer = await tp.login(buyerEmail('cornerstore'), DEMO_PASSWORD);
    for (const who of ['alpine', 'pacific', 'buyer'])
      companyIds[who] = (await tp.http('GET', '/api/v1/me', { token: tokens[who] })).body.companyId;
  }, 240_000);
  afterAll(async () => tp?.close());

  describe('asking for a token', () => {
    it('gives a manufacturer a 10-minute token and iframe URL for its own seller dashboard', async () => {
      const before = Date.now();
      const res = await requestEmbed('alpine', { dashboard: 'seller-overview' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.companyId).toBe(companyIds.alpine);
      expect(res.body.dashboard).toBe('seller-overview');
      const lifetime = Date.parse(res.body.expiresAt) - before;
      expect(lifetime).toBeGreaterThan(595_000);
      expect(lifetime).toBeLessThanOrEqual(601_000);
      // The token rides in the fragment, which browsers never send to a server.
      expect(res.body.url).toBe(`http://127.0.0.1/embed/seller-overview#token=${res.body.token}`);
    });

    it('puts the theme in the iframe URL and honours a chosen lifetime', async () => {
      const res = await requestEmbed('alpine', {
        dashboard: 'seller-overview/sales-trend',
        ttlSeconds: 3600,
        theme: { 'color-accent': '#c23b6f', 'font-sans': 'Georgia, serif' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const url = new URL(res.body.url);
      expect(url.pathname).toBe('/embed/seller-overview/sales-trend');
      expect(url.searchParams.get('color-accent')).toBe('#c23b6f');
      expect(url.searchParams.get('font-sans')).toBe('Georgia, serif');
      expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(3_590_000);
    });

    it("refuses a manufacturer another company's dashboard and the executive dashboard", async () => {
      expectProblem(
        await requestEmbed('alpine', { dashboard: 'seller-overview', companyId: companyIds.pacific }),
        403,
        'embed_other_company',
        'companyId',
      );
      expectProblem(await requestEmbed('alpine', { dashboard: 'executive' }), 403, 'embed_not_allowed');
    });

    it('refuses a retailer any dashboard, and a caller who is not signed in', async () => {
      expectProblem(await requestEmbed('buyer', { dashboard: 'seller-overview' }), 403, 'embed_not_allowed');
      expectProblem(await requestEmbed('buyer', { dashboard: 'executive' }), 403, 'embed_not_allowed');
      const anonymous = await tp.http('POST', '/api/v1/embed-tokens', {
        body: { dashboard: 'seller-overview' },
      });
      expectProblem(anonymous, 401, 'missing_token');
    });

    it("lets platform staff embed the executive dashboard, or a manufacturer's dashboard they name", async () => {
      expect((await requestEmbed('exec', { dashboard: 'executive' })).body.dashboard).toBe('executive');
      expectProblem(
        await requestEmbed('exec', { dashboard: 'seller-overview' }),
        422,
        'company_required',
        'companyId',
      );
      const pacific = await requestEmbed('exec', {
        dashboard: 'seller-overview',
        companyId: companyIds.pacific,
      });
      expect(pacific.status).toBe(201);
      expect(pacific.body.companyId).toBe(companyIds.pacific);
      expectProblem(
        await requestEmbed('exec', { dashboard: 'seller-overview', companyId: companyIds.buyer }),
        404,
        'manufacturer_not_found',
      );
      expectProblem(
        await requestEmbed('exec', { dashboard: 'executive', companyId: companyIds.pacific }),
        422,
        'company_not_applicable',
        'companyId',
      );
    });

    it('names the field at fault in a bad request', async () => {
      const bad = async (body: object, field: string) =>
        expectProblem(await requestEmbed('alpine', body), 400, 'invalid_request', field);
      await bad({ dashboard: 'seller-overview/payroll' }, 'dashboard');
      await bad({ dashboard: 'seller-overview', ttlSeconds: 90_000 }, 'ttlSeconds');
      await bad({ dashboard: 'seller-overview', ttlSeconds: 10 }, 'ttlSeconds');
      await bad(
        { dashboard: 'seller-overview', allowedOrigins: ['https://shop.example/page'] },
        'allowedOrigins.0',
      );
      await bad(
        { dashboard: 'seller-overview', theme: { 'color-accent': 'url(https://evil.example/x)' } },
        'theme.color-accent',
      );
      const unknownToken = await requestEmbed('alpine', {
        dashboard: 'seller-overview',
        theme: { 'sidebar-width': '0' },
      });
      expectProblem(unknownToken, 400, 'invalid_request', 'theme');
      expect(unknownToken.body.detail).toContain('sidebar-width');
    });
  });

  describe('what a token opens', () => {
    it("shows the issuing manufacturer's own figures, the same as its dashboard in the app", async () => {
      const token = await embedToken('alpine', { dashboard: 'seller-overview' });
      const embedded = gmvOf(await load(token, { measures: ['orders.gmv'] }));
      expect(embedded).toBeGreaterThan(0);
      expect(embedded).toBe(await gmvWithAccessToken('alpine'));
      expect(embedded).toBeLessThan(await gmvWithAccessToken('exec'));
    });

    it("returns no rows of another company, however the query filters on that company's id", async () => {
      const token = await embedToken('alpine', { dashboard: 'seller-overview' });
      const foreign = await load(token, {
        measures: ['orders.gmv'],
        dimensions: ['orders.seller_company_id'],
        filters: [{ member: 'orders.seller_company_id', operator: 'equals', values: [companyIds.pacific] }],
      });
      expect(foreign.status).toBe(200);
      expect(foreign.body.data).toEqual([]);
      const either = await load(token, {
        measures: ['orders.gmv'],
        dimensions: ['orders.seller_company_id'],
        filters: [
          {
            or: [
              { member: 'orders.seller_company_id', operator: 'equals', values: [companyIds.pacific] },
              { member: 'orders.seller_company_id', operator: 'set' },
            ],
          },
        ],
      });
      expect(either.status).toBe(200);
      expect(either.body.data.map((r: Record<string, string>) => r['orders.seller_company_id'])).toEqual([
        companyIds.alpine,
      ]);
    });

    it("gives staff who embed a manufacturer's dashboard that manufacturer's figures only", async () => {
      const token = await embedToken('exec', { dashboard: 'seller-overview', companyId: companyIds.pacific });
      const embedded = gmvOf(await load(token, { measures: ['orders.gmv'] }));
      expect(embedded).toBeGreaterThan(0);
      expect(embedded).toBe(await gmvWithAccessToken('pacific'));
      // The executive dashboard's figures come from the daily rollup, so its token opens that and not `orders`.
      const executive = await embedToken('exec', { dashboard: 'executive' });
      const rolled = await load(executive, { measures: ['daily_gmv.gmv'] });
      expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
      expect(Number(rolled.body.data[0]['daily_gmv.gmv'])).toBe(await gmvWithAccessToken('exec'));
      expectProblem(await load(executive, { measures: ['orders.gmv'] }), 403, 'outside_embedded_dashboard');
    });

    it("refuses a cube the dashboard does not use, and a single chart's token the rest of its dashboard", async () => {
      const token = await embedToken('alpine', { dashboard: 'seller-overview' });
      expectProblem(await load(token, { measures: ['refunds.count'] }), 403, 'outside_embedded_dashboard');
      expectProblem(
        await load(token, { measures: ['orders.gmv'], dimensions: ['seller_sales.buyer_city'] }),
        403,
        'outside_embedded_dashboard',
      );
      const chart = await embedToken('alpine', { dashboard: 'seller-overview/top-products' });
      expect(
        (await load(chart, { measures: ['order_lines.revenue'], dimensions: ['products.name'] })).status,
      ).toBe(200);
      expectProblem(await load(chart, { measures: ['orders.gmv'] }), 403, 'outside_embedded_dashboard');
      const cubes = (await withEmbed('GET', '/cubejs-api/v1/meta', chart)).body.cubes.map(
        (c: { name: string }) => c.name,
      );
      expect(cubes.sort()).toEqual(['order_lines', 'products']);
    });

    it("also answers the GET form Cube's client sends", async () => {
      const token = await embedToken('alpine', { dashboard: 'seller-overview' });
      const query = encodeURIComponent(JSON.stringify({ measures: ['orders.gmv'] }));
      const res = await withEmbed('GET', `/cubejs-api/v1/load?query=${query}&queryType=multi`, token);
      expect(gmvOf({ ...res, body: res.body.results[0] })).toBe(await gmvWithAccessToken('alpine'));
    });
  });

  describe('what a token never opens', () => {
    it('refuses an embed token on every other route: SQL, dry runs, the API, minting more tokens', async () => {
      const token = await embedToken('alpine', { dashboard: 'seller-overview' });
      const query = encodeURIComponent(JSON.stringify({ measures: ['orders.gmv'] }));
      for (const [method, route] of [
        ['GET', `/cubejs-api/v1/sql?query=${query}`],
        ['GET', `/cubejs-api/v1/dry-run?query=${query}`],
        ['GET', '/api/v1/me'],
        ['GET', '/api/v1/orders'],
        ['POST', '/api/v1/embed-tokens'],
      ] as const) {
        const res = await withEmbed(
          method,
          route,
          token,
          method === 'POST' ? { dashboard: 'seller-overview' } : undefined,
        );
        expectProblem(res, 403, 'embed_token_not_allowed');
        expect(res.body.detail).toMatch(/use an access token/);
      }
      // Sent as if it were an access token, it is not one.
      expectProblem(await tp.http('GET', '/api/v1/me', { token }), 401, 'invalid_token');
      expectProblem(
        await tp.http('POST', '/cubejs-api/v1/load', {
          token,
          body: { query: { measures: ['orders.gmv'] } },
        }),
        401,
        'invalid_token',
      );
    });

    it('refuses an access token presented as an embed token', async () => {
      const res = await load(tokens.alpine!, { measures: ['orders.gmv'] });
      expectProblem(res, 401, 'invalid_embed_token');
      expect(res.body.detail).toMatch(/not an embed token/);
    });

    it('refuses an altered token and an expired one with a 401 that says which', async () => {
      const token = await embedToken('alpine', { dashboard: 'seller-overview' });
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, cid: companyIds.pacific })).toString(
        'base64url',
      );
      const tampered = await load(`${header}.${forged}.${signature}`, { measures: ['orders.gmv'] });
      expectProblem(tampered, 401, 'invalid_embed_token');
      expect(tampered.body.detail).toMatch(/altered/);
      const wrongDashboard = Buffer.from(JSON.stringify({ ...claims, dsh: 'executive' })).toString(
        'base64url',
      );
      expectProblem(
        await load(`${header}.${wrongDashboard}.${signature}`, { measures: ['orders.gmv'] }),
        401,
        'invalid_embed_token',
      );

      // Issued with the server's own key an hour ago, for ten minutes.
      const anHourAgo = createEmbedTokens(resolveAuthSecret(tp.platform.config), {
        now: () => new Date(Date.now() - 3_600_000),
      });
      const old = await anHourAgo.issue({
        issuerId: claims.sub,
        dashboard: 'seller-overview',
        companyId: companyIds.alpine!,
        ttlSeconds: 600,
      });
      const expired = await load(old.token, { measures: ['orders.gmv'] });
      expectProblem(expired, 401, 'embed_token_expired');
      expect(expired.body.detail).toMatch(/expired/);
      expect(expired.body.error).toBe(expired.body.detail); // what Cube's client shows
    });

    it('stops working as soon as the issuing company is suspended', async () => {
      const seller = await tp.company('manufacturer', 'Short Lived Ceramics');
      const issued = await tp.http('POST', '/api/v1/embed-tokens', {
        token: seller.token,
        body: { dashboard: 'seller-overview' },
      });
      expect(issued.status, JSON.stringify(issued.body)).toBe(201);
      expect((await load(issued.body.token, { measures: ['orders.gmv'] })).status).toBe(200);
      const suspended = await tp.http('POST', `/api/v1/admin/companies/${seller.companyId}/suspend`, {
        token: tokens.admin,
        body: { reason: 'Embed test: suspension ends embeds' },
      });
      expect(suspended.status, JSON.stringify(suspended.body)).toBeLessThan(300);
      expectProblem(await load(issued.body.token, { measures: ['orders.gmv'] }), 401, 'company_suspended');
    });
  });
});
