/**
 * The stock ledger: a level per variant and warehouse location is only ever changed by writing a movement
 * (receipt, adjustment, reservation, release, sale) in the same transaction, so every level equals the sum
 * of its movements. `moveStock` locks the levels it touches, refuses a movement that would take on-hand
 * below zero or reserve more than is on hand, keeps products.stock (units available from variants on sale) in
 * step and writes one `product.inventory_moved` event per product.
 */
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Database, MovementKind } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { PRODUCT_INVENTORY_MOVED, type ProductInventoryMovedV1 } from '../catalog/events.ts';

export interface Movement {
  productId: string;
  variantId: string;
  sku: string;
  locationId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  note?: string;
  /** JSON path of the input that asked for it, for error messages (`items.3.stock`). */
  field?: string;
}

export interface LedgerContext {
  companyId: string;
  actor: Actor;
  at: Date;
  reference?: string;
}

type Tx = Transaction<Database>;

export async function moveStock(tx: Tx, ctx: LedgerContext, movements: Movement[]): Promise<void> {
  if (movements.length === 0) return;
  const variantIds = [...new Set(movements.map((m) => m.variantId))].sort();
  const existing = await tx
    .selectFrom('inventory_levels')
    .selectAll()
    .where('variant_id', 'in', variantIds)
    .orderBy('variant_id')
    .orderBy('location_id')
    .forUpdate()
    .execute();
  const key = (variantId: string, locationId: string) => `${variantId}|${locationId}`;
  const levels = new Map(existing.map((l) => [key(l.variant_id, l.location_id), { ...l }]));
  const touched = new Set<string>();
  const byProduct = new Map<string, ProductInventoryMovedV1['movements']>();
  const rows = [];
  for (const m of movements) {
    const k = key(m.variantId, m.locationId);
    const level = levels.get(k) ?? {
      variant_id: m.variantId,
      location_id: m.locationId,
      on_hand: 0,
      reserved: 0,
    };
    const onHand = level.on_hand + m.onHandDelta;
    const reserved = level.reserved + m.reservedDelta;
    if (onHand < 0 || reserved < 0 || reserved > onHand) {
      const available = level.on_hand - level.reserved;
      throw new DomainError(
        'conflict',
        'insufficient_stock',
        `Only ${available} of ${m.sku} available at that location; a ${m.kind} of ${Math.abs(
          m.onHandDelta || m.reservedDelta,
        )} would leave ${onHand} on hand and ${reserved} reserved.`,
        [{ field: m.field ?? 'quantity', message: `at most ${available} available` }],
      );
    }
    level.on_hand = onHand;
    level.reserved = reserved;
    levels.set(k, level);
    touched.add(k);
    const movementId = newId();
    rows.push({
      id: movementId,
      company_id: ctx.companyId,
      product_id: m.productId,
      variant_id: m.variantId,
      location_id: m.locationId,
      kind: m.kind,
      on_hand_delta: m.onHandDelta,
      reserved_delta: m.reservedDelta,
      reference: ctx.reference ?? null,
      note: m.note ?? null,
      actor_user_id: ctx.actor.userId,
      occurred_at: ctx.at,
    });
    const list = byProduct.get(m.productId) ?? [];
    list.push({
      movementId,
      variantId: m.variantId,
      sku: m.sku,
      locationId: m.locationId,
      kind: m.kind,
      onHandDelta: m.onHandDelta,
      reservedDelta: m.reservedDelta,
      onHand,
      reserved,
    });
    byProduct.set(m.productId, list);
  }

  const changed = [...touched].map((k) => levels.get(k)!);
  for (let i = 0; i < changed.length; i += 500) {
    await tx
      .insertInto('inventory_levels')
      .values(changed.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['variant_id', 'location_id']).doUpdateSet((eb) => ({
          on_hand: eb.ref('excluded.on_hand'),
          reserved: eb.ref('excluded.reserved'),
        })),
      )
      .execute();
  }
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('inventory_movements')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  const productIds = [...byProduct.keys()];
  // Units for sale: a retired variant's stock stays in the ledger but is not offered.
  await sql`UPDATE products p SET stock = coalesce((
      SELECT sum(l.on_hand - l.reserved) FROM inventory_levels l
      JOIN product_variants v ON v.id = l.variant_id WHERE v.product_id = p.id AND v.retired_at IS NULL), 0)
    WHERE p.id IN (${sql.join(productIds)})`.execute(tx);
  for (const [productId, list] of byProduct) {
    await recordEvent<ProductInventoryMovedV1>(tx, {
      type: PRODUCT_INVENTORY_MOVED,
      version: 1,
      aggregateType: 'product',
      aggregateId: productId,
      companyIds: [ctx.companyId],
      occurredAt: ctx.at,
      actor: ctx.actor,
      payload: {
        productId,
        sellerCompanyId: ctx.companyId,
        reference: ctx.reference ?? null,
        movements: list,
      },
    });
  }
}

/**
 * Sale movements for `quantity` units of a variant, taken from its locations with the most available first
 * (ties by location id), or an `insufficient_stock` problem naming `field`.
 */
export async function allocateSale(
  tx: Tx,
  line: { productId: string; variantId: string; sku: string; quantity: number; field: string },
  /** 'reservation' holds the units (checkout awaiting payment) instead of taking them off hand. */
  kind: 'sale' | 'reservation' = 'sale',
): Promise<Movement[]> {
  const levels = await tx
    .selectFrom('inventory_levels')
    .select(['location_id', 'on_hand', 'reserved'])
    .where('variant_id', '=', line.variantId)
    .execute();
  levels.sort(
    (a, b) => b.on_hand - b.reserved - (a.on_hand - a.reserved) || a.location_id.localeCompare(b.location_id),
  );
  const available = levels.reduce((s, l) => s + l.on_hand - l.reserved, 0);
  if (available < line.quantity) {
    throw new DomainError(
      'conflict',
      'insufficient_stock',
      `Only ${available} of ${line.sku} left; the order asks for ${line.quantity}.`,
      [{ field: line.field, message: `at most ${available} available` }],
    );
  }
  const movements: Movement[] = [];
  let left = line.quantity;
  for (const level of levels) {
    if (left === 0) break;
    const take = Math.min(left, level.on_hand - level.reserved);
    if (take <= 0) continue;
    movements.push({
      productId: line.productId,
      variantId: line.variantId,
      sku: line.sku,
      locationId: level.location_id,
      kind,
      onHandDelta: kind === 'sale' ? -take : 0,
      reservedDelta: kind === 'sale' ? 0 : take,
      field: line.field,
    });
    left -= take;
  }
  return movements;
}

/**
 * The location a stock change applies to: one of the company's own (refusing anyone else's, naming `field`),
 * or its default location when none is given.
 */
export async function stockLocation(
  tx: Tx,
  companyId: string,
  locationId: string | undefined,
  at: Date,
  field: string,
): Promise<string> {
  if (!locationId) return defaultLocation(tx, companyId, at);
  const own = await tx
    .selectFrom('warehouse_locations')
    .select('id')
    .where('id', '=', locationId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (!own) {
    throw new DomainError('validation', 'unknown_location', 'That is not one of your locations.', [
      { field, message: 'no such location of yours' },
    ]);
  }
  return own.id;
}

/** The company's default location ("MAIN"), created on first use. */
export async function defaultLocation(tx: Tx, companyId: string, at: Date): Promise<string> {
  const found = await tx
    .selectFrom('warehouse_locations')
    .select('id')
    .where('company_id', '=', companyId)
    .where('code', '=', 'MAIN')
    .executeTakeFirst();
  if (found) return found.id;
  const company = await tx
    .selectFrom('companies')
    .select(['country', 'city'])
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow();
  const id = newId();
  await tx
    .insertInto('warehouse_locations')
    .values({
      id,
      company_id: companyId,
      code: 'MAIN',
      name: 'Main warehouse',
      country: company.country,
      city: company.city,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['company_id', 'code']).doNothing())
    .execute();
  const row = await tx
    .selectFrom('warehouse_locations')
    .select('id')
    .where('company_id', '=', companyId)
    .where('code', '=', 'MAIN')
    .executeTakeFirstOrThrow();
  return row.id;
}
