/**
 * The price list: for each product and interval, the `billing_prices` row in effect at a moment (the latest
 * `effective_from` not after it). A new price is a new row with a later date, so the rows a subscription was
 * sold at never change under it.
 */
import type { Db } from '../db/database.ts';
import type { BillingInterval, BillingProduct } from '../db/schema.ts';

export interface BillingPrice {
  id: string;
  product: BillingProduct;
  interval: BillingInterval;
  amountUsdMinor: number;
  effectiveFrom: string;
}

type Reader = Pick<Db, 'selectFrom'>;

export async function pricesInEffect(db: Reader, at: Date): Promise<BillingPrice[]> {
  const rows = await db
    .selectFrom('billing_prices')
    .selectAll()
    .where('effective_from', '<=', at)
    .orderBy('effective_from')
    .execute();
  const current = new Map<string, (typeof rows)[number]>();
  for (const row of rows) current.set(`${row.product}/${row.interval}`, row); // later rows replace earlier ones
  return [...current.values()].map(toPrice);
}

export async function pricesById(db: Reader, ids: string[]): Promise<Map<string, BillingPrice>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('billing_prices').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toPrice(r)]));
}

export async function priceById(db: Reader, id: string): Promise<BillingPrice | undefined> {
  return (await pricesById(db, [id])).get(id);
}

function toPrice(row: {
  id: string;
  product: BillingProduct;
  interval: BillingInterval;
  amount_usd_minor: number | string;
  effective_from: Date | string;
}): BillingPrice {
  return {
    id: row.id,
    product: row.product,
    interval: row.interval,
    // bigint comes back as a string from node-postgres.
    amountUsdMinor: Number(row.amount_usd_minor),
    effectiveFrom: new Date(row.effective_from).toISOString(),
  };
}
