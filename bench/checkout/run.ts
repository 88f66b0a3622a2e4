/**
 * `npm run bench:checkout`: the checkout endpoint under 50 concurrent clients against pgbench sending the
 * same SQL statements the endpoint sends, one after the other on the same PostgreSQL, and their ratio.
 *
 * 1. A scratch database gets 50 manufacturers with two products each and 50 retailers; retailer i's cart
 *    holds one product of manufacturer i and one of manufacturer i+1 (two suppliers per checkout, no two
 *    clients on the same product row, so the numbers measure work, not one hot lock).
 * 2. One checkout through the real app records every statement it sends (capture.ts) -> a pgbench script.
 * 3. The API runs in its own process (`platform/main.ts`, no pipeline, no seeding); 50 clients in this
 *    process check out in a loop for DURATION seconds (the cart is refilled by SQL between checkouts,
 *    untimed). Then pgbench runs the script with 50 clients for the same time.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { createApp } from '../../api/app.ts';
import { createTokenIssuer } from '../../api/auth/tokens.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { loadConfig } from '../../platform/config.ts';
import { createPlatform } from '../../platform/container.ts';
import { createLogger } from '../../platform/logger.ts';
import {
  createScratchDatabase,
  dropScratchDatabase,
  machine,
  scratchFolder,
  serviceEnv,
} from '../ingest/environment.ts';
import { captureQueries, toPgbenchScript } from './capture.ts';
import { percentile } from '../ingest/stats.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 20);
const SECRET = 'bench-checkout-secret-that-is-long-enough-for-hs256';
const PASSWORD = 'bench checkout password';
const address = {
  name: 'Bench Shop',
  line1: '1 Main St',
  city: 'Austin',
  region: 'TX',
  postalCode: '73301',
  country: 'US',
};
const PGBENCH = ['/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'].find((p) => {
  try {
    execFileSync(p, ['--version']);
    return true;
  } catch {
    return false;
  }
});

interface Client {
  index: number;
  token: string;
  buyer: string;
  user: string;
  cart: string;
  lines: Array<{ variant: string; product: string; seller: string; location: string }>;
}

async function seed(databaseUrl: string, dataDir: string) {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const platform = await createPlatform(config, createLogger('silent'));
  const { identity, catalog, carts } = platform.services;
  const tokens = createTokenIssuer(SECRET);
  process.stdout.write(`seeding ${CLIENTS} manufacturers and ${CLIENTS} retailers `);
  const sellers: Array<{
    company: string;
    products: Array<{ product: string; variant: string; location: string }>;
  }> = [];
  for (let i = 0; i < CLIENTS; i++) {
    const email = `bench-maker-${i}@example.test`;
    const { companyId } = await identity.registerCompany(
      {
        kind: 'manufacturer',
        name: `Maker ${i}`,
        country: 'US',
        city: 'Austin',
        owner: { email, password: PASSWORD },
      },
      systemActor,
      { kybApproved: true },
    );
    await platform.db
      .updateTable('companies')
      .set({ plan: 'enterprise' })
      .where('id', '=', companyId)
      .execute();
    const principal = await identity.authenticate(email, PASSWORD);
    const products = [];
    for (const k of [0, 1]) {
      const p = await catalog.listProduct(principal, {
        sku: `M${i}-${k}`,
        name: `Bench product ${i}-${k}`,
        priceMinor: 1_250 + k * 100,
        currency: 'USD',
        stock: 100_000_000,
      });
      const level = await platform.db
        .selectFrom('inventory_levels')
        .select(['variant_id', 'location_id'])
        .where('variant_id', '=', p.variants[0]!.id)
        .executeTakeFirstOrThrow();
      products.push({ product: p.id, variant: level.variant_id, location: level.location_id });
    }
    sellers.push({ company: companyId, products });
    if (i % 10 === 0) process.stdout.write('.');
  }
  const clients: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const email = `bench-shop-${i}@example.test`;
    const { companyId } = await identity.registerCompany(
      {
        kind: 'retailer',
        name: `Shop ${i}`,
        country: 'US',
        city: 'Austin',
        owner: { email, password: PASSWORD },
      },
      systemActor,
    );
    const principal = await identity.authenticate(email, PASSWORD);
    const a = sellers[i]!;
    const b = sellers[(i + 1) % CLIENTS]!;
    const lines = [
      { ...a.products[0]!, seller: a.company },
      { ...b.products[1]!, seller: b.company },
    ];
    for (const line of lines) await carts.add(principal, { variantId: line.variant, quantity: 1 });
    const cart = await carts.get(principal);
    clients.push({
      index: i,
      token: await tokens.issue(principal),
      buyer: companyId,
      user: principal.userId,
      cart: cart.id,
      lines,
    });
    if (i % 10 === 0) process.stdout.write('.');
  }
  console.log(' done');

  // One checkout through the real app, recorded at the driver, becomes the pgbench script.
  const app = createApp(platform, { tokens, publicUrl: 'http://127.0.0.1' });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const warm = clients[0]!;
  await fetch(`${url}/api/v1/cart`, { headers: { authorization: `Bearer ${warm.token}` } }); // access check cached
  const capture = captureQueries();
  const res = await fetch(`${url}/api/v1/checkout`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${warm.token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({ paymentMethod: 'card', shippingAddress: address }),
  });
  const queries = capture.stop();
  if (res.status !== 201) throw new Error(`capture checkout failed: ${res.status} ${await res.text()}`);
  server.close();
  await platform.close();
  return { clients, queries };
}

async function refillCarts(pool: pg.Pool, clients: Client[]) {
  const values = clients.flatMap((c) => c.lines.map((l) => `('${c.cart}', '${l.variant}', 1, now())`));
  await pool.query(
    `INSERT INTO cart_lines (cart_id, variant_id, quantity, added_at) VALUES ${values.join(',')} ON CONFLICT DO NOTHING`,
  );
}

async function runApi(url: string, clients: Client[], pool: pg.Pool) {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = Date.now() + DURATION_S * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        await pool.query(
          `INSERT INTO cart_lines (cart_id, variant_id, quantity, added_at) SELECT $1, v, 1, now() FROM unnest($2::uuid[]) v ON CONFLICT DO NOTHING`,
          [client.cart, client.lines.map((l) => l.variant)],
        );
        const started = performance.now();
        const res = await fetch(`${url}/api/v1/checkout`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${client.token}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({ paymentMethod: 'card', shippingAddress: address }),
        });
        await res.arrayBuffer();
        if (res.status === 201) latencies.push(performance.now() - started);
        else failures += 1;
      }
    }),
  );
  return { latencies, failures };
}

function runPgbench(databaseUrl: string, scriptFile: string, logDir: string) {
  const db = new URL(databaseUrl);
  const output = execFileSync(
    PGBENCH!,
    [
      '-n',
      '-c',
      String(CLIENTS),
      '-j',
      '2',
      '-T',
      String(DURATION_S),
      '-f',
      scriptFile,
      '-l',
      `--log-prefix=${path.join(logDir, 'pgbench')}`,
      '-h',
      db.hostname,
      '-p',
      db.port,
      '-U',
      decodeURIComponent(db.username),
      db.pathname.slice(1),
    ],
    { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(db.password) } },
  );
  // Per-transaction log lines: client_id transaction_no time(us) script_no time_epoch time_us
  const latencies = readdirSync(logDir)
    .filter((f) => f.startsWith('pgbench'))
    .flatMap((f) => readFileSync(path.join(logDir, f), 'utf8').trim().split('\n'))
    .map((line) => Number(line.split(' ')[2]) / 1000);
  const failed = /number of failed transactions: (\d+)/.exec(output)?.[1] ?? '0';
  return { latencies, failures: Number(failed), output };
}

async function main() {
  if (!PGBENCH)
    throw new Error(
      "pgbench not found (it ships with Debian's postgresql package; run scripts/services/services.sh start)",
    );
  console.log(`bench/checkout: ${CLIENTS} clients, ${DURATION_S} s per side\n${machine()}\n`);
  serviceEnv(); // starts PostgreSQL when it is not running (the scratch database is created on it)
  const name = `bench_checkout_${Date.now()}`;
  const scratchUrl = createScratchDatabase(name);
  const scratch = scratchFolder();
  const pool = new pg.Pool({ connectionString: scratchUrl, max: 4 });
  let child: ReturnType<typeof spawn> | undefined;
  try {
    const { clients, queries } = await seed(scratchUrl, path.join(scratch.dir, 'seed'));
    const first = clients[0]!;
    const known = new Map<string, string>([
      [first.buyer, 'buyer'],
      [first.user, 'buyer_user'],
      [first.cart, 'cart'],
      ...first.lines.flatMap(
        (l, k) =>
          [
            [l.variant, `variant_${k}`],
            [l.product, `product_${k}`],
            [l.seller, `seller_${k}`],
            [l.location, `location_${k}`],
          ] as Array<[string, string]>,
      ),
    ]);
    const script = toPgbenchScript(queries, known);
    mkdirSync(path.join(scratch.dir, 'pgbench'), { recursive: true });
    const scriptFile = path.join(scratch.dir, 'checkout.sql');
    writeFileSync(scriptFile, script);
    writeFileSync(new URL('./last-script.sql', import.meta.url), script);
    await pool.query(`CREATE TABLE bench_clients (client int PRIMARY KEY, buyer uuid, buyer_user uuid, cart uuid,
      variant_0 uuid, product_0 uuid, seller_0 uuid, location_0 uuid, variant_1 uuid, product_1 uuid, seller_1 uuid, location_1 uuid)`);
    for (const c of clients) {
      await pool.query(`INSERT INTO bench_clients VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`, [
        c.index,
        c.buyer,
        c.user,
        c.cart,
        c.lines[0]!.variant,
        c.lines[0]!.product,
        c.lines[0]!.seller,
        c.lines[0]!.location,
        c.lines[1]!.variant,
        c.lines[1]!.product,
        c.lines[1]!.seller,
        c.lines[1]!.location,
      ]);
    }
    console.log(
      `captured ${queries.length} statements per checkout (script: bench/checkout/last-script.sql)`,
    );

    // The API in its own process, as in production.
    child = spawn(process.execPath, ['--import', 'tsx', 'platform/main.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: {
        ...process.env,
        DATABASE_URL: scratchUrl,
        DATA_DIR: path.join(scratch.dir, 'api'),
        PORT: '0',
        HOST: '127.0.0.1',
        AUTH_SECRET: SECRET,
        SEED_DEMO: 'false',
        RUN_PIPELINE: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /running at (http:\/\/[^\s]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`API exited (${code}) before listening`)));
    });
    await refillCarts(pool, clients);
    console.log(`API at ${url}: running ${CLIENTS} clients for ${DURATION_S} s...`);
    const api = await runApi(url, clients, pool);
    child.kill('SIGTERM');

    console.log(`pgbench: the same statements, ${CLIENTS} clients for ${DURATION_S} s...`);
    const sqlRun = runPgbench(scratchUrl, scriptFile, path.join(scratch.dir, 'pgbench'));
    report(api, sqlRun);
  } finally {
    child?.kill('SIGTERM');
    await pool.end();
    dropScratchDatabase(name);
    scratch.remove();
  }
}

function report(
  api: { latencies: number[]; failures: number },
  sqlRun: { latencies: number[]; failures: number },
) {
  const row = (label: string, r: { latencies: number[]; failures: number }) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const rate = r.latencies.length / DURATION_S;
    console.log(
      `${label.padEnd(26)} ${rate.toFixed(1).padStart(8)} checkouts/s   p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms   failed ${r.failures}`,
    );
    return rate;
  };
  console.log('');
  const a = row(`API (HTTP, ${CLIENTS} clients)`, api);
  const s = row(`pgbench (same SQL, ${CLIENTS})`, sqlRun);
  console.log(`\nratio API / raw SQL throughput: ${(a / s).toFixed(2)} (aim: at least 0.50)`);
}

await main();
