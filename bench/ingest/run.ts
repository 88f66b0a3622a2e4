/**
 * `npm run bench:ingest`: events/s and freshness (outbox commit -> queryable in ClickHouse) of the real
 * pipeline on real PostgreSQL + Kafka + chDB, under sustained load, with the embedded path (no Kafka) run
 * side by side at the same settings, and where the time goes. See bench/ingest/README.md.
 *
 *   npm run bench:ingest                   # ~5 min: 1k/s and 20k/s for 30 s each, plus a 10 s sweep
 *   npm run bench:ingest -- --quick        # ~1.5 min
 *   npm run bench:ingest -- --rates 1000,5000 --duration 20 --batch 500 --poll 100 --sweep none
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { openPostgres } from '../../marketplace/db/database.ts';
import { migrateOltp } from '../../marketplace/db/migrate.ts';
import { openWarehouse } from '../../warehouse/client.ts';
import { migrateWarehouse } from '../../warehouse/migrate.ts';
import {
  cpuSnapshot,
  createScratchDatabase,
  deleteKafkaResources,
  dropScratchDatabase,
  machine,
  machineBusy,
  scratchFolder,
  serviceEnv,
} from './environment.ts';
import { runScenario, type Path, type ScenarioContext, type ScenarioSpec } from './scenario.ts';
import { createWarehouseLoader } from '../../ingest/loader.ts';
import { orderPlacedEvent } from './events.ts';
import { timedWarehouse, Tracker } from './instrument.ts';
import { insertCostTable, report } from './report.ts';
import { median } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    'sweep-duration': { type: 'string' },
    rates: { type: 'string' },
    batch: { type: 'string' },
    poll: { type: 'string' },
    sweep: { type: 'string' },
    paths: { type: 'string', default: 'kafka,embedded' },
    'tx-size': { type: 'string' },
    load: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    window: { type: 'string' },
    'log-level': { type: 'string', default: 'silent' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench:ingest -- [options]
  --quick                 ~1.5 min instead of ~5 (8 s main phases, 5 s sweep phases, 5 s drain cap)
  --duration S            seconds of load per main scenario (default 30, quick 8)
  --rates R,R             target events/s of the main scenarios (default 1000,20000)
  --batch N  --poll MS    relay batch size and poll interval of the main scenarios (default 500, 100)
  --sweep LIST            extra scenarios rate:batch:poll, comma-separated, or "none"
                          (default 20000:2000:100,20000:5000:100,1000:500:20; quick without the first)
  --load record|bulk      how the generator writes the outbox (default: record up to 2,000/s, bulk above):
                          record = recordEvent, one INSERT per event, as the domain does;
                          bulk = the same rows, one multi-row INSERT per transaction
  --sweep-duration S      seconds per sweep scenario (default 10, quick 5)
  --paths kafka,embedded  which paths to run (default both, side by side)
  --tx-size N             events per outbox transaction (default max(1, rate/1000))
  --concurrency N         generator connections (default 8)
  --window S              window for per-window medians (default 5, quick 2)
  --log-level LEVEL       pipeline logs on stderr (default silent)`);
  process.exit(0);
}

const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const quick = args.quick;
const duration = num(args.duration, quick ? 8 : 30) * 1000;
const sweepDuration = num(args['sweep-duration'], quick ? 5 : 10) * 1000;
const windowMs = num(args.window, quick ? 2 : 5) * 1000;
const rates = (args.rates ?? '1000,20000').split(',').map(Number);
const batch = num(args.batch, 500);
const poll = num(args.poll, 100);
const paths = args.paths.split(',') as Path[];
const sweep =
  args.sweep === 'none'
    ? []
    : (args.sweep ?? (quick ? '20000:5000:100,1000:500:20' : '20000:2000:100,20000:5000:100,1000:500:20'))
        .split(',')
        .map((s) => s.split(':').map(Number) as [number, number, number]);

const configs: Array<{ rate: number; batchSize: number; pollMs: number; durationMs: number }> = [
  ...rates.map((rate) => ({ rate, batchSize: batch, pollMs: poll, durationMs: duration })),
  ...sweep.map(([rate, batchSize, pollMs]) => ({ rate, batchSize, pollMs, durationMs: sweepDuration })),
];
const specs: ScenarioSpec[] = configs.flatMap((c, i) => {
  // Alternate which path goes first, so slow drift on a shared machine does not always favour one.
  const order = i % 2 === 0 ? paths : [...paths].reverse();
  const load = (args.load as 'record' | 'bulk' | undefined) ?? (c.rate > 2000 ? 'bulk' : 'record');
  return order.map((path) => ({
    ...c,
    path,
    load,
    label: `${c.rate >= 1000 ? `${c.rate / 1000}k` : c.rate}/s ${load} b${c.batchSize} p${c.pollMs} ${path}`,
    txSize: num(
      args['tx-size'],
      load === 'bulk' ? Math.max(1, Math.round(c.rate / 200)) : Math.max(1, Math.round(c.rate / 1000)),
    ),
    concurrency: Number(args.concurrency),
    drainMaxMs: quick ? 5_000 : Math.max(10_000, Math.min(20_000, c.durationMs)),
  }));
});

async function insertCost(warehouse: ScenarioContext['warehouse'], logger: ScenarioContext['logger']) {
  const rows = [];
  for (const size of [50, 500, 2000, 5000]) {
    const tracker = new Tracker(64);
    const loader = createWarehouseLoader({ warehouse: timedWarehouse(warehouse, () => tracker), logger });
    const loads: number[] = [];
    for (let i = 0; i < 6; i++) {
      const events = Array.from({ length: size }, () => orderPlacedEvent(new Date()));
      const t = performance.now();
      await loader.load(events);
      if (i > 0) loads.push(performance.now() - t); // the first is a warm-up
    }
    rows.push({
      size,
      loadMs: median(loads),
      insertMs: median(tracker.ops.insert.slice(1).map((o) => o.ms)),
    });
  }
  return rows;
}

async function main() {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  console.log('# Ingest benchmark: outbox -> relay -> Kafka -> consumer -> chDB, vs the embedded path\n');
  console.log(machine());
  const idle0 = cpuSnapshot();
  await new Promise((r) => setTimeout(r, 2000));
  console.log(
    `Background load before start: ${Math.round(machineBusy(idle0, cpuSnapshot()) * 100)}% of all cores busy (2 s sample; ` +
      `loadavg ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
  );
  const { brokers } = serviceEnv();
  const dbName = `bench_ingest_${runId}`;
  const folder = scratchFolder();
  const topicPrefix = `bench-ingest.${runId}.`;
  const groupPrefix = `bench-ingest-${runId}-`;
  const logger = pino({ level: args['log-level'] }, pino.destination(2));
  const databaseUrl = createScratchDatabase(dbName);
  const db = openPostgres(databaseUrl, 4);
  const warehouse = openWarehouse({ chdbPath: folder.dir });
  let interrupted = false;
  const cleanup = async () => {
    await warehouse.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    try {
      dropScratchDatabase(dbName);
    } catch (error) {
      console.error(`could not drop database ${dbName}: ${(error as Error).message}`);
    }
    const removed = await deleteKafkaResources(brokers, topicPrefix, groupPrefix).catch((error: Error) => {
      console.error(`could not delete Kafka topics ${topicPrefix}*: ${error.message}`);
      return { topics: 0, groups: 0 };
    });
    folder.remove();
    console.log(
      `\ncleaned up: database ${dbName} dropped, ${removed.topics} Kafka topics and ${removed.groups} groups ` +
        `(${topicPrefix}*) deleted, ${folder.dir} removed`,
    );
  };
  process.once('SIGINT', () => {
    interrupted = true;
    console.error('\ninterrupted: cleaning up');
    void cleanup().finally(() => process.exit(130));
  });
  try {
    await migrateOltp(db);
    await migrateWarehouse(warehouse);
    console.log(
      `PostgreSQL: scratch database ${dbName}; Kafka: ${brokers.join(',')} (topics ${topicPrefix}*, 3 partitions); ` +
        `chDB: ${folder.dir}`,
    );
    const total = specs.reduce((s, x) => s + x.durationMs, 0) / 1000;
    console.log(`${specs.length} scenarios, ${total} s of load plus warm-up and drain each`);
    console.log(
      'Load: a child process writes order.placed events (1-4 lines, ~700 bytes) into the outbox in transactions on ' +
        `${args.concurrency} connections, paced to the target rate; "record" = recordEvent, one INSERT per event ` +
        '(1 event/tx per 1,000/s); "bulk" = the same rows in one multi-row INSERT (rate/200 events per tx).\n',
    );
    const ctx: Omit<ScenarioContext, 'index'> = {
      db,
      databaseUrl,
      warehouse,
      brokers,
      topicPrefix,
      groupPrefix,
      logger,
      pollerMs: 50,
      markerEveryMs: 50,
    };
    const runs = [];
    for (const [index, spec] of specs.entries()) {
      if (interrupted) break;
      runs.push(await runScenario({ ...ctx, index }, spec));
    }
    console.log(report(runs, windowMs));
    if (!interrupted) console.log(insertCostTable(await insertCost(ctx.warehouse, logger)));
  } finally {
    if (!interrupted) await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
