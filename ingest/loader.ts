/**
 * The warehouse loader: the only writer of the warehouse's raw tables. Both the in-process hand-off and the
 * Kafka consumer call it. It inserts a batch of events into `events_raw`; facts derive inside ClickHouse.
 * Loading the same event twice is harmless (the raw table deduplicates by event id), which is what makes
 * at-least-once delivery exact in effect.
 */
import type { Logger } from '../platform/logger.ts';
import type { PipelineMetrics } from './metrics.ts';
import type { Warehouse } from '../warehouse/client.ts';
import { validateEvent } from './events/catalog.ts';

export interface LoadResult {
  loaded: number;
  rejected: Array<{ eventId: string; reason: string }>;
}

/** ClickHouse's default DateTime input format is 'YYYY-MM-DD hh:mm:ss.sss' (UTC by the column's zone). */
const FRESHNESS_WINDOW_MS = 60 * 60 * 1000;

const toClickHouseTime = (iso: string) => iso.replace('T', ' ').replace(/Z$/, '');

export function createWarehouseLoader(deps: {
  warehouse: Warehouse;
  logger: Logger;
  metrics?: PipelineMetrics;
}) {
  const { warehouse, logger, metrics } = deps;

  async function load(candidates: unknown[]): Promise<LoadResult> {
    const rows = [];
    const occurredAts: number[] = [];
    const rejected: LoadResult['rejected'] = [];
    const deadLetters: Array<{ event_id: string; reason: string; raw: string }> = [];
    for (const candidate of candidates) {
      const result = validateEvent(candidate);
      if (!result.ok) {
        const eventId = String((candidate as { eventId?: unknown })?.eventId ?? 'unknown');
        rejected.push({ eventId, reason: result.reason });
        deadLetters.push({ event_id: eventId, reason: result.reason, raw: JSON.stringify(candidate) });
        continue;
      }
      const e = result.event;
      occurredAts.push(Date.parse(e.occurredAt));
      rows.push({
        event_id: e.eventId,
        type: e.type,
        version: e.version,
        aggregate_type: e.aggregateType,
        aggregate_id: e.aggregateId,
        company_ids: e.companyIds,
        occurred_at: toClickHouseTime(e.occurredAt),
        actor: JSON.stringify(e.actor),
        payload: JSON.stringify(e.payload),
      });
    }
    if (rows.length > 0) {
      const started = Date.now();
      await warehouse.insert({ table: 'wholesail.events_raw', values: rows, format: 'JSONEachRow' });
      const done = Date.now();
      metrics?.insertSeconds.observe((done - started) / 1000);
      metrics?.loaded.inc(rows.length);
      for (const occurredAt of occurredAts) {
        // Only live events: replays, backfills and the demo seeder's back-dated history are not "freshness".
        const age = done - occurredAt;
        if (age >= 0 && age < FRESHNESS_WINDOW_MS) metrics?.freshness.observe(age / 1000);
      }
    }
    if (rejected.length > 0) {
      metrics?.rejected.inc(rejected.length);
      logger.error({ rejected }, 'events refused by the loader went to wholesail.dead_letters');
      await warehouse.insert({
        table: 'wholesail.dead_letters',
        values: deadLetters,
        format: 'JSONEachRow',
      });
    }
    return { loaded: rows.length, rejected };
  }

  return { load };
}

export type WarehouseLoader = ReturnType<typeof createWarehouseLoader>;
