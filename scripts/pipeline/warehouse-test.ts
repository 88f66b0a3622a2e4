/**
 * `npm run warehouse:test`: runs the warehouse's data tests (models/schema.yml) and the reconciliation to the
 * OLTP database; prints each test and exits 1 if any fails.
 */
import { reconcile } from '../../ingest/reconcile.ts';
import { runDataTests } from '../../warehouse/data-tests.ts';
import { openForCli } from './cli.ts';

const { db, warehouse, close } = await openForCli();
const results = await runDataTests(warehouse);
for (const r of results)
  console.log(
    `${r.failures === 0 ? 'PASS' : 'FAIL'}  ${r.model}: ${r.test}${r.failures ? ` (${r.failures} rows)` : ''}`,
  );
const { differences, days } = await reconcile(db, warehouse);
console.log(
  `${differences.length === 0 ? 'PASS' : 'FAIL'}  reconciliation to OLTP over ${days} days${differences.length ? ` (${differences.length} differences: npm run reconcile)` : ''}`,
);
const failed = results.filter((r) => r.failures > 0).length + (differences.length > 0 ? 1 : 0);
console.log(`${results.length + 1} data tests, ${failed} failed.`);
await close();
process.exit(failed === 0 ? 0 : 1);
