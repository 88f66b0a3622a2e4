/**
 * `npm run dead-letters -- list` shows events the loader refused, with the reason.
 * `npm run dead-letters -- replay` loads them again (after the schema or the producer was fixed); those that
 * now pass are removed from the dead-letter table, the rest stay with their new reason.
 */
import { createWarehouseLoader } from '../../ingest/loader.ts';
import { openForCli } from './cli.ts';

const command = process.argv[2] ?? 'list';
if (!['list', 'replay'].includes(command)) {
  console.error(`Unknown command "${command}": use list or replay.`);
  process.exit(2);
}
const { warehouse, logger, close } = await openForCli();
const result = await warehouse.query({
  query:
    'SELECT event_id, reason, raw, toString(received_at) AS received_at FROM wholesail.dead_letters FINAL ORDER BY received_at',
  format: 'JSONEachRow',
});
const letters = (await result.json()) as Array<{
  event_id: string;
  reason: string;
  raw: string;
  received_at: string;
}>;
if (command === 'list') {
  if (letters.length === 0) console.log('No dead letters.');
  for (const l of letters)
    console.log(`${l.received_at}  ${l.event_id}\n  ${l.reason.replace(/\n/g, '\n  ')}`);
} else {
  const loader = createWarehouseLoader({ warehouse, logger });
  let fixed = 0;
  for (const letter of letters) {
    const outcome = await loader.load([JSON.parse(letter.raw)]);
    if (outcome.loaded === 1) {
      await warehouse.command({
        query: 'DELETE FROM wholesail.dead_letters WHERE event_id = {id:String} AND reason = {reason:String}',
        query_params: { id: letter.event_id, reason: letter.reason },
      });
      fixed++;
    }
  }
  console.log(
    `Replayed ${letters.length} dead letters: ${fixed} loaded, ${letters.length - fixed} still refused.`,
  );
}
await close();
