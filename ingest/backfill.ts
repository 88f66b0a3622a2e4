/**
 * Backfill / replay: loads the whole outbox history into the warehouse, page by page in sequence order,
 * through the same loader as live traffic. Safe to run any number of times, even beside the live pipeline:
 * the raw table deduplicates by event id.
 */
import type { Db } from '../marketplace/db/database.ts';
import { eventFromOutboxRow } from './outbox-row.ts';
import type { WarehouseLoader } from './loader.ts';

export async function backfill(
  db: Db,
  loader: WarehouseLoader,
  options: { pageSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ events: number; rejected: number }> {
  const pageSize = options.pageSize ?? 5_000;
  const total = Number(
    (
      await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let after = 0;
  let done = 0;
  let rejected = 0;
  options.onProgress?.(0, total);
  for (;;) {
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    const events = rows.map(eventFromOutboxRow);
    const result = await loader.load(events);
    rejected += result.rejected.length;
    done += rows.length;
    after = rows[rows.length - 1]!.seq;
    options.onProgress?.(done, Math.max(total, done));
  }
  return { events: done, rejected };
}
