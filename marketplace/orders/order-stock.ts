/**
 * Giving back the stock of an order that ends before it ships (rejected, cancelled, expired). Every movement an
 * order causes carries the reference `order:<id>`, so the order's net footprint on each variant and location is
 * the sum of those movements; writing the opposite puts the shelf back exactly where the order found it, at the
 * same locations, and keeps every level equal to the sum of its movements. Netting (rather than reversing
 * "the sale") also covers reservations a card checkout holds, and makes a second call a no-op.
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import type { Database } from '../db/schema.ts';
import { moveStock, type Movement } from '../inventory/stock-ledger.ts';

export const orderReference = (orderId: string) => `order:${orderId}`;

export async function releaseOrderStock(
  tx: Transaction<Database>,
  ctx: { orderId: string; sellerCompanyId: string; actor: Actor; at: Date; status: string },
): Promise<void> {
  const reference = orderReference(ctx.orderId);
  const rows = await tx
    .selectFrom('inventory_movements as m')
    .innerJoin('product_variants as v', 'v.id', 'm.variant_id')
    .select(['m.product_id', 'm.variant_id', 'm.location_id', 'v.sku', 'm.on_hand_delta', 'm.reserved_delta'])
    .where('m.reference', '=', reference)
    .orderBy('m.variant_id')
    .orderBy('m.location_id')
    .execute();
  const net = new Map<string, { row: (typeof rows)[number]; onHand: number; reserved: number }>();
  for (const row of rows) {
    const key = `${row.variant_id}|${row.location_id}`;
    const sum = net.get(key) ?? { row, onHand: 0, reserved: 0 };
    sum.onHand += row.on_hand_delta;
    sum.reserved += row.reserved_delta;
    net.set(key, sum);
  }

  const movements: Movement[] = [];
  const unitsBack = new Map<string, number>();
  for (const { row, onHand, reserved } of net.values()) {
    const base = {
      productId: row.product_id,
      variantId: row.variant_id,
      sku: row.sku,
      locationId: row.location_id,
    };
    const note = `order ${ctx.status}`;
    // Only what the order took comes back; a positive footprint would be someone else's correction to keep.
    if (onHand < 0) {
      movements.push({ ...base, kind: 'cancellation', onHandDelta: -onHand, reservedDelta: 0, note });
      unitsBack.set(row.product_id, (unitsBack.get(row.product_id) ?? 0) - onHand);
    }
    if (reserved > 0)
      movements.push({ ...base, kind: 'release', onHandDelta: 0, reservedDelta: -reserved, note });
  }
  await moveStock(tx, { companyId: ctx.sellerCompanyId, actor: ctx.actor, at: ctx.at, reference }, movements);
  // Popularity counts units sold: a sale that never shipped was not one.
  for (const [productId, units] of unitsBack) {
    await tx
      .updateTable('products')
      .set((eb) => ({ units_sold: eb.fn<number>('greatest', [eb('units_sold', '-', units), eb.lit(0)]) }))
      .where('id', '=', productId)
      .execute();
  }
}
