/** Migrations are versioned and safe to run twice, on every database we run on. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../marketplace/db/database.ts';
import { migrateOltp } from '../marketplace/db/migrate.ts';
import { openWarehouse } from '../warehouse/client.ts';
import { migrateWarehouse } from '../warehouse/migrate.ts';
import { createTestDatabase, dropTestDatabase } from './support/global-services.ts';
import { servicesAvailable } from './support/test-platform.ts';

describe('migrations', () => {
  it('apply once on PGlite, then do nothing the second time', async () => {
    const db = await openPglite();
    expect(await migrateOltp(db)).toEqual(['2026_11_25_0001_foundation', '2026_11_25_0002_identity']);
    expect(await migrateOltp(db)).toEqual([]);
    await db.destroy();
  });

  it.runIf(servicesAvailable())('apply once on PostgreSQL, even when two processes race', async () => {
    const name = `t_mig_${process.pid}`;
    const url = createTestDatabase(name);
    const [a, b] = [openPostgres(url), openPostgres(url)];
    const results = await Promise.all([migrateOltp(a), migrateOltp(b)]);
    expect(results.flat()).toEqual(['2026_11_25_0001_foundation', '2026_11_25_0002_identity']);
    expect(await migrateOltp(a)).toEqual([]);
    await Promise.all([a.destroy(), b.destroy()]);
    dropTestDatabase(name);
  });

  it('apply once on the warehouse, then do nothing the second time', async () => {
    const warehouse = openWarehouse({ chdbPath: mkdtempSync(path.join(tmpdir(), 'wh-')) });
    expect(await migrateWarehouse(warehouse)).toEqual([
      '0001_raw_events',
      '0002_fact_orders',
      '0003_dead_letters',
    ]);
    expect(await migrateWarehouse(warehouse)).toEqual([]);
    const tables = await warehouse.query({
      query: "SELECT name FROM system.tables WHERE database = 'wholesail' ORDER BY name",
      format: 'JSONEachRow',
    });
    expect((await tables.json<{ name: string }>()).map((t) => t.name)).toEqual([
      'dead_letters',
      'events_raw',
      'fact_orders',
      'fact_orders_from_placed',
      'schema_migrations',
    ]);
    await warehouse.close();
  });
});
