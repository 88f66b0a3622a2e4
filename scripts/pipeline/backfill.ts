/**
 * `npm run backfill`: rebuilds the warehouse from the outbox history with a progress bar. Idempotent: run it as
 * often as you like, a replayed event never doubles a figure.
 */
import { Presets, SingleBar } from 'cli-progress';
import { backfill } from '../../ingest/backfill.ts';
import { createWarehouseLoader } from '../../ingest/loader.ts';
import { openForCli } from './cli.ts';

const { db, warehouse, logger, close } = await openForCli();
const bar = new SingleBar(
  {
    format: 'Backfilling warehouse [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  },
  Presets.shades_classic,
);
let started = false;
const started_at = Date.now();
const result = await backfill(db, createWarehouseLoader({ warehouse, logger }), {
  onProgress: (done, total) => {
    if (!started) {
      bar.start(total, done);
      started = true;
    } else bar.update(done, { total });
  },
});
bar.stop();
const seconds = (Date.now() - started_at) / 1000;
console.log(
  `Loaded ${result.events} events (${result.rejected} dead-lettered) in ${seconds.toFixed(1)} s (${Math.round(result.events / Math.max(seconds, 0.001))} events/s).`,
);
await close();
