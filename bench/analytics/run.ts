/**
 * `npm run bench:analytics [-- --lines 10000000 --runs 7]`: the same dashboard questions on PostgreSQL (with
 * indexes) and through the semantic layer on ClickHouse (chDB), in one run, over identical generated data.
 * Prints p50/p95 per question and engine, PG/semantic-layer ratios and their geometric mean. Needs the real
 * PostgreSQL from scripts/services (it creates and drops a scratch database).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import pg from 'pg';
import type { Principal } from '../../platform/principal.ts';
import { compileModel } from '../../semantic-layer/compiler.ts';
import { createGateway } from '../../semantic-layer/gateway.ts';
import { openWarehouse } from '../../warehouse/client.ts';
import { buildPostgres, buildWarehouse, rowCount } from './dataset.ts';
import { QUESTIONS, SELLER_ID } from './questions.ts';

const { values: args } = parseArgs({
  options: { lines: { type: 'string', default: '10000000' }, runs: { type: 'string', default: '7' } },
});
const LINES = Number(args.lines);
const RUNS = Number(args.runs);
const ROOT = path.resolve(import.meta.dirname, '../..');
const services = path.join(ROOT, 'scripts/services/services.sh');

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
async function time(fn: () => Promise<unknown>): Promise<{ samples: number[]; answer: unknown }> {
  let answer = await fn(); // warm-up, not counted
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    answer = await fn();
    samples.push(performance.now() - started);
  }
  return { samples, answer };
}

console.log(
  `Machine: ${os.cpus()[0]?.model} x${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`,
);
console.log(
  `Dataset: ${LINES.toLocaleString('en')} order lines, 2 years, 2,000 sellers, 50,000 buyers, 200 categories, 60 regions; ${RUNS} timed runs after a warm-up\n`,
);

const env = Object.fromEntries(
  execFileSync('bash', [services, 'start', 'postgres'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('='))
    .map((l) => l.split(/=(.*)/s).slice(0, 2)),
);
const dbName = `bench_analytics_${process.pid}`;
const url = execFileSync('bash', [services, 'createdb', dbName], { encoding: 'utf8' })
  .split('\n')
  .find((l) => l.startsWith('postgres://'))!
  .trim();
const pool = new pg.Pool({ connectionString: url, max: 2 });
await pool.query(`SET max_parallel_workers_per_gather = 2`);
const chdbDir = mkdtempSync(path.join(os.tmpdir(), 'bench-analytics-'));
const warehouse = openWarehouse({ chdbPath: chdbDir });

try {
  const started = Date.now();
  process.stdout.write('Generating in ClickHouse... ');
  await buildWarehouse(warehouse, LINES);
  const chSeconds = (Date.now() - started) / 1000;
  console.log(
    `${(await rowCount(warehouse, 'order_lines')).toLocaleString('en')} lines + rollups in ${chSeconds.toFixed(1)} s`,
  );
  const bar = new SingleBar(
    {
      format: 'Copying to PostgreSQL [{bar}] {percentage}% | {value}/{total} rows',
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  bar.start(LINES, 0);
  const pgSeconds = await buildPostgres(pool, warehouse, (done) => bar.update(Math.min(done, LINES)));
  bar.stop();
  console.log(
    `PostgreSQL: COPY + 2 indexes + ANALYZE in ${pgSeconds.toFixed(1)} s (${env.DATABASE_URL ? 'Debian PostgreSQL' : ''})\n`,
  );

  const model = await compileModel(path.join(import.meta.dirname, 'model'));
  const gateway = createGateway({ model, warehouse, cache: false });
  const principals: Record<'executive' | 'seller', Principal> = {
    executive: {
      userId: 'bench',
      companyId: 'platform',
      companyKind: 'platform',
      role: 'executive',
      permissions: ['analytics:read', 'analytics:all-companies'],
    },
    seller: {
      userId: 'bench',
      companyId: SELLER_ID,
      companyKind: 'manufacturer',
      role: 'owner',
      permissions: ['analytics:read'],
    },
  };
  const sum = (rows: Array<Record<string, unknown>>, key: string) =>
    rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);

  const table: Array<Record<string, string>> = [];
  const rawRatios: number[] = [];
  const bestRatios: number[] = [];
  const p95s: number[] = [];
  for (const q of QUESTIONS) {
    process.stdout.write(`${q.name}... `);
    const pgRun = await time(async () => (await pool.query(q.pg)).rows);
    const rawRun = await time(async () => (await gateway.load(principals[q.as], q.raw)).results[0]!.data);
    const rollRun = q.rollup
      ? await time(async () => (await gateway.load(principals[q.as], q.rollup)).results[0]!.data)
      : undefined;
    const answers = [
      sum(pgRun.answer as never, q.check.pg),
      sum(rawRun.answer as never, q.check.raw),
      ...(rollRun ? [sum(rollRun.answer as never, q.check.rollup!)] : []),
    ];
    const agree = answers.every((a) => Math.abs(a - answers[0]!) < 1e-6 * Math.max(1, Math.abs(answers[0]!)));
    const pgP50 = percentile(pgRun.samples, 50);
    const rawP50 = percentile(rawRun.samples, 50);
    const best = rollRun ?? rawRun;
    const bestP50 = percentile(best.samples, 50);
    rawRatios.push(pgP50 / rawP50);
    bestRatios.push(pgP50 / bestP50);
    p95s.push(percentile(best.samples, 95));
    table.push({
      question: q.name,
      'PostgreSQL p50/p95 ms': `${ms(pgP50)} / ${ms(percentile(pgRun.samples, 95))}`,
      'SL raw p50/p95 ms': `${ms(rawP50)} / ${ms(percentile(rawRun.samples, 95))}`,
      'SL rollup p50/p95 ms': rollRun ? `${ms(bestP50)} / ${ms(percentile(rollRun.samples, 95))}` : '-',
      'PG / SL raw': `${(pgP50 / rawP50).toFixed(1)}x`,
      'PG / SL best': `${(pgP50 / bestP50).toFixed(1)}x`,
      'answers agree': agree ? 'yes' : `NO ${answers.join(' vs ')}`,
    });
    console.log('done');
  }
  const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
  console.log();
  console.table(table);
  console.log(
    `Geometric mean PG / semantic layer: raw facts ${geomean(rawRatios).toFixed(1)}x, best (rollup where one fits) ${geomean(bestRatios).toFixed(1)}x (aim: 50x)`,
  );
  console.log(
    `Worst dashboard-query p95 through the semantic layer (best path): ${ms(Math.max(...p95s))} ms (aim: under 100 ms)`,
  );
} finally {
  await pool.end();
  await warehouse.close();
  execFileSync('bash', [services, 'dropdb', dbName], { stdio: 'ignore' });
  rmSync(chdbDir, { recursive: true, force: true });
}
