/**
 * Row-level rules are applied to every query whatever it asks for. These tests compile real queries with
 * Cube's compiler and read the SQL the warehouse would run.
 */
import { createQuery } from '@cubejs-backend/schema-compiler';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../platform/principal.ts';
import { compileModel, MODEL_DIR, type CompiledModel } from './compiler.ts';
import { parseCubeQuery } from './query.ts';
import { secureQuery, securityContextFor } from './security.ts';

const SELLER = '01900000-0000-7000-8000-00000000000a';
const OTHER = '01900000-0000-7000-8000-00000000000b';
const who = (companyKind: Principal['companyKind'], role = 'owner'): Principal => ({
  userId: 'u',
  companyId: SELLER,
  companyKind,
  role,
  permissions: [],
});

describe('row-level security in the semantic layer', () => {
  let model: CompiledModel;
  beforeAll(async () => {
    model = await compileModel(MODEL_DIR);
  });

  const sqlFor = (principal: Principal, raw: unknown) => {
    const secured = secureQuery(model, parseCubeQuery(raw), securityContextFor(principal));
    const [sql, params] = createQuery(model, 'clickhouse', {
      ...secured,
      timezone: 'UTC',
      useNativeSqlPlanner: false,
    }).buildSqlAndParams();
    return { sql: sql as string, params: params as unknown[], secured };
  };

  it("confines a manufacturer to its own company's orders", () => {
    const { sql, params } = sqlFor(who('manufacturer'), { measures: ['orders.gmv'] });
    expect(sql).toMatch(/seller_company_id = \?/);
    expect(params).toEqual([SELLER]);
  });

  it('confines a retailer to its own purchases', () => {
    const { sql, params } = sqlFor(who('retailer'), { measures: ['orders.gmv'] });
    expect(sql).toMatch(/buyer_company_id = \?/);
    expect(params).toEqual([SELLER]);
  });

  it('lets executives and analysts see every company', () => {
    for (const role of ['executive', 'analyst', 'admin']) {
      const { params } = sqlFor(who('platform', role), { measures: ['orders.gmv'] });
      expect(params).toEqual([]);
    }
  });

  it("ANDs the rule outside a caller's `or`, so asking for another company's id cannot widen it", () => {
    const { secured, params } = sqlFor(who('manufacturer'), {
      measures: ['orders.gmv'],
      filters: [
        {
          or: [
            { member: 'orders.seller_company_id', operator: 'equals', values: [OTHER] },
            { member: 'orders.status', operator: 'set' },
          ],
        },
      ],
    });
    expect(secured.filters).toHaveLength(2);
    expect(secured.filters![1]).toEqual({
      member: 'orders.seller_company_id',
      operator: 'equals',
      values: [SELLER],
    });
    expect(params).toContain(SELLER);
  });

  it('refuses a platform role that no policy names', () => {
    expect(() => sqlFor(who('platform', 'intern'), { measures: ['orders.gmv'] })).toThrow(
      /do not have access to orders/,
    );
  });

  it('keeps a cube without an access policy closed to everyone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'model-'));
    writeFileSync(
      path.join(dir, 'open.yml'),
      'cubes:\n  - name: unguarded\n    sql: SELECT 1 AS x\n    measures:\n      - name: count\n        type: count\n',
    );
    const bare = await compileModel(dir);
    expect(() =>
      secureQuery(
        bare,
        parseCubeQuery({ measures: ['unguarded.count'] }),
        securityContextFor(who('platform', 'admin')),
      ),
    ).toThrow(/do not have access to unguarded/);
  });
});

describe('row- and member-level rules across joined cubes', () => {
  let model: CompiledModel;
  beforeAll(async () => {
    model = await compileModel(MODEL_DIR);
  });
  const secure = (principal: Principal, raw: unknown) =>
    secureQuery(model, parseCubeQuery(raw), securityContextFor(principal));

  it('lets a manufacturer see where its buyers are, but never who they are', () => {
    const where = secure(who('manufacturer'), {
      measures: ['orders.gmv'],
      dimensions: ['buyers.city', 'buyers.latitude'],
    });
    expect(where.filters).toContainEqual({
      member: 'orders.seller_company_id',
      operator: 'equals',
      values: [SELLER],
    });
    expect(() =>
      secure(who('manufacturer'), { measures: ['orders.gmv'], dimensions: ['buyers.name'] }),
    ).toThrow(/buyers\.name/);
    expect(() => secure(who('manufacturer'), { measures: ['buyers.count'] })).toThrow(/buyers\.count/);
    // Filtering on a hidden member is refused too, so it cannot be probed one guess at a time.
    expect(() =>
      secure(who('manufacturer'), {
        measures: ['orders.gmv'],
        filters: [{ member: 'buyers.name', operator: 'startsWith', values: ['A'] }],
      }),
    ).toThrow(/buyers\.name/);
  });

  it('keeps a manufacturer to its own row of the sellers cube', () => {
    const q = secure(who('manufacturer'), { dimensions: ['sellers.name'] });
    expect(q.filters).toEqual([{ member: 'sellers.company_id', operator: 'equals', values: [SELLER] }]);
  });

  it('keeps retailers out of the platform-wide daily GMV and cohorts', () => {
    expect(() => secure(who('retailer'), { measures: ['daily_gmv.gmv'] })).toThrow(/daily_gmv/);
    expect(() => secure(who('manufacturer'), { measures: ['buyer_cohorts.buyers'] })).toThrow(
      /buyer_cohorts/,
    );
    expect(secure(who('manufacturer'), { measures: ['daily_gmv.gmv'] }).filters).toEqual([
      { member: 'daily_gmv.seller_company_id', operator: 'equals', values: [SELLER] },
    ]);
  });

  it("applies every touched cube's rule: lines, products and orders together", () => {
    const q = secure(who('retailer'), {
      measures: ['order_lines.revenue'],
      dimensions: ['products.name', 'orders.status'],
    });
    expect(q.filters).toEqual(
      expect.arrayContaining([
        { member: 'order_lines.buyer_company_id', operator: 'equals', values: [SELLER] },
        { member: 'orders.buyer_company_id', operator: 'equals', values: [SELLER] },
      ]),
    );
  });
});

describe('unit cost, margin and the platform-wide analytics', () => {
  let model: CompiledModel;
  beforeAll(async () => {
    model = await compileModel(MODEL_DIR);
  });
  const secure = (principal: Principal, raw: unknown) =>
    secureQuery(model, parseCubeQuery(raw), securityContextFor(principal));

  it('never lets a retailer near a unit cost or a margin, wherever the member hides in the query', () => {
    const hostile: object[] = [
      { measures: ['order_lines.margin'] },
      { measures: ['order_lines.margin_rate'] },
      { measures: ['order_lines.cost'] },
      { measures: ['order_lines.lines_with_cost'] },
      { measures: ['order_lines.revenue_with_cost'] },
      { measures: ['order_lines.units'], dimensions: ['order_lines.unit_cost'] },
      { measures: ['order_lines.units'], dimensions: ['order_lines.unit_cost_usd'] },
      { measures: ['order_lines.units'], dimensions: ['order_lines.has_cost'] },
      {
        measures: ['order_lines.revenue'],
        filters: [{ member: 'order_lines.unit_cost_usd', operator: 'gt', values: ['0'] }],
      },
      {
        measures: ['order_lines.revenue'],
        filters: [
          {
            or: [
              { member: 'order_lines.buyer_company_id', operator: 'set' },
              { and: [{ member: 'order_lines.unit_cost', operator: 'lt', values: ['100'] }] },
            ],
          },
        ],
      },
      { measures: ['order_lines.revenue'], order: { 'order_lines.margin': 'desc' } },
      { measures: ['category_sales.margin'] },
      { measures: ['category_sales.revenue'] },
    ];
    for (const query of hostile)
      expect(() => secure(who('retailer'), query), JSON.stringify(query)).toThrow(/do not have access/);
    // What it bought stays open to it, by category too.
    expect(
      secure(who('retailer'), {
        measures: ['order_lines.units', 'order_lines.revenue'],
        dimensions: ['order_lines.category_name_path'],
      }).filters,
    ).toEqual([{ member: 'order_lines.buyer_company_id', operator: 'equals', values: [SELLER] }]);
  });

  it("confines a manufacturer's margin, fulfilment and churn figures to its own rows", () => {
    for (const [cube, measure] of [
      ['order_lines', 'margin_rate'],
      ['fulfilment', 'on_time_rate'],
      ['buyer_churn', 'customer_churn_rate'],
      ['platform_revenue', 'churn_rate'],
      ['seller_benchmarks', 'peer_net_gmv_p50'],
    ]) {
      expect(secure(who('manufacturer'), { measures: [`${cube}.${measure}`] }).filters).toEqual([
        { member: `${cube}.seller_company_id`, operator: 'equals', values: [SELLER] },
      ]);
    }
  });

  it('keeps what needs every company (category sales, platform buyer churn) to platform staff', () => {
    expect(() => secure(who('manufacturer'), { measures: ['category_sales.units'] })).toThrow(
      /category_sales/,
    );
    // Whether a customer still buys elsewhere is other manufacturers' business; so is who it is.
    for (const member of ['buyer_churn.churned_buyers', 'buyer_churn.buyer_churn_rate'])
      expect(() => secure(who('manufacturer'), { measures: [member] })).toThrow(member);
    expect(() =>
      secure(who('manufacturer'), {
        measures: ['buyer_churn.churned_customers'],
        dimensions: ['buyer_churn.key'],
      }),
    ).toThrow(/buyer_churn\.key/);
    expect(() => secure(who('retailer'), { measures: ['fulfilment.fulfilment_rate'] })).toThrow(/fulfilment/);
    expect(() => secure(who('retailer'), { measures: ['buyer_churn.churned_customers'] })).toThrow(
      /buyer_churn/,
    );
    expect(secure(who('platform', 'analyst'), { measures: ['category_sales.margin_rate'] }).filters).toEqual(
      [],
    );
  });
});

describe('commission tiers, inventory, product views and searches', () => {
  let model: CompiledModel;
  beforeAll(async () => {
    model = await compileModel(MODEL_DIR);
  });
  const secure = (principal: Principal, raw: unknown) =>
    secureQuery(model, parseCubeQuery(raw), securityContextFor(principal));
  const ownRows = (cube: string) => ({
    member: `${cube}.seller_company_id`,
    operator: 'equals',
    values: [SELLER],
  });

  it("never tells a retailer a manufacturer's volume tier or discount, wherever the member hides", () => {
    const hostile: object[] = [
      { measures: ['orders.gmv'], dimensions: ['orders.tier'] },
      { measures: ['orders.gmv'], dimensions: ['orders.tier_label'] },
      { measures: ['orders.gmv'], dimensions: ['orders.volume_discount_bps'] },
      { measures: ['order_lines.units'], dimensions: ['order_lines.tier'] },
      { dimensions: ['sellers.name', 'sellers.tier'] },
      { measures: ['orders.gmv'], filters: [{ member: 'orders.tier', operator: 'gt', values: ['1'] }] },
      {
        measures: ['orders.gmv'],
        filters: [
          {
            or: [
              { member: 'orders.status', operator: 'set' },
              { member: 'sellers.tier', operator: 'equals', values: ['3'] },
            ],
          },
        ],
      },
      { measures: ['orders.gmv'], order: { 'orders.volume_discount_bps': 'desc' } },
    ];
    for (const query of hostile)
      expect(() => secure(who('retailer'), query), JSON.stringify(query)).toThrow(/do not have access/);
  });

  it('gives a manufacturer GMV by tier over its own orders only, and executives every tier', () => {
    expect(
      secure(who('manufacturer'), {
        measures: ['orders.gmv', 'orders.take_rate'],
        dimensions: ['orders.tier_label'],
      }).filters,
    ).toEqual([ownRows('orders')]);
    expect(secure(who('manufacturer'), { dimensions: ['sellers.tier'] }).filters).toEqual([
      { member: 'sellers.company_id', operator: 'equals', values: [SELLER] },
    ]);
    expect(
      secure(who('platform', 'executive'), { measures: ['orders.take_rate'], dimensions: ['orders.tier'] })
        .filters,
    ).toEqual([]);
  });

  it("confines a manufacturer to its own stock and its own products' views, whatever `or` it sends", () => {
    for (const [cube, measure] of [
      ['inventory', 'days_of_cover'],
      ['inventory', 'current_on_hand'],
      ['product_views', 'conversion_rate'],
      ['product_views', 'unique_viewers'],
    ]) {
      const q = secure(who('manufacturer'), {
        measures: [`${cube}.${measure}`],
        dimensions: ['products.name'],
        filters: [
          {
            or: [
              { member: `${cube}.seller_company_id`, operator: 'equals', values: [OTHER] },
              { member: `${cube}.product_id`, operator: 'set' },
            ],
          },
        ],
      });
      expect(q.filters).toHaveLength(2);
      expect(q.filters![1]).toEqual(ownRows(cube!));
    }
  });

  it('never tells a manufacturer which retailer viewed its products', () => {
    const hostile: object[] = [
      { measures: ['product_views.views'], dimensions: ['product_views.buyer_company_id'] },
      {
        measures: ['product_views.views'],
        filters: [{ member: 'product_views.buyer_company_id', operator: 'equals', values: [OTHER] }],
      },
      {
        measures: ['product_views.views'],
        filters: [
          { and: [{ member: 'product_views.buyer_company_id', operator: 'startsWith', values: ['0'] }] },
        ],
      },
      { measures: ['product_views.views'], order: { 'product_views.buyer_company_id': 'asc' } },
      // Views carry no join to retailers: their names cannot be reached from here at all.
      { measures: ['product_views.views'], dimensions: ['buyers.name'] },
    ];
    for (const query of hostile)
      expect(() => secure(who('manufacturer'), query), JSON.stringify(query)).toThrow(/do not have access/);
  });

  it('keeps what retailers typed to platform staff: no manufacturer or retailer reaches a search', () => {
    const hostile: object[] = [
      { measures: ['searches.count'] },
      { measures: ['searches.count'], dimensions: ['searches.search_terms'] },
      { measures: ['searches.zero_result_rate'] },
      {
        measures: ['orders.gmv'],
        filters: [{ member: 'searches.search_terms', operator: 'contains', values: ['a'] }],
      },
      { measures: ['orders.gmv'], segments: ['searches.found_nothing'] },
      { measures: ['orders.gmv'], order: { 'searches.count': 'desc' } },
    ];
    for (const kind of ['manufacturer', 'retailer'] as const)
      for (const query of hostile)
        expect(() => secure(who(kind), query), `${kind} ${JSON.stringify(query)}`).toThrow(
          /do not have access/,
        );
    for (const role of ['executive', 'admin', 'analyst'])
      expect(
        secure(who('platform', role), { measures: ['searches.count'], dimensions: ['searches.search_terms'] })
          .filters,
      ).toEqual([]);
  });

  it('shows retailers no stock and no product views at all', () => {
    for (const query of [
      { measures: ['inventory.on_hand'] },
      { measures: ['product_views.views'] },
      { measures: ['orders.gmv'], filters: [{ member: 'inventory.sku', operator: 'set' }] },
    ])
      expect(() => secure(who('retailer'), query), JSON.stringify(query)).toThrow(/do not have access/);
  });
});

describe('query limits', () => {
  it('caps every query at the requested limit, and at 10,000 rows when none is given', async () => {
    const { createGateway } = await import('./gateway.ts');
    const model = await compileModel(MODEL_DIR);
    const gateway = createGateway({ model, warehouse: {} as never });
    const admin = who('platform', 'admin');
    expect(
      gateway.sqlFor(admin, { measures: ['orders.gmv'], dimensions: ['orders.status'], limit: 5 }).sql.sql[0],
    ).toMatch(/LIMIT 5\b/);
    expect(
      gateway.sqlFor(admin, { measures: ['orders.gmv'], dimensions: ['orders.status'] }).sql.sql[0],
    ).toMatch(/LIMIT 10000\b/);
  });
});

describe('views', () => {
  let model: CompiledModel;
  beforeAll(async () => {
    model = await compileModel(MODEL_DIR);
  });
  const secure = (principal: Principal, raw: unknown) =>
    secureQuery(model, parseCubeQuery(raw), securityContextFor(principal));

  it("apply the view's own rule: a manufacturer reading seller_sales gets only its rows", () => {
    const q = secure(who('manufacturer'), {
      measures: ['seller_sales.gmv'],
      dimensions: ['seller_sales.buyers_city'],
    });
    expect(q.filters).toEqual([
      { member: 'seller_sales.seller_company_id', operator: 'equals', values: [SELLER] },
    ]);
    const [sql, params] = createQuery(model, 'clickhouse', {
      ...q,
      timezone: 'UTC',
      useNativeSqlPlanner: false,
    }).buildSqlAndParams();
    expect(sql).toMatch(/seller_company_id = \?/);
    expect(params).toEqual([SELLER]);
  });

  it('are closed to a role the view does not name, even when its cubes would admit it', () => {
    expect(() => secure(who('retailer'), { measures: ['seller_sales.gmv'] })).toThrow(/seller_sales/);
  });

  it('do not expose a member the view leaves out', () => {
    expect(() => secure(who('manufacturer'), { dimensions: ['seller_sales.buyers_name'] })).toThrow();
  });
});
