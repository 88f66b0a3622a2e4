/**
 * Reconciliation: the warehouse against the OLTP database, per UTC day and currency, to the minor unit.
 *
 * - orders, gmv_minor, commission_minor: orders that were placed (they have a `placed` step in their timeline;
 *   card orders that were never paid never reach the warehouse), by the day they were placed; GMV is the
 *   subtotal, commission what the order was charged at placement.
 * - refunds, refunded_minor, commission_reversed_minor: refunds that went through, by the day they were made.
 *
 * Commission net of reversals is commission_minor - commission_reversed_minor; comparing the two parts is
 * stricter than comparing their difference, which two opposite errors could leave intact.
 * Amounts are compared in the order's own currency: USD values are derived from them at a fixed rate.
 */
import { sql } from 'kysely';
import type { Db } from '../marketplace/db/database.ts';
import type { Warehouse } from '../warehouse/client.ts';

export const METRICS = [
  'orders',
  'gmv_minor',
  'commission_minor',
  'refunds',
  'refunded_minor',
  'commission_reversed_minor',
] as const;
export type Metric = (typeof METRICS)[number];

export interface Difference {
  day: string;
  currency: string;
  metric: Metric;
  oltp: number;
  warehouse: number;
}

type Row = { day: string; currency: string } & Partial<Record<Metric, number | string | null>>;
type Totals = Map<string, Partial<Record<Metric, number>>>;

const utcDay = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

async function oltpTotals(db: Db): Promise<Row[]> {
  const orders = await db
    .selectFrom('orders as o')
    .select([
      utcDay('o.placed_at').as('day'),
      'o.currency',
      (eb) => eb.fn.countAll<number>().as('orders'),
      (eb) => eb.fn.sum<number>('o.subtotal_minor').as('gmv_minor'),
      (eb) => eb.fn.sum<number>(eb.fn.coalesce('o.commission_minor', sql.lit(0))).as('commission_minor'),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('order_status_history as h')
          .select('h.id')
          .whereRef('h.order_id', '=', 'o.id')
          .where('h.to_status', '=', 'placed'),
      ),
    )
    .groupBy(['day', 'o.currency'])
    .execute();
  const refunds = await db
    .selectFrom('refunds as r')
    .select([
      utcDay('r.created_at').as('day'),
      'r.currency',
      (eb) => eb.fn.countAll<number>().as('refunds'),
      (eb) => eb.fn.sum<number>('r.amount_minor').as('refunded_minor'),
      (eb) => eb.fn.sum<number>('r.commission_reversed_minor').as('commission_reversed_minor'),
    ])
    .where('r.status', '=', 'succeeded')
    .groupBy(['day', 'r.currency'])
    .execute();
  return [...orders, ...refunds];
}

async function warehouseTotals(warehouse: Warehouse): Promise<Row[]> {
  const orders = await warehouse.query({
    query: `SELECT toString(toDate(placed_at)) AS day, currency, count() AS orders, sum(subtotal_minor) AS gmv_minor,
                   sum(commission_minor) AS commission_minor
            FROM wholesail.fct_orders FINAL GROUP BY day, currency`,
    format: 'JSONEachRow',
  });
  const refunds = await warehouse.query({
    query: `SELECT toString(toDate(refunded_at)) AS day, currency, count() AS refunds,
                   sum(amount_minor) AS refunded_minor, sum(commission_reversed_minor) AS commission_reversed_minor
            FROM wholesail.fct_refunds FINAL GROUP BY day, currency`,
    format: 'JSONEachRow',
  });
  return [...(await orders.json<Row>()), ...(await refunds.json<Row>())];
}

function index(rows: Row[]): Totals {
  const totals: Totals = new Map();
  for (const row of rows) {
    const key = `${row.day} ${row.currency.trim()}`;
    const entry = totals.get(key) ?? {};
    for (const metric of METRICS) {
      const value = row[metric];
      if (value !== undefined && value !== null) entry[metric] = (entry[metric] ?? 0) + Number(value);
    }
    totals.set(key, entry);
  }
  return totals;
}

export async function reconcile(
  db: Db,
  warehouse: Warehouse,
): Promise<{ days: number; differences: Difference[] }> {
  const oltp = index(await oltpTotals(db));
  const wh = index(await warehouseTotals(warehouse));
  const keys = [...new Set([...oltp.keys(), ...wh.keys()])].sort();
  const differences: Difference[] = [];
  for (const key of keys) {
    const [day, currency] = key.split(' ') as [string, string];
    for (const metric of METRICS) {
      const a = oltp.get(key)?.[metric] ?? 0;
      const b = wh.get(key)?.[metric] ?? 0;
      if (a !== b) differences.push({ day, currency, metric, oltp: a, warehouse: b });
    }
  }
  return { days: new Set(keys.map((k) => k.split(' ')[0])).size, differences };
}
