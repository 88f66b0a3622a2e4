/**
 * Catalog and inventory, as sellers, buyers and admins see them, on embedded and distributed modes: listing
 * with variants and private unit cost, publishing (verified companies only), stock as the sum of its
 * movements, search, CSV import/export, moderation, the manufacturer directory, and a tenant-isolation matrix.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/domain-event.ts';
import {
  PASSWORD,
  startTestPlatform,
  type HttpResult,
  type Mode,
  type TestPlatform,
} from './test-platform.ts';
import { expectProblem } from './expect-problem.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const mugs = {
  sku: 'MUG',
  name: 'Stoneware mug',
  description: 'Hand-thrown stoneware mug, dishwasher safe.',
  category: 'drinkware',
  currency: 'USD',
  status: 'draft',
  images: ['https://cdn.example.test/mug-1.jpg', 'catalog/mug-2.jpg'],
  specifications: [{ name: 'Material', value: 'Stoneware' }],
  certifications: ['FSC'],
  leadTimeDays: 7,
  variants: [
    {
      sku: 'MUG-S',
      options: { size: '250ml' },
      priceMinor: 900,
      priceTiers: [{ minQuantity: 24, priceMinor: 800 }],
      moq: 6,
      casePack: 6,
      unitCostMinor: 410,
      stock: 120,
    },
    {
      sku: 'MUG-L',
      options: { size: '500ml' },
      priceMinor: 1200,
      moq: 6,
      casePack: 6,
      unitCostMinor: 530,
      stock: 60,
    },
  ],
};

export function catalogScenario(mode: Mode) {
  describe(`catalog and inventory on ${mode}`, () => {
    let tp: TestPlatform;
    let seller: Company;
    let rival: Company;
    let buyer: Company;
    let admin: Company;
    let mugId: string;
    let variants: Array<{ id: string; sku: string }>;

    const count = async (table: 'products' | 'outbox' | 'inventory_movements') =>
      Number(
        (
          await tp.platform.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      tp = await startTestPlatform(mode, { startPipeline: false });
      seller = await tp.company('manufacturer', 'Acme Pottery');
      rival = await tp.company('manufacturer', 'Rival Works');
      buyer = await tp.company('retailer', 'Corner Shop');
      admin = await tp.company('platform', 'Wholesail HQ', 'admin');
      const res = await tp.http('POST', '/api/v1/products', { token: seller.token, body: mugs });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      mugId = res.body.id;
      variants = res.body.variants;
    }, 120_000);
    afterAll(async () => tp?.close());

    it('has a category tree of about 40 categories, three levels deep', async () => {
      const res = await tp.http('GET', '/api/v1/categories');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(40);
      expect(Math.max(...res.body.items.map((c: { depth: number }) => c.depth))).toBe(3);
      const drinkware = res.body.items.find((c: { slug: string }) => c.slug === 'drinkware');
      expect(drinkware.path).toBe('home/kitchen/drinkware');
    });

    it('keeps a draft, its unit cost and its stock to the seller until it is published', async () => {
      const own = await tp.http('GET', `/api/v1/catalog/products/${mugId}`, { token: seller.token });
      expect(own.body).toMatchObject({
        status: 'draft',
        category: { slug: 'drinkware' },
        images: mugs.images,
        certifications: ['FSC'],
        leadTimeDays: 7,
        priceMinor: 900,
        moq: 6,
        stock: 180,
      });
      expect(own.body.variants.map((v: { unitCostMinor: number }) => v.unitCostMinor)).toEqual([410, 530]);
      expect((await tp.http('GET', `/api/v1/products/${mugId}`)).status).toBe(404);
      expect((await tp.http('GET', '/api/v1/products?q=stoneware')).body.total).toBe(0);

      const published = await tp.http('POST', `/api/v1/catalog/products/${mugId}/publish`, {
        token: seller.token,
      });
      expect(published.body.status).toBe('published');
      const page = await tp.http('GET', `/api/v1/products/${mugId}`);
      expect(page.status).toBe(200);
      expect(page.body.variants[0]).toMatchObject({
        sku: 'MUG-S',
        priceTiers: [{ minQuantity: 24, priceMinor: 800 }],
      });
      expect(JSON.stringify(page.body)).not.toMatch(/unitCost|moderation|onHand|status/);
      const types = await tp.platform.db
        .selectFrom('outbox')
        .select('type')
        .where('aggregate_id', '=', mugId)
        .execute();
      expect(types.map((t) => t.type)).toEqual(
        expect.arrayContaining(['product.listed', 'product.inventory_moved', 'product.published']),
      );
    });

    it('lets only a verified manufacturer (KYB approved) publish', async () => {
      const pending = await tp.company('manufacturer', 'Pending Ltd', undefined, { kyb: 'none' });
      const email = `cm-${Date.now()}@example.test`;
      await tp.platform.services.identity.addMember(
        pending.companyId,
        { email, password: PASSWORD, role: 'catalog_manager' },
        systemActor,
      );
      const token = await tp.login(email);
      const body = { sku: 'P-1', name: 'Pending pot', priceMinor: 500, currency: 'EUR', stock: 3 };
      expectProblem(
        await tp.http('POST', '/api/v1/products', { token, body }),
        403,
        'company_not_verified',
        'status',
      );
      const draft = await tp.http('POST', '/api/v1/products', { token, body: { ...body, status: 'draft' } });
      expect(draft.status).toBe(201);
      expectProblem(
        await tp.http('POST', `/api/v1/catalog/products/${draft.body.id}/publish`, { token }),
        403,
        'company_not_verified',
      );
    });

    it('keeps every stock level equal to the sum of its movements, through receipts, reservations and orders', async () => {
      const [small, large] = variants;
      const loc = await tp.http('POST', '/api/v1/inventory/locations', {
        token: seller.token,
        body: { code: 'EAST', name: 'East coast', country: 'US', city: 'Newark' },
      });
      expect(loc.status).toBe(201);
      const move = (body: object) =>
        tp.http('POST', '/api/v1/inventory/movements', { token: seller.token, body });
      expect(
        (await move({ variantId: small!.id, locationId: loc.body.id, kind: 'receipt', quantity: 48 })).body,
      ).toMatchObject({
        onHand: 48,
        available: 48,
      });
      expect((await move({ variantId: small!.id, kind: 'reservation', quantity: 20 })).body).toMatchObject({
        onHand: 120,
        reserved: 20,
        available: 100,
      });
      expectProblem(
        await move({ variantId: large!.id, kind: 'reservation', quantity: 61 }),
        409,
        'insufficient_stock',
        'quantity',
      );
      expect((await move({ variantId: small!.id, kind: 'release', quantity: 5 })).body.reserved).toBe(15);
      expect(
        (await move({ variantId: large!.id, kind: 'adjustment', quantity: -6, note: 'breakage' })).body
          .onHand,
      ).toBe(54);

      // Orders: by variant (tier price from 24 units), product-only lines need a single-variant product, MOQ holds.
      const order = (lines: object[]) =>
        tp.http('POST', '/api/v1/orders', { token: buyer.token, body: { lines } });
      expectProblem(
        await order([{ productId: mugId, quantity: 6 }]),
        422,
        'variant_required',
        'lines.0.variantId',
      );
      expectProblem(
        await order([{ variantId: small!.id, quantity: 3 }]),
        422,
        'below_moq',
        'lines.0.quantity',
      );
      expectProblem(
        await order([{ variantId: small!.id, quantity: 504 }]),
        409,
        'insufficient_stock',
        'lines.0.quantity',
      );
      const placed = await order([
        { variantId: small!.id, quantity: 150 },
        { variantId: large!.id, quantity: 6 },
      ]);
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      expect(placed.body.lines[0]).toMatchObject({
        variantId: small!.id,
        unitPriceMinor: 800,
        lineTotalMinor: 120_000,
      });
      expect(placed.body.subtotalMinor).toBe(120_000 + 6 * 1200);

      const sales = await tp.http('GET', `/api/v1/inventory/movements?variantId=${small!.id}`, {
        token: seller.token,
      });
      expect(
        sales.body.items
          .filter((m: { kind: string }) => m.kind === 'sale')
          .reduce((s: number, m: { onHandDelta: number }) => s + m.onHandDelta, 0),
      ).toBe(-150);

      const drift = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM inventory_levels l
        LEFT JOIN (SELECT variant_id, location_id, sum(on_hand_delta) AS oh, sum(reserved_delta) AS rs
                   FROM inventory_movements GROUP BY 1, 2) m USING (variant_id, location_id)
        WHERE l.on_hand <> coalesce(m.oh, 0) OR l.reserved <> coalesce(m.rs, 0)`.execute(tp.platform.db);
      expect(drift.rows[0]!.n).toBe(0);
      const stock = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM products p WHERE p.stock <> (SELECT coalesce(sum(l.on_hand - l.reserved), 0)
          FROM inventory_levels l JOIN product_variants v ON v.id = l.variant_id WHERE v.product_id = p.id)`.execute(
        tp.platform.db,
      );
      expect(stock.rows[0]!.n).toBe(0);
      const levels = await tp.http('GET', `/api/v1/inventory/levels?productId=${mugId}`, {
        token: seller.token,
      });
      expect(levels.body.items.reduce((s: number, l: { available: number }) => s + l.available, 0)).toBe(
        120 + 48 - 15 - 150 + 54 - 6,
      );
    });

    it('edits prices and stock in bulk, all or nothing, and audits each price change', async () => {
      const before = await count('inventory_movements');
      const bad = await tp.http('POST', '/api/v1/catalog/bulk-edit', {
        token: seller.token,
        body: {
          items: [
            { sku: 'MUG-L', priceMinor: 1100 },
            { sku: 'NOPE', stock: 1 },
          ],
        },
      });
      expectProblem(bad, 422, 'invalid_bulk_edit', 'items.1.sku');
      expect(await count('inventory_movements')).toBe(before);
      const ok = await tp.http('POST', '/api/v1/catalog/bulk-edit', {
        token: seller.token,
        body: {
          items: [
            { sku: 'MUG-L', priceMinor: 1100, stock: 100 },
            { sku: 'MUG-S', unitCostMinor: 400 },
          ],
        },
      });
      expect(ok.body).toEqual({ updated: 2 });
      const own = await tp.http('GET', `/api/v1/catalog/products/${mugId}`, { token: seller.token });
      const large = own.body.variants.find((v: { sku: string }) => v.sku === 'MUG-L');
      expect(large).toMatchObject({ priceMinor: 1100, unitCostMinor: 530 });
      const audit = await tp.http(
        'GET',
        `/api/v1/admin/audit-log?targetId=${mugId}&action=product.price_changed`,
        {
          token: admin.token,
        },
      );
      expect(audit.body.items[0]).toMatchObject({
        before: { priceMinor: 1200 },
        after: { priceMinor: 1100 },
      });
    });

    it('finds products by keyword despite typos, ranks the best match first, filters, sorts and pages', async () => {
      const list = (body: object) => tp.http('POST', '/api/v1/products', { token: rival.token, body });
      await list({
        sku: 'R-1',
        name: 'Stoneware serving bowl',
        category: 'tableware',
        priceMinor: 2500,
        currency: 'USD',
        stock: 10,
        moq: 12,
        certifications: ['GOTS'],
      });
      await list({
        sku: 'R-2',
        name: 'Linen tea towel',
        category: 'bedding',
        priceMinor: 700,
        currency: 'EUR',
        stock: 10,
        description: 'Goes well with a stoneware mug',
      });
      await list({
        sku: 'R-3',
        name: 'Enamel camping mug',
        category: 'camping',
        priceMinor: 650,
        currency: 'USD',
        stock: 10,
      });
      const search = (query: string) => tp.http('GET', `/api/v1/products?${query}`);

      const typo = await search('q=stonware%20mugg');
      expect(typo.body.items[0].name).toBe('Stoneware mug');
      const ranked = await search('q=stoneware');
      expect(
        ranked.body.items
          .map((p: { name: string }) => p.name)
          .slice(0, 2)
          .sort(),
      ).toEqual(['Stoneware mug', 'Stoneware serving bowl']);
      expect(ranked.body.items.map((p: { name: string }) => p.name)).toContain('Linen tea towel'); // description, ranked lower
      expect((await search('q=mug')).body.items.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['Stoneware mug', 'Enamel camping mug']),
      );
      const kitchen = await search('category=kitchen');
      expect(kitchen.body.items.map((p: { sku: string }) => p.sku).sort()).toEqual(['MUG', 'R-1']);
      const cheap = await search('currency=USD&minPrice=600&maxPrice=1000&sort=price_asc');
      expect(cheap.body.items.map((p: { sku: string }) => p.sku)).toEqual(['R-3', 'MUG']);
      expect((await search('maxMoq=6')).body.items.map((p: { sku: string }) => p.sku)).not.toContain('R-1');
      expect((await search('certification=GOTS')).body.items.map((p: { sku: string }) => p.sku)).toEqual([
        'R-1',
      ]);
      expect((await search('country=FR')).body.total).toBe(0);
      expect((await search('verifiedOnly=true')).body.total).toBe(4);
      const popular = await search('sort=popularity&limit=1');
      expect(popular.body.items[0].sku).toBe('MUG');
      const page2 = await search('sort=newest&limit=2&offset=2');
      expect(page2.body).toMatchObject({ total: 4 });
      expect(page2.body.items).toHaveLength(2);
      const page = await tp.http('GET', `/api/v1/products/${mugId}`);
      expect(page.body.related.map((p: { sku: string }) => p.sku)).toContain('R-1'); // same parent category
      expectProblem(await search('minPrice=100'), 400, 'invalid_request', 'currency');
      expectProblem(await search('sort=cheapest'), 400, 'invalid_request', 'sort');
    });

    it('imports a CSV all or nothing with a per-row report, and exports the same columns', async () => {
      const header =
        'product_sku,name,category,description,currency,status,lead_time_days,certifications,images,specifications,variant_sku,options,price_minor,price_tiers,moq,case_pack,unit_cost_minor,stock';
      const good = [
        header,
        'TEE,Organic tee,t-shirts,Soft,GBP,published,5,GOTS|Organic,img/tee.jpg,Fabric=Cotton,TEE-S,size=S,1200,24:1100|96:1000,12,12,500,240',
        'TEE,,,,,,,,,,TEE-M,size=M,1200,,12,12,500,120',
        'CARD,Birthday card,cards,,GBP,draft,2,,,,,,250,,1,1,,1000',
      ].join('\n');
      const bad = [
        header,
        'SOCK,Wool socks,knitwear,,GBP,published,5,,,,SOCK-1,,abc,,1,1,,10',
        'HAT,Beanie,no-such-category,,GBP,published,5,,,,,,900,,1,1,,10',
        'OK,Fine,knitwear,,GBP,published,5,,,,,,900,,1,1,,10',
      ].join('\n');
      const products = await count('products');
      const rejected = await tp.http('POST', '/api/v1/catalog/import', {
        token: rival.token,
        body: { csv: bad },
      });
      expectProblem(rejected, 422, 'csv_rows_invalid', 'rows.2.price_minor');
      expect(rejected.body.fields.map((f: { field: string }) => f.field)).toContain('rows.3.category');
      expect(await count('products')).toBe(products);
      const dry = await tp.http('POST', '/api/v1/catalog/import', {
        token: rival.token,
        body: { csv: bad, dryRun: true },
      });
      expect(dry.body).toMatchObject({ dryRun: true, rows: 3, imported: 0 });
      expect(dry.body.errors).toHaveLength(2);

      const imported = await tp.http('POST', '/api/v1/catalog/import', {
        token: rival.token,
        body: { csv: good },
      });
      expect(imported.body, JSON.stringify(imported.body)).toMatchObject({
        rows: 3,
        products: 2,
        imported: 2,
        errors: [],
      });
      const tee = (await tp.http('GET', '/api/v1/products?q=organic%20tee')).body.items[0];
      const teePage = await tp.http('GET', `/api/v1/products/${tee.id}`);
      expect(
        teePage.body.variants.map((v: { sku: string; available: number }) => [v.sku, v.available]),
      ).toEqual([
        ['TEE-S', 240],
        ['TEE-M', 120],
      ]);
      const again = await tp.http('POST', '/api/v1/catalog/import', {
        token: rival.token,
        body: { csv: good },
      });
      expectProblem(again, 422, 'csv_rows_invalid', 'rows.2.product_sku');

      const exported = await tp.http('GET', '/api/v1/catalog/export', { token: rival.token });
      expect(exported.type).toContain('text/csv');
      const lines = (exported.body as string).trim().split('\n');
      expect(lines[0]).toBe(header);
      expect(lines.find((l) => l.startsWith('TEE,'))).toContain('24:1100|96:1000');
      expect(exported.body).not.toContain('MUG'); // only the caller's own products
    });

    it('lets an admin hide a listing with a reason the seller sees, audited, and keeps it out of search', async () => {
      expectProblem(
        await tp.http('POST', `/api/v1/admin/products/${mugId}/hide`, {
          token: seller.token,
          body: { reason: 'nope' },
        }),
        403,
        'forbidden',
      );
      const hidden = await tp.http('POST', `/api/v1/admin/products/${mugId}/hide`, {
        token: admin.token,
        body: { reason: 'Images show a competitor brand' },
      });
      expect(hidden.body).toMatchObject({ hidden: true, reason: 'Images show a competitor brand' });
      expect((await tp.http('GET', `/api/v1/products/${mugId}`)).status).toBe(404);
      expect(
        (await tp.http('GET', '/api/v1/products?q=stoneware%20mug')).body.items.map(
          (p: { id: string }) => p.id,
        ),
      ).not.toContain(mugId);
      const own = await tp.http('GET', `/api/v1/catalog/products/${mugId}`, { token: seller.token });
      expect(own.body.moderation).toMatchObject({ hidden: true, reason: 'Images show a competitor brand' });
      const rivalView = await tp.http('GET', `/api/v1/catalog/products/${mugId}`, { token: rival.token });
      expect(rivalView.status).toBe(404);
      expectProblem(
        await tp.http('POST', '/api/v1/orders', {
          token: buyer.token,
          body: { lines: [{ variantId: variants[0]!.id, quantity: 6 }] },
        }),
        422,
        'product_unavailable',
      );
      const audit = await tp.http('GET', `/api/v1/admin/audit-log?targetId=${mugId}&action=product.hidden`, {
        token: admin.token,
      });
      expect(audit.body.items[0]).toMatchObject({
        reason: 'Images show a competitor brand',
        target: { companyId: seller.companyId },
      });
      await tp.http('POST', `/api/v1/admin/products/${mugId}/unhide`, {
        token: admin.token,
        body: { reason: 'Fixed images' },
      });
      expect((await tp.http('GET', `/api/v1/products/${mugId}`)).status).toBe(200);
    });

    it('lists manufacturers in a public directory with profile pages of their published products', async () => {
      const list = await tp.http('GET', '/api/v1/manufacturers?q=acme');
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: seller.companyId,
          name: 'Acme Pottery',
          verified: true,
          // A verified newcomer: 25 + half of each history part, no tenure yet (trust-score.ts).
          trustBadge: 'verified',
          trustScore: 58,
          productCount: 1,
        }),
      ]);
      const profile = await tp.http('GET', `/api/v1/manufacturers/${rival.companyId}`);
      const skus = profile.body.products.map((p: { sku: string }) => p.sku);
      expect(skus).toContain('TEE');
      expect(skus).not.toContain('CARD'); // a draft
      expect(JSON.stringify(profile.body)).not.toMatch(/unitCost|taxId|registrationNumber|parts/);
      expectProblem(
        await tp.http('GET', `/api/v1/manufacturers/${buyer.companyId}`),
        404,
        'manufacturer_not_found',
      );
    });

    describe("a member of another company can neither read nor change a seller's private data", () => {
      const cases: Array<[string, (ctx: { token: string }) => Promise<HttpResult>, number[]]> = [
        [
          'read a product (drafts, unit cost, moderation)',
          ({ token }) => tp.http('GET', `/api/v1/catalog/products/${mugId}`, { token }),
          [403, 404],
        ],
        [
          'edit a product',
          ({ token }) =>
            tp.http('PATCH', `/api/v1/catalog/products/${mugId}`, { token, body: { name: 'Mine now' } }),
          [403, 404],
        ],
        [
          'unpublish a product',
          ({ token }) => tp.http('POST', `/api/v1/catalog/products/${mugId}/unpublish`, { token }),
          [403, 404],
        ],
        [
          'change prices or stock',
          ({ token }) =>
            tp.http('POST', '/api/v1/catalog/bulk-edit', {
              token,
              body: { items: [{ sku: 'MUG-S', priceMinor: 1 }] },
            }),
          [403, 422],
        ],
        [
          'move stock',
          ({ token }) =>
            tp.http('POST', '/api/v1/inventory/movements', {
              token,
              body: { variantId: variants[0]!.id, kind: 'adjustment', quantity: -1 },
            }),
          [403, 404],
        ],
        [
          'hide a listing',
          ({ token }) =>
            tp.http('POST', `/api/v1/admin/products/${mugId}/hide`, { token, body: { reason: 'rival' } }),
          [403],
        ],
      ];
      it.each(cases)('cannot %s', async (_what, attempt, statuses) => {
        const before = await tp.http('GET', `/api/v1/catalog/products/${mugId}`, { token: seller.token });
        for (const token of [rival.token, buyer.token]) {
          const res = await attempt({ token });
          expect(statuses, JSON.stringify(res.body)).toContain(res.status);
          expect(res.type).toContain('application/problem+json');
        }
        expect((await attempt({ token: '' })).status).toBe(401);
        const after = await tp.http('GET', `/api/v1/catalog/products/${mugId}`, { token: seller.token });
        expect(after.body).toEqual(before.body);
      });

      it('sees only its own products, levels, movements and export', async () => {
        const lists = await Promise.all([
          tp.http('GET', '/api/v1/catalog/products?limit=100', { token: rival.token }),
          tp.http('GET', '/api/v1/inventory/levels?limit=100', { token: rival.token }),
          tp.http('GET', '/api/v1/inventory/movements?limit=100', { token: rival.token }),
          tp.http('GET', '/api/v1/inventory/locations', { token: rival.token }),
        ]);
        const text = JSON.stringify(lists.map((l) => l.body));
        expect(text).not.toContain(mugId);
        expect(text).not.toContain('MUG-S');
        expect(text).not.toContain('EAST');
        expect(lists[0]!.body.items.length).toBeGreaterThan(0);
        for (const route of [
          '/api/v1/catalog/products',
          '/api/v1/inventory/levels',
          '/api/v1/catalog/export',
        ])
          expectProblem(await tp.http('GET', route, { token: buyer.token }), 403, 'forbidden');
      });
    });

    it.each([
      ['no price', { sku: 'X', name: 'X', currency: 'USD' }, 'priceMinor'],
      [
        '11 images',
        { sku: 'X', name: 'X', currency: 'USD', priceMinor: 1, stock: 1, images: Array(11).fill('a.jpg') },
        'images',
      ],
      ['a bad currency', { sku: 'X', name: 'X', currency: 'JPY', priceMinor: 1, stock: 1 }, 'currency'],
      [
        'an unknown category',
        { sku: 'X', name: 'X', currency: 'USD', priceMinor: 1, stock: 1, category: 'nowhere' },
        'category',
      ],
      [
        'tiers out of order',
        {
          sku: 'X',
          name: 'X',
          currency: 'USD',
          priceMinor: 9,
          stock: 1,
          priceTiers: [
            { minQuantity: 10, priceMinor: 8 },
            { minQuantity: 5, priceMinor: 7 },
          ],
        },
        'priceTiers',
      ],
      [
        'a tier below the MOQ',
        {
          sku: 'X',
          name: 'X',
          currency: 'USD',
          priceMinor: 9,
          stock: 1,
          moq: 10,
          priceTiers: [{ minQuantity: 5, priceMinor: 8 }],
        },
        'priceTiers',
      ],
      [
        'a repeated variant SKU',
        {
          sku: 'X',
          name: 'X',
          currency: 'USD',
          variants: [
            { sku: 'V', priceMinor: 1 },
            { sku: 'V', priceMinor: 2 },
          ],
        },
        'variants.1.sku',
      ],
      ['a taken SKU', { sku: 'MUG', name: 'X', currency: 'USD', priceMinor: 1, stock: 1 }, 'sku'],
      [
        'a negative unit cost',
        { sku: 'X', name: 'X', currency: 'USD', priceMinor: 1, stock: 1, unitCostMinor: -1 },
        'unitCostMinor',
      ],
    ])('refuses a product with %s, naming the field', async (_what, body, field) => {
      const res = await tp.http('POST', '/api/v1/products', { token: seller.token, body });
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it.each([
      ['GET', '/api/v1/products/not-a-uuid', undefined, 'id'],
      ['GET', '/api/v1/products?limit=0', undefined, 'limit'],
      ['GET', '/api/v1/products?verifiedOnly=yes', undefined, 'verifiedOnly'],
      ['GET', '/api/v1/manufacturers?country=USA', undefined, 'country'],
      ['POST', '/api/v1/inventory/movements', { variantId: 'x', kind: 'receipt', quantity: 1 }, 'variantId'],
      [
        'POST',
        '/api/v1/inventory/movements',
        { variantId: '01900000-0000-7000-8000-000000000000', kind: 'sale', quantity: 1 },
        'kind',
      ],
      ['POST', '/api/v1/catalog/import', { csv: '"unterminated' }, 'csv'],
      ['POST', '/api/v1/catalog/import', { csv: 'a,b\n1,2' }, 'csv'],
      ['POST', '/api/v1/catalog/bulk-edit', { items: [] }, 'items'],
      ['PATCH', `/api/v1/catalog/products/01900000-0000-7000-8000-000000000000`, {}, 'body'],
    ])(
      'answers %s %s with bad input as a 4xx problem naming the field',
      async (method, route, body, field) => {
        const res = await tp.http(method, route, {
          token: seller.token,
          ...(body !== undefined ? { body } : {}),
        });
        expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.type).toContain('application/problem+json');
        expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      },
    );
  });
}
