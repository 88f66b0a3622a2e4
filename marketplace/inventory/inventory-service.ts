/**
 * Inventory as a seller manages it: warehouse locations, stock levels per variant and location, the movement
 * history, and manual movements (receipts, adjustments, reservations, releases). Sales are written by the
 * orders context through the same ledger. Only members of the owning manufacturer see any of it.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { MovementKind } from '../db/schema.ts';
import { moveStock, stockLocation } from './stock-ledger.ts';

export interface LocationInput {
  code: string;
  name: string;
  country: string;
  city: string;
}

export interface ManualMovementInput {
  variantId: string;
  locationId?: string;
  kind: Exclude<MovementKind, 'sale' | 'cancellation'>;
  /** Positive for receipts, reservations and releases; signed for adjustments. */
  quantity: number;
  note?: string;
}

export function requireSellerMember(principal: Principal): void {
  if (principal.companyKind !== 'manufacturer')
    throw forbidden('Only a manufacturer has a catalog and inventory.');
}

export function requireCatalogWriter(principal: Principal): void {
  if (principal.companyKind !== 'manufacturer' || !can(principal, 'catalog:write'))
    throw forbidden('Only a manufacturer member with catalog rights can change the catalog or inventory.');
}

export function createInventoryService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const actorOf = (p: Principal) => ({ userId: p.userId, companyId: p.companyId, kind: 'user' as const });

  async function listLocations(principal: Principal) {
    requireSellerMember(principal);
    const rows = await db
      .selectFrom('warehouse_locations')
      .selectAll()
      .where('company_id', '=', principal.companyId)
      .orderBy('code')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      country: r.country,
      city: r.city,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async function addLocation(principal: Principal, input: LocationInput) {
    requireCatalogWriter(principal);
    const id = newId();
    const now = clock.now();
    const taken = await db
      .selectFrom('warehouse_locations')
      .select('id')
      .where('company_id', '=', principal.companyId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken)
      throw new DomainError('conflict', 'location_code_taken', `You already have a location ${input.code}.`, [
        { field: 'code', message: 'is already used by another of your locations' },
      ]);
    await db
      .insertInto('warehouse_locations')
      .values({ id, company_id: principal.companyId, ...input, created_at: now })
      .execute();
    return { id, ...input, createdAt: now.toISOString() };
  }

  /** Levels of the caller's variants (optionally of one product), with each variant's SKU. */
  async function levels(principal: Principal, filter: { productId?: string; limit: number; offset: number }) {
    requireSellerMember(principal);
    let query = db
      .selectFrom('inventory_levels as l')
      .innerJoin('product_variants as v', 'v.id', 'l.variant_id')
      .innerJoin('warehouse_locations as w', 'w.id', 'l.location_id')
      .select(['v.product_id', 'l.variant_id', 'v.sku', 'l.location_id', 'w.code', 'l.on_hand', 'l.reserved'])
      .where('v.seller_company_id', '=', principal.companyId);
    if (filter.productId) query = query.where('v.product_id', '=', filter.productId);
    const rows = await query
      .orderBy('v.sku')
      .orderBy('w.code')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map((r) => ({
      productId: r.product_id,
      variantId: r.variant_id,
      sku: r.sku,
      locationId: r.location_id,
      locationCode: r.code,
      onHand: r.on_hand,
      reserved: r.reserved,
      available: r.on_hand - r.reserved,
    }));
  }

  async function movements(
    principal: Principal,
    filter: { variantId?: string; limit: number; offset: number },
  ) {
    requireSellerMember(principal);
    let query = db
      .selectFrom('inventory_movements')
      .selectAll()
      .where('company_id', '=', principal.companyId);
    if (filter.variantId) query = query.where('variant_id', '=', filter.variantId);
    const rows = await query
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      productId: r.product_id,
      variantId: r.variant_id,
      locationId: r.location_id,
      kind: r.kind,
      onHandDelta: r.on_hand_delta,
      reservedDelta: r.reserved_delta,
      reference: r.reference,
      note: r.note,
      actorUserId: r.actor_user_id,
      occurredAt: new Date(r.occurred_at).toISOString(),
    }));
  }

  async function recordMovement(principal: Principal, input: ManualMovementInput) {
    requireCatalogWriter(principal);
    const at = clock.now();
    if (input.quantity === 0 || (input.kind !== 'adjustment' && input.quantity < 0)) {
      throw new DomainError(
        'validation',
        'invalid_quantity',
        'The quantity must be positive (signed only for adjustments).',
        [{ field: 'quantity', message: input.kind === 'adjustment' ? 'must not be 0' : 'must be positive' }],
      );
    }
    return db.transaction().execute(async (tx) => {
      const variant = await tx
        .selectFrom('product_variants')
        .select(['id', 'product_id', 'sku'])
        .where('id', '=', input.variantId)
        .where('seller_company_id', '=', principal.companyId)
        .executeTakeFirst();
      if (!variant) throw notFound('variant', input.variantId);
      const locationId = await stockLocation(tx, principal.companyId, input.locationId, at, 'locationId');
      const q = input.quantity;
      const deltas: Record<ManualMovementInput['kind'], [number, number]> = {
        receipt: [q, 0],
        adjustment: [q, 0],
        reservation: [0, q],
        release: [0, -q],
      };
      const [onHandDelta, reservedDelta] = deltas[input.kind];
      await moveStock(tx, { companyId: principal.companyId, actor: actorOf(principal), at }, [
        {
          productId: variant.product_id,
          variantId: variant.id,
          sku: variant.sku,
          locationId,
          kind: input.kind,
          onHandDelta,
          reservedDelta,
          field: 'quantity',
          ...(input.note ? { note: input.note } : {}),
        },
      ]);
      const level = await tx
        .selectFrom('inventory_levels')
        .select(['on_hand', 'reserved'])
        .where('variant_id', '=', variant.id)
        .where('location_id', '=', locationId)
        .executeTakeFirstOrThrow();
      return {
        productId: variant.product_id,
        variantId: variant.id,
        sku: variant.sku,
        locationId,
        onHand: level.on_hand,
        reserved: level.reserved,
        available: level.on_hand - level.reserved,
      };
    });
  }

  return { listLocations, addLocation, levels, movements, recordMovement };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
