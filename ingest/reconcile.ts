/**
 * Reconciliation: the warehouse against the OLTP database, per UTC day and currency, to the cent.
 * Today it compares orders and GMV (order subtotals); commissions and refunds join as the buying issue adds them.
 */
import { sql } from 'kysely';
import type { Db } from '../marketplace/db/database.ts';
import type { Warehouse } from '../warehouse/client.ts';

export interface Difference {
  day: string;
  currency: string;
  metric: 'orders' | 'gmv_minor';
  oltp: number;
  warehouse: number;
}

type Totals = Map<string, { orders: number; gmv: number }>;

export async function reconcile(
  db: Db,
  warehouse: Warehouse,
): Promise<{ days: number; differences: Difference[] }> {
  const oltpRows = await db
    .selectFrom('orders')
    .select([
      sql<string>`to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`.as('day'),
      'currency',
      (eb) => eb.fn.countAll<number>().as('orders'),
      (eb) => eb.fn.sum<number>('subtotal_minor').as('gmv'),
    ])
    .groupBy(['day', 'currency'])
    .execute();
  const result = await warehouse.query({
    query: `SELECT toString(toDate(placed_at)) AS day, currency, count() AS orders, sum(subtotal_minor) AS gmv
            FROM wholesail.fct_orders FINAL GROUP BY day, currency`,
    format: 'JSONEachRow',
  });
  const whRows = await result.json<{ day: string; currency: string; orders: string; gmv: string }>();

  const index = (
    rows: Array<{ day: string; currency: string; orders: number | string; gmv: number | string | null }>,
  ): Totals =>
    new Map(
      rows.map((r) => [
        `${r.day} ${r.currency.trim()}`,
        { orders: Number(r.orders), gmv: Number(r.gmv ?? 0) },
      ]),
    );
  const oltp = index(oltpRows);
  const wh = index(whRows);

  const differences: Difference[] = [];
  for (const key of [...new Set([...oltp.keys(), ...wh.keys()])].sort()) {
    const [day, currency] = key.split(' ') as [string, string];
    const a = oltp.get(key) ?? { orders: 0, gmv: 0 };
    const b = wh.get(key) ?? { orders: 0, gmv: 0 };
    if (a.orders !== b.orders)
      differences.push({ day, currency, metric: 'orders', oltp: a.orders, warehouse: b.orders });
    if (a.gmv !== b.gmv)
      differences.push({ day, currency, metric: 'gmv_minor', oltp: a.gmv, warehouse: b.gmv });
  }
  return { days: new Set([...oltp.keys(), ...wh.keys()].map((k) => k.split(' ')[0])).size, differences };
}
