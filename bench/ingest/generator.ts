/**
 * Load generator, run as a child process (the marketplace's API tier, apart from the pipeline process).
 * It writes `order.placed`-shaped events into the outbox through the real `recordEvent`, inside real
 * transactions, at a target rate: a pacer releases `rate` events per second as transactions of `txSize`
 * events (one INSERT per event, as the domain does), on up to `concurrency` connections. After each COMMIT
 * it reports the event ids and the commit time (Date.now(), same clock as the parent) to the parent.
 * `bulk` writes the same rows with one multi-row INSERT per transaction instead: cheaper for PostgreSQL and
 * this process, so the pipeline, not the load generator, is what is measured at high rates.
 * Scheduling stops at the deadline; what was committed by then is the offered load actually achieved.
 */
import { performance } from 'node:perf_hooks';
import { openPostgres } from '../../marketplace/db/database.ts';
import { recordEvent } from '../../marketplace/outbox/record-event.ts';
import { newId } from '../../platform/ids.ts';
import { orderPlaced } from './events.ts';

export interface GeneratorStart {
  type: 'start';
  databaseUrl: string;
  rate: number;
  durationMs: number;
  txSize: number;
  concurrency: number;
  /** record: one recordEvent (one INSERT) per event, as the domain writes; bulk: one multi-row INSERT per transaction. */
  load: 'record' | 'bulk';
}

export type GeneratorMessage =
  | { type: 'commits'; list: Array<[commitAt: number, ids: string[]]> }
  | {
      type: 'done';
      /** Date.now() when pacing began (after the child's own start-up). */
      startedAt: number;
      committed: number;
      transactions: number;
      elapsedMs: number;
      /** The furthest the commits fell behind the schedule, in ms of load. */
      maxBehindMs: number;
      cpuMs: number;
      errors: number;
      firstError?: string;
    };

async function run(start: GeneratorStart) {
  const db = openPostgres(start.databaseUrl, start.concurrency);
  const total = Math.round((start.rate * start.durationMs) / 1000);
  // Resolves once the message is handed to the IPC channel, so nothing is lost when the process ends.
  const send = (m: GeneratorMessage) =>
    new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));
  let pending: Array<[number, string[]]> = [];
  const flush = () => {
    if (pending.length > 0) void send({ type: 'commits', list: pending });
    pending = [];
  };
  const flusher = setInterval(flush, 20);

  let scheduled = 0;
  let committed = 0;
  let transactions = 0;
  let inflight = 0;
  let errors = 0;
  let firstError: string | undefined;
  let maxBehindMs = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const startedAt = Date.now();

  const transaction = async (n: number) => {
    try {
      const ids = await db.transaction().execute(async (tx) => {
        const now = new Date();
        if (start.load === 'record') {
          const out: string[] = [];
          for (let i = 0; i < n; i++) out.push((await recordEvent(tx, orderPlaced(now))).eventId);
          return out;
        }
        // The same columns recordEvent writes, n rows in one statement.
        const rows = Array.from({ length: n }, () => {
          const e = orderPlaced(now);
          return {
            event_id: newId(),
            type: e.type,
            version: e.version,
            aggregate_type: e.aggregateType,
            aggregate_id: e.aggregateId,
            company_ids: JSON.stringify(e.companyIds),
            occurred_at: e.occurredAt,
            actor: JSON.stringify(e.actor),
            payload: JSON.stringify(e.payload),
            published_at: null,
          };
        });
        await tx.insertInto('outbox').values(rows).execute();
        return rows.map((r) => r.event_id);
      });
      pending.push([Date.now(), ids]);
      committed += n;
      transactions++;
    } catch (error) {
      errors++;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  };

  let finished = false;
  await new Promise<void>((resolve) => {
    const pump = () => {
      const elapsed = performance.now() - t0;
      if (elapsed >= start.durationMs && !finished) {
        finished = true;
        clearInterval(pacer);
      }
      const due = finished ? scheduled : Math.min(total, Math.floor((start.rate * elapsed) / 1000));
      if (finished && inflight === 0) return resolve();
      if (!finished) maxBehindMs = Math.max(maxBehindMs, ((due - committed) / start.rate) * 1000);
      while (scheduled < due && inflight < start.concurrency) {
        const n = Math.min(start.txSize, due - scheduled);
        scheduled += n;
        inflight++;
        void transaction(n).finally(() => {
          inflight--;
          pump();
        });
      }
    };
    const pacer = setInterval(pump, 2);
  });
  const elapsedMs = performance.now() - t0;
  clearInterval(flusher);
  if (pending.length > 0) await send({ type: 'commits', list: pending });
  const cpu = process.cpuUsage(cpu0);
  await send({
    type: 'done',
    startedAt,
    committed,
    transactions,
    elapsedMs,
    maxBehindMs: Math.max(0, maxBehindMs),
    cpuMs: (cpu.user + cpu.system) / 1000,
    errors,
    firstError,
  });
  await db.destroy();
}

process.once('message', (message: GeneratorStart) => {
  run(message).then(
    () => process.disconnect(),
    (error) => {
      console.error('generator failed:', error);
      process.exit(1);
    },
  );
});
