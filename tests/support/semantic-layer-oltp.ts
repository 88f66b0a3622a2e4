/**
 * The expected side of the semantic layer's margin, category and fulfilment figures, read from PostgreSQL and
 * computed the way the models document them (never hard-coded): order lines with the unit cost they were sold
 * at, orders with the times they reached each step, their refunds and claims.
 */
import { sql } from 'kysely';
import { decimal } from '../../marketplace/checkout/reference-rates.ts';
import { applyRate } from '../../platform/money.ts';
import type { TestPlatform } from './test-platform.ts';

/** Lines of placed orders in USD at their order's rate, with cost where the line has a unit cost. */
export async function oltpLines(tp: TestPlatform, only: { sellerId?: string } = {}) {
  let query = tp.platform.db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .select([
      'l.quantity',
      'l.line_total_minor',
      'l.unit_cost_minor',
      'o.fx_rate',
      'o.seller_company_id',
      'c.path as category_path',
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('order_status_history as h')
          .select('h.id')
          .whereRef('h.order_id', '=', 'o.id')
          .where('h.to_status', '=', 'placed'),
      ),
    );
  if (only.sellerId) query = query.where('o.seller_company_id', '=', only.sellerId);
  return (await query.execute()).map((l) => {
    const rate = decimal(l.fx_rate ?? '1');
    const revenue = applyRate(l.line_total_minor, rate);
    const cost = l.unit_cost_minor === null ? null : applyRate(l.quantity * l.unit_cost_minor, rate);
    return {
      units: l.quantity,
      revenue,
      cost,
      margin: cost === null ? null : revenue - cost,
      // Every order carries its products' categories to the warehouse, direct orders included.
      categoryPath: l.category_path ?? '',
    };
  });
}

export type OltpLine = Awaited<ReturnType<typeof oltpLines>>[number];

/** Margin over the lines with a unit cost, and what it rests on. */
export function marginOf(lines: OltpLine[]) {
  const costed = lines.filter((l) => l.cost !== null);
  const revenueWithCost = costed.reduce((s, l) => s + l.revenue, 0);
  const margin = costed.reduce((s, l) => s + l.margin!, 0);
  return { lines: lines.length, linesWithCost: costed.length, revenueWithCost, margin };
}

/** Units and revenue per category slug path ('' for uncategorised lines). */
export function byCategory(lines: OltpLine[]) {
  const out: Record<string, { units: number; revenue: number }> = {};
  for (const l of lines) {
    const row = (out[l.categoryPath] ??= { units: 0, revenue: 0 });
    row.units += l.units;
    row.revenue += l.revenue;
  }
  return out;
}

/**
 * Fulfilment counts of placed orders, as semantic-layer/model/fulfilment.yml defines them: decided = accepted
 * and no longer accepted or processing; returned = delivered with a refund that went through or a claim
 * resolved with a refund; disputed = shipped with a claim.
 */
export async function oltpFulfilment(tp: TestPlatform, only: { sellerId?: string } = {}) {
  const seller = only.sellerId ? sql`AND o.seller_company_id = ${only.sellerId}` : sql``;
  const { rows } = await sql<
    Record<'accepted' | 'decided' | 'shipped' | 'delivered' | 'returned' | 'disputed', number>
  >`
    SELECT
      count(*) FILTER (WHERE o.accepted_at IS NOT NULL)::int AS accepted,
      count(*) FILTER (WHERE o.accepted_at IS NOT NULL AND o.status NOT IN ('accepted', 'processing'))::int
        AS decided,
      count(*) FILTER (WHERE o.shipped_at IS NOT NULL)::int AS shipped,
      count(*) FILTER (WHERE o.delivered_at IS NOT NULL)::int AS delivered,
      count(*) FILTER (WHERE o.delivered_at IS NOT NULL AND (
        EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id AND r.status = 'succeeded')
        OR EXISTS (SELECT 1 FROM claims c WHERE c.order_id = o.id AND c.status = 'resolved'
                     AND c.resolution_outcome IN ('full_refund', 'partial_refund'))))::int AS returned,
      count(*) FILTER (WHERE o.shipped_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM claims c WHERE c.order_id = o.id))::int AS disputed
    FROM orders o
    WHERE EXISTS (SELECT 1 FROM order_status_history h WHERE h.order_id = o.id AND h.to_status = 'placed')
      ${seller}`.execute(tp.platform.db);
  return rows[0]!;
}
