/**
 * Exactly once in effect, under chaos: while retailers keep ordering, the pipeline worker (outbox relay +
 * Kafka consumer + warehouse loader, a real separate process) is SIGKILLed at random moments many times and
 * Kafka itself is restarted once. Afterwards the reconciliation finds zero difference between PostgreSQL and
 * the warehouse. Runs in its own vitest project after every other file, because it restarts the shared broker.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { reconcile } from '../../ingest/reconcile.ts';
import { createCatalogService } from '../../marketplace/catalog/catalog-service.ts';
import { openPostgres } from '../../marketplace/db/database.ts';
import { migrateOltp } from '../../marketplace/db/migrate.ts';
import { createIdentityService } from '../../marketplace/identity/identity-service.ts';
import { createOrderService } from '../../marketplace/orders/order-service.ts';
import { systemClock } from '../../platform/clock.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { openWarehouse } from '../../warehouse/client.ts';
import { createTestDatabase, dropTestDatabase } from '../support/global-services.ts';
import { eventually, servicesAvailable } from '../support/test-platform.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(servicesAvailable())('the pipeline under chaos', () => {
  it('reconciles to the cent after the worker is killed at random points and Kafka restarts', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'wholesail-chaos-'));
    const suffix = path
      .basename(dataDir)
      .replace(/[^a-zA-Z0-9]/g, '')
      .toLowerCase();
    const database = `t_${suffix}`;
    const url = createTestDatabase(database);
    const db = openPostgres(url);
    await migrateOltp(db);
    // A port the OS says is free now: a fixed random range collided with ephemeral ports other tests' sockets
    // were given (EADDRINUSE, and the last worker never answered its metrics).
    const port = await freePort();
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      KAFKA_BROKERS: inject('services')!.KAFKA_BROKERS,
      KAFKA_TOPIC_PREFIX: `chaos.${suffix}`,
      KAFKA_CONSUMER_GROUP: `chaos-${suffix}`,
      WORKER_PORT: String(port),
      RELAY_POLL_MS: '20',
      LOG_LEVEL: 'error',
    };

    let worker: ChildProcess | undefined;
    const startWorker = () => {
      worker = spawn(process.execPath, ['--import', 'tsx', 'platform/worker.ts'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    };
    const killWorker = async (signal: NodeJS.Signals) => {
      const w = worker;
      if (!w || w.exitCode !== null) return;
      const exited = new Promise((r) => w.once('exit', r));
      w.kill(signal);
      await exited;
    };

    // The marketplace side: a manufacturer with products, three retailers ordering all through the run.
    const deps = { db, clock: systemClock };
    const identity = createIdentityService(deps);
    const orders = createOrderService(deps);
    const register = async (kind: 'manufacturer' | 'retailer', n: number) => {
      const email = `${kind}${n}-${suffix}@chaos.test`;
      await identity.registerCompany(
        {
          kind,
          name: `${kind} ${n}`,
          country: 'US',
          city: 'Denver',
          owner: { email, password: 'chaos-password' },
        },
        systemActor,
        { kybApproved: true },
      );
      return identity.authenticate(email, 'chaos-password');
    };
    const seller = await register('manufacturer', 1);
    const buyers = [
      await register('retailer', 1),
      await register('retailer', 2),
      await register('retailer', 3),
    ];
    const catalog = createCatalogService(deps);
    const products = [
      await catalog.listProduct(seller, {
        sku: 'C-1',
        name: 'Crate',
        priceMinor: 1999,
        currency: 'USD',
        stock: 1_000_000,
      }),
      await catalog.listProduct(seller, {
        sku: 'C-2',
        name: 'Barrel',
        priceMinor: 4550,
        currency: 'EUR',
        stock: 1_000_000,
      }),
    ];

    let ordering = true;
    let placed = 0;
    const shopping = (async () => {
      while (ordering) {
        const buyer = buyers[placed % buyers.length]!;
        await orders.placeOrder(buyer, {
          lines: [{ productId: products[placed % 2]!.id, quantity: 1 + (placed % 7) }],
        });
        placed++;
        await sleep(15);
      }
    })();

    const kills = 6;
    for (let i = 0; i < kills; i++) {
      startWorker();
      await sleep(1_500 + Math.random() * 3_500); // somewhere in start-up, publishing, consuming or inserting
      await killWorker('SIGKILL');
      if (i === 2)
        execFileSync('bash', [path.join(ROOT, 'scripts/services/services.sh'), 'restart', 'kafka'], {
          stdio: 'ignore',
        });
    }
    ordering = false;
    await shopping;

    // Let a last worker catch up, watching its own metrics.
    startWorker();
    const outboxTotal = Number(
      (
        await db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const metric = (text: string, name: string) =>
      Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    await eventually(
      async () => {
        const text = await fetch(`http://127.0.0.1:${port}/metrics`)
          .then((r) => r.text())
          .catch(() => '');
        return {
          pending: metric(text, 'wholesail_outbox_pending'),
          loaded: metric(text, 'wholesail_warehouse_raw_events'),
        };
      },
      (m) => m.pending === 0 && m.loaded === outboxTotal,
      120_000,
    );
    await killWorker('SIGTERM');

    const warehouse = openWarehouse({ chdbPath: path.join(dataDir, 'clickhouse') });
    const { differences, days } = await reconcile(db, warehouse);
    const all = await warehouse.query({
      query: 'SELECT count() AS rows, uniqExact(event_id) AS events FROM wholesail.events_raw',
      format: 'JSONEachRow',
    });
    const [counts] = await all.json<{ rows: string; events: string }>();
    console.log(
      `[chaos] ${placed} orders, ${kills} worker kills, 1 Kafka restart; raw rows ${counts!.rows} for ${counts!.events} distinct events; ${differences.length} differences over ${days} day(s)`,
    );
    expect(placed).toBeGreaterThan(50);
    expect(Number(counts!.events)).toBe(outboxTotal);
    expect(differences).toEqual([]);

    await warehouse.close();
    await db.destroy();
    dropTestDatabase(database);
    rmSync(dataDir, { recursive: true, force: true });
  }, 420_000);
});
