/**
 * `npm run reconcile`: compares the warehouse with the OLTP database per day and currency and prints every
 * difference. Exit code 0 when they agree to the cent, 1 otherwise.
 */
import { reconcile } from '../../ingest/reconcile.ts';
import { openForCli } from './cli.ts';

const { db, warehouse, close } = await openForCli();
const { days, differences } = await reconcile(db, warehouse);
if (differences.length === 0) {
  console.log(
    `Warehouse and OLTP agree on ${days} days (orders, GMV, commission, refunds and commission reversed per day and currency, to the minor unit).`,
  );
} else {
  console.log(`${differences.length} differences over ${days} days:`);
  console.table(differences.map((d) => ({ ...d, difference: d.warehouse - d.oltp })));
}
await close();
process.exit(differences.length === 0 ? 0 : 1);
