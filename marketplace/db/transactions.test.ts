/**
 * Embedded PostgreSQL (PGlite) is one session shared by the whole process. These tests show it still keeps
 * real transactional semantics under concurrency: no transaction sees or commits another's statements, and
 * stock cannot be oversold. The same stock test runs on real PostgreSQL when the services are up.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../../tests/support/global-services.ts';
import { servicesAvailable } from '../../tests/support/test-platform.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { systemClock } from '../../platform/clock.ts';
import { createCatalogService } from '../catalog/catalog-service.ts';
import { createIdentityService } from '../identity/identity-service.ts';
import { createOrderService } from '../orders/order-service.ts';
import { openPglite, openPostgres, type Db } from './database.ts';
import { migrateOltp } from './migrate.ts';

async function lastTenUnits(db: Db) {
  const deps = { db, clock: systemClock };
  const identity = createIdentityService(deps);
  const stamp = Math.random().toString(36).slice(2);
  await identity.registerCompany(
    {
      kind: 'manufacturer',
      name: 'M',
      country: 'US',
      city: 'X',
      owner: { email: `m-${stamp}@t.test`, password: 'pw-123456' },
    },
    systemActor,
    { kybApproved: true },
  );
  await identity.registerCompany(
    {
      kind: 'retailer',
      name: 'R',
      country: 'US',
      city: 'X',
      owner: { email: `r-${stamp}@t.test`, password: 'pw-123456' },
    },
    systemActor,
  );
  const seller = await identity.authenticate(`m-${stamp}@t.test`, 'pw-123456');
  const buyer = await identity.authenticate(`r-${stamp}@t.test`, 'pw-123456');
  const product = await createCatalogService(deps).listProduct(seller, {
    sku: 'LAST',
    name: 'Last ten',
    priceMinor: 500,
    currency: 'USD',
    stock: 10,
  });
  const orders = createOrderService(deps);
  const outcomes = await Promise.allSettled(
    Array.from({ length: 200 }, () =>
      orders.placeOrder(buyer, { lines: [{ productId: product.id, quantity: 1 }] }),
    ),
  );
  const stock = await db
    .selectFrom('products')
    .select('stock')
    .where('id', '=', product.id)
    .executeTakeFirstOrThrow();
  const orderRows = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('buyer_company_id', '=', buyer.companyId)
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'order.placed')
    .where(sql<boolean>`payload->>'buyerCompanyId' = ${buyer.companyId}`)
    .executeTakeFirstOrThrow();
  const failures = outcomes
    .filter((o) => o.status === 'rejected')
    .map((o) => (o as PromiseRejectedResult).reason.code);
  return {
    succeeded: outcomes.length - failures.length,
    failures,
    stock: stock.stock,
    orders: Number(orderRows.n),
    events: Number(events.n),
  };
}

describe('embedded PostgreSQL (PGlite) under concurrency', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite();
    await migrateOltp(db);
    await sql`CREATE TABLE scratch (id int PRIMARY KEY, note text)`.execute(db);
  });
  afterAll(async () => db?.destroy());

  it('sells the last 10 units to exactly 10 of 200 concurrent buyers, with one order and one event each', async () => {
    const result = await lastTenUnits(db);
    expect(result.succeeded).toBe(10);
    expect(new Set(result.failures)).toEqual(new Set(['insufficient_stock']));
    expect(result.stock).toBe(0);
    expect(result.orders).toBe(10);
    expect(result.events).toBe(10);
  });

  it('never lets a reader or another transaction see a transaction that later rolls back', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const doomed = db.transaction().execute(async (tx) => {
      await sql`INSERT INTO scratch VALUES (1, 'doomed')`.execute(tx);
      await gate; // hold the transaction open while others try to run
      throw new Error('roll back');
    });
    const reader = db
      .selectFrom('scratch' as never)
      .selectAll()
      .execute();
    const other = db.transaction().execute(async (tx) => {
      const seen = await sql<{ n: number }>`SELECT count(*)::int AS n FROM scratch`.execute(tx);
      await sql`INSERT INTO scratch VALUES (2, 'kept')`.execute(tx);
      return seen.rows[0]!.n;
    });
    setTimeout(release, 50);
    await expect(doomed).rejects.toThrow('roll back');
    expect(await reader).toEqual([]);
    expect(await other).toBe(0);
    const rows = await sql<{ id: number }>`SELECT id FROM scratch ORDER BY id`.execute(db);
    expect(rows.rows.map((r) => r.id)).toEqual([2]);
  });

  it("does not commit a failed transaction's statements with a concurrent one", async () => {
    await Promise.allSettled([
      db.transaction().execute(async (tx) => {
        await sql`INSERT INTO scratch VALUES (10, 'a')`.execute(tx);
        await sql`INSERT INTO scratch VALUES (10, 'duplicate key fails the transaction')`.execute(tx);
      }),
      db.transaction().execute(async (tx) => {
        await sql`INSERT INTO scratch VALUES (11, 'b')`.execute(tx);
      }),
    ]);
    const rows = await sql<{ id: number }>`SELECT id FROM scratch WHERE id >= 10 ORDER BY id`.execute(db);
    expect(rows.rows.map((r) => r.id)).toEqual([11]);
  });
});

describe.runIf(servicesAvailable())('real PostgreSQL under concurrency', () => {
  let db: Db;
  const name = `t_tx_${process.pid}`;
  beforeAll(async () => {
    db = openPostgres(createTestDatabase(name), 20);
    await migrateOltp(db);
  });
  afterAll(async () => {
    await db?.destroy();
    dropTestDatabase(name);
  });

  it('sells the last 10 units to exactly 10 of 200 concurrent buyers', async () => {
    const result = await lastTenUnits(db);
    expect(result).toMatchObject({ succeeded: 10, stock: 0, orders: 10, events: 10 });
  });
});
