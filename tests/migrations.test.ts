/** Migrations are versioned and safe to run twice, on every database we run on. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../marketplace/db/database.ts';
import { migrateOltp } from '../marketplace/db/migrate.ts';
import { openWarehouse } from '../warehouse/client.ts';
import { buildModels } from '../warehouse/build.ts';
import { migrateWarehouse } from '../warehouse/migrate.ts';
import { createTestDatabase, dropTestDatabase } from './support/global-services.ts';
import { servicesAvailable } from './support/test-platform.ts';

describe('migrations', () => {
  it('apply once on PGlite, then do nothing the second time', async () => {
    const db = await openPglite();
    expect(await migrateOltp(db)).toEqual([
      '2026_11_25_0001_foundation',
      '2026_11_25_0002_identity',
      '2026_11_25_0003_catalog',
      '2026_11_28_0001_checkout',
      '2026_11_28_0002_fulfilment',
      '2026_11_28_0003_payments',
      '2026_11_28_0004_messaging',
      '2026_11_28_0005_invoices',
      '2026_11_28_0006_claims',
      '2026_11_28_0007_billing',
      '2026_11_29_0001_kyb',
      '2026_11_29_0002_catalog_media',
      '2026_11_29_0003_order_line_costs',
    ]);
    expect(await migrateOltp(db)).toEqual([]);
    await db.destroy();
  });

  it.runIf(servicesAvailable())('apply once on PostgreSQL, even when two processes race', async () => {
    const name = `t_mig_${process.pid}`;
    const url = createTestDatabase(name);
    const [a, b] = [openPostgres(url), openPostgres(url)];
    const results = await Promise.all([migrateOltp(a), migrateOltp(b)]);
    expect(results.flat()).toEqual([
      '2026_11_25_0001_foundation',
      '2026_11_25_0002_identity',
      '2026_11_25_0003_catalog',
      '2026_11_28_0001_checkout',
      '2026_11_28_0002_fulfilment',
      '2026_11_28_0003_payments',
      '2026_11_28_0004_messaging',
      '2026_11_28_0005_invoices',
      '2026_11_28_0006_claims',
      '2026_11_28_0007_billing',
      '2026_11_29_0001_kyb',
      '2026_11_29_0002_catalog_media',
      '2026_11_29_0003_order_line_costs',
    ]);
    expect(await migrateOltp(a)).toEqual([]);
    await Promise.all([a.destroy(), b.destroy()]);
    dropTestDatabase(name);
  });

  it('apply once on the warehouse, build the models, then do nothing the second time', async () => {
    const warehouse = openWarehouse({ chdbPath: mkdtempSync(path.join(tmpdir(), 'wh-')) });
    expect(await migrateWarehouse(warehouse)).toEqual(['0001_raw_events', '0003_dead_letters']);
    expect(await migrateWarehouse(warehouse)).toEqual([]);
    expect(await buildModels(warehouse)).toEqual([
      'seed:dim_cities',
      'dim_companies',
      'dim_company_locations',
      'dim_company_trust',
      'dim_company_verification',
      'dim_dates',
      'dim_products',
      'fct_claims',
      'fct_inventory_movements',
      'fct_inventory_daily',
      'fct_order_lines',
      'fct_order_milestones',
      'fct_order_status',
      'fct_orders',
      'fct_refunds',
      'fct_orders_since',
      'fct_orders_current',
      'fct_product_views',
      'fct_searches',
      'fct_subscription_changes',
      'fct_subscriptions',
      'mart_buyer_cohorts',
      'mart_daily_category_sales',
      'mart_daily_gmv',
      'mart_platform_revenue',
      'mart_seller_benchmarks',
      'mart_seller_fulfilment',
    ]);
    expect(await buildModels(warehouse)).toEqual([]);
    const tables = await warehouse.query({
      query: "SELECT name FROM system.tables WHERE database = 'wholesail' ORDER BY name",
      format: 'JSONEachRow',
    });
    expect((await tables.json<{ name: string }>()).map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'events_raw',
        'dead_letters',
        'fct_orders',
        'fct_orders_mv',
        'mart_daily_gmv',
        'dim_cities',
      ]),
    );
    await warehouse.close();
  });

  it('rebuilds a model whose file changed, and the models that read it, from the raw events', async () => {
    const warehouse = openWarehouse({ chdbPath: mkdtempSync(path.join(tmpdir(), 'wh-')) });
    await migrateWarehouse(warehouse);
    await buildModels(warehouse);
    // Pretend fct_orders was built from an older version of its file.
    await warehouse.insert({
      table: 'wholesail.model_state',
      values: [{ name: 'fct_orders', checksum: 'old' }],
      format: 'JSONEachRow',
    });
    expect(await buildModels(warehouse)).toEqual([
      'fct_orders',
      'fct_orders_since',
      'fct_orders_current',
      'mart_buyer_cohorts',
      'mart_daily_gmv',
      'mart_platform_revenue',
      'mart_seller_benchmarks',
      'mart_seller_fulfilment',
    ]);
    await warehouse.close();
  });
});
