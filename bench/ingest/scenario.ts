/**
 * One benchmark scenario: the real pipeline (OutboxRelay -> Kafka publisher -> consumer group -> loader ->
 * chDB, or OutboxRelay -> in-process publisher -> loader -> chDB) under load from the generator child
 * process for a fixed time, then drained. Returns the tracker with every event's timestamps.
 */
import { fork } from 'node:child_process';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { SingleBar } from 'cli-progress';
import {
  createKafkaPublisher,
  ensureTopics,
  startKafkaConsumer,
  type KafkaSettings,
} from '../../ingest/kafka.ts';
import { createWarehouseLoader } from '../../ingest/loader.ts';
import { createInProcessPublisher, type EventPublisher } from '../../ingest/publisher.ts';
import type { Db } from '../../marketplace/db/database.ts';
import { recordEvent } from '../../marketplace/outbox/record-event.ts';
import { newId } from '../../platform/ids.ts';
import type { Warehouse } from '../../warehouse/client.ts';
import { cpuSnapshot, machineBusy } from './environment.ts';
import type { GeneratorMessage, GeneratorStart } from './generator.ts';
import {
  QueryTimer,
  TimedRelay,
  Tracker,
  timedLoader,
  timedPublisher,
  timedWarehouse,
} from './instrument.ts';

export type Path = 'kafka' | 'embedded';

export interface ScenarioSpec {
  label: string;
  path: Path;
  rate: number;
  durationMs: number;
  batchSize: number;
  pollMs: number;
  txSize: number;
  concurrency: number;
  load: GeneratorStart['load'];
  drainMaxMs: number;
}

export interface ScenarioRun {
  spec: ScenarioSpec;
  tracker: Tracker;
  genStart: number;
  genEnd: number;
  drainedAt: number | undefined;
  generator: Extract<GeneratorMessage, { type: 'done' }>;
  pipelineCpu: number;
  machineBusy: number;
}

export interface ScenarioContext {
  db: Db;
  databaseUrl: string;
  warehouse: Warehouse;
  brokers: string[];
  topicPrefix: string;
  groupPrefix: string;
  logger: Logger;
  index: number;
  /** How often the warehouse poller looks for marker events. */
  pollerMs: number;
  markerEveryMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(cond: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) return false;
    await sleep(everyMs);
  }
  return true;
}

/** A few events through the whole path first: joins the consumer group, warms connections and JITs. */
async function warmUp(db: Db, tracker: Tracker): Promise<void> {
  const now = new Date();
  const ids = await db.transaction().execute(async (tx) => {
    const out: string[] = [];
    for (let i = 0; i < 20; i++) {
      const orderId = newId();
      const event = await recordEvent(tx, {
        type: 'order.placed',
        version: 1,
        aggregateType: 'order',
        aggregateId: orderId,
        companyIds: [newId(), newId()],
        occurredAt: now,
        actor: { userId: null, companyId: null, kind: 'system' },
        payload: {
          orderId,
          buyerCompanyId: newId(),
          sellerCompanyId: newId(),
          status: 'placed',
          currency: 'USD',
          subtotalMinor: 100,
          subtotalUsdMinor: 100,
          fxRate: '1',
          placedAt: now.toISOString(),
          lines: [
            {
              lineNo: 1,
              productId: newId(),
              sku: 'WARM',
              quantity: 1,
              unitPriceMinor: 100,
              lineTotalMinor: 100,
            },
          ],
        },
      });
      out.push(event.eventId);
    }
    return out;
  });
  tracker.stamp(ids, 'commit', Date.now());
  if (!(await waitFor(() => tracker.loadedCommitted >= ids.length, 60_000)))
    throw new Error(
      `warm-up events did not reach the warehouse in 60 s (${tracker.firstRelayError ?? 'no relay error'})`,
    );
}

/** Looks for marker events in the warehouse: when a query first returns one, it is queryable. */
function startPoller(ctx: ScenarioContext, tracker: () => Tracker) {
  let active = true;
  const loop = (async () => {
    while (active) {
      const t = tracker();
      const pending = [...t.markers].slice(0, 400);
      if (pending.length > 0) {
        const since = Math.min(...pending.map(([, c]) => c)) - 60_000;
        try {
          const result = await ctx.warehouse.query({
            query: `SELECT toString(event_id) AS id FROM wholesail.events_raw
                    WHERE aggregate_type = 'order' AND occurred_at >= fromUnixTimestamp64Milli({since:Int64})
                      AND event_id IN {ids:Array(UUID)}`,
            query_params: { since, ids: pending.map(([id]) => id) },
            format: 'JSONEachRow',
          });
          const rows = await result.json<{ id: string }>();
          const seen = Date.now();
          for (const { id } of rows) {
            const commit = t.markers.get(id);
            if (commit === undefined) continue;
            t.polled.push({ commit, seen });
            t.markers.delete(id);
          }
        } catch (error) {
          ctx.logger.warn({ err: error }, 'poller query failed');
        }
      }
      await sleep(ctx.pollerMs);
    }
  })();
  return async () => {
    active = false;
    await loop;
  };
}

export async function runScenario(ctx: ScenarioContext, spec: ScenarioSpec): Promise<ScenarioRun> {
  const { db, warehouse, logger } = ctx;
  // Same starting point for every scenario: empty outbox, empty raw table and facts.
  await sql`TRUNCATE outbox`.execute(db);
  await warehouse.command({ query: 'TRUNCATE TABLE IF EXISTS wholesail.events_raw' });
  await warehouse.command({ query: 'TRUNCATE TABLE IF EXISTS wholesail.fact_orders' });

  const expected = Math.round((spec.rate * spec.durationMs) / 1000);
  let tracker = new Tracker(64);
  const current = () => tracker;
  const loader = timedLoader(
    createWarehouseLoader({ warehouse: timedWarehouse(warehouse, current), logger }),
    current,
  );
  const settings: KafkaSettings = {
    brokers: ctx.brokers,
    topicPrefix: `${ctx.topicPrefix}s${ctx.index}`,
    consumerGroup: `${ctx.groupPrefix}s${ctx.index}`,
  };
  let inner: EventPublisher;
  let consumer: { stop: () => Promise<void> } | undefined;
  if (spec.path === 'kafka') {
    await ensureTopics(settings, logger);
    inner = await createKafkaPublisher(settings, logger);
    consumer = await startKafkaConsumer(settings, loader, logger);
  } else {
    inner = createInProcessPublisher(loader);
  }
  const publisher = timedPublisher(inner, current);
  const relay = new TimedRelay(
    {
      db: db.withPlugin(new QueryTimer(current)),
      publisher,
      logger,
      pollMs: spec.pollMs,
      batchSize: spec.batchSize,
    },
    current,
  );
  let stopPoller: (() => Promise<void>) | undefined;
  const bar = new SingleBar({
    format: `  ${spec.label.padEnd(28)} {bar} {phase} {elapsed}s | committed {committed} | loaded {loaded} | backlog {backlog}`,
    barsize: 20,
    hideCursor: true,
  });
  try {
    relay.start();
    await warmUp(db, tracker);
    tracker = new Tracker(expected);
    stopPoller = startPoller(ctx, current);

    const child = fork(new URL('./generator.ts', import.meta.url).pathname, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const done = new Promise<Extract<GeneratorMessage, { type: 'done' }>>((resolve, reject) => {
      child.on('message', (m: GeneratorMessage) => {
        if (m.type === 'commits') tracker.commits(m.list, ctx.markerEveryMs);
        else resolve(m);
      });
      // Late messages may still be queued when the child exits: decide a moment later.
      child.once('exit', (code) =>
        setTimeout(() => reject(new Error(`generator exited with code ${code} before finishing`)), 500),
      );
    });
    const cpu0 = process.cpuUsage();
    const machine0 = cpuSnapshot();
    const genStart = Date.now();
    const start: GeneratorStart = {
      type: 'start',
      databaseUrl: ctx.databaseUrl,
      rate: spec.rate,
      durationMs: spec.durationMs,
      txSize: spec.txSize,
      concurrency: spec.concurrency,
      load: spec.load,
    };
    child.send(start);

    let phase = 'load ';
    bar.start(spec.durationMs / 1000, 0, { phase, elapsed: 0, committed: 0, loaded: 0, backlog: 0 });
    const ticker = setInterval(() => {
      const elapsed = (Date.now() - genStart) / 1000;
      bar.update(Math.min(elapsed, spec.durationMs / 1000), {
        phase,
        elapsed: elapsed.toFixed(0),
        committed: tracker.committed,
        loaded: tracker.loadedCommitted,
        backlog: tracker.committed - tracker.loadedCommitted,
      });
    }, 250);
    const generator = await done;
    const genEnd = Date.now();
    const cpu = process.cpuUsage(cpu0);
    const machine1 = cpuSnapshot();
    phase = 'drain';
    const drained = await waitFor(() => tracker.loadedCommitted >= tracker.committed, spec.drainMaxMs);
    const drainedAt = drained ? Date.now() : undefined;
    // Give the poller a moment to see the last markers.
    await waitFor(() => tracker.markers.size === 0, 1000);
    clearInterval(ticker);
    bar.stop();
    if (generator.errors > 0)
      logger.warn(`generator: ${generator.errors} failed transactions: ${generator.firstError}`);
    return {
      spec,
      tracker,
      // The child's own start-up (tsx, connections) is not load time.
      genStart: generator.startedAt,
      genEnd,
      drainedAt,
      generator,
      pipelineCpu: (cpu.user + cpu.system) / 1000 / (genEnd - generator.startedAt),
      machineBusy: machineBusy(machine0, machine1),
    };
  } finally {
    bar.stop();
    await stopPoller?.();
    await relay.stop();
    await consumer?.stop().catch(() => undefined);
    await publisher.close().catch(() => undefined);
  }
}
