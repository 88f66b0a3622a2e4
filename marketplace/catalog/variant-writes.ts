/**
 * Writes to existing variants that several use cases share (the variant endpoints, the bulk edit and the CSV
 * upsert), so each writes the same rows and events: adding variants with their opening stock, changing one
 * (a base-price change always leaves an audit record and a `product.price_changed`), and keeping the product's
 * summary columns (lowest price, lowest MOQ, units available) in step with its variants that are on sale.
 */
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database, PriceTier } from '../db/schema.ts';
import { defaultLocation, moveStock, type Movement } from '../inventory/stock-ledger.ts';
import { recordEvent } from '../outbox/record-event.ts';
import {
  PRODUCT_PRICE_CHANGED,
  PRODUCT_VARIANT_ADDED,
  PRODUCT_VARIANT_UPDATED,
  type ProductPriceChangedV1,
  type ProductVariantAddedV1,
  type ProductVariantUpdatedV1,
} from './events.ts';
import type { VariantChange, VariantSpec } from './product-schema.ts';

type Tx = Transaction<Database>;

export interface WriteContext {
  companyId: string;
  actor: Actor;
  at: Date;
}

/** A variant row as the writers read it, with its product's currency. */
export interface CurrentVariant {
  id: string;
  product_id: string;
  sku: string;
  options: Record<string, string>;
  price_minor: number;
  price_tiers: PriceTier[];
  moq: number;
  case_pack: number;
  unit_cost_minor: number | null;
  retired_at: Date | string | null;
  currency: string;
}

/** Every variant of the company's products, locked, with the product's currency. */
export function variantsQuery(tx: Tx, companyId: string) {
  return tx
    .selectFrom('product_variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select([
      'v.id',
      'v.product_id',
      'v.sku',
      'v.options',
      'v.price_minor',
      'v.price_tiers',
      'v.moq',
      'v.case_pack',
      'v.unit_cost_minor',
      'v.retired_at',
      'p.currency',
    ])
    .where('v.seller_company_id', '=', companyId);
}

/** Tiers must start above the MOQ: below it nobody can buy, so such a tier would never apply. */
export function tierProblem(tiers: PriceTier[], moq: number, field: string): FieldProblem | undefined {
  return tiers.some((t) => t.minQuantity <= moq)
    ? { field, message: `each tier's minQuantity must be above the MOQ (${moq})` }
    : undefined;
}

/** The audit record and the event of one base-price change. */
export async function recordPriceChange(
  tx: Tx,
  ctx: WriteContext,
  v: { productId: string; variantId: string; sku: string; currency: string; from: number; to: number },
): Promise<void> {
  await recordAudit(tx, {
    actor: ctx.actor,
    action: 'product.price_changed',
    targetType: 'product',
    targetId: v.productId,
    companyId: ctx.companyId,
    occurredAt: ctx.at,
    before: { sku: v.sku, priceMinor: v.from },
    after: { sku: v.sku, priceMinor: v.to },
  });
  await recordEvent<ProductPriceChangedV1>(tx, {
    type: PRODUCT_PRICE_CHANGED,
    version: 1,
    aggregateType: 'product',
    aggregateId: v.productId,
    companyIds: [ctx.companyId],
    occurredAt: ctx.at,
    actor: ctx.actor,
    payload: {
      productId: v.productId,
      sellerCompanyId: ctx.companyId,
      variantId: v.variantId,
      sku: v.sku,
      currency: v.currency,
      fromPriceMinor: v.from,
      toPriceMinor: v.to,
    },
  });
}

/** JSON with object keys sorted, so `{a, b}` equals `{b, a}` (jsonb does not keep key order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Applies a change to one variant (already checked), with its audit record and events. Returns the names of
 * the fields that really changed (none: nothing is written).
 */
export async function changeVariant(
  tx: Tx,
  ctx: WriteContext,
  current: CurrentVariant,
  change: VariantChange,
): Promise<string[]> {
  const json = (v: unknown) => JSON.stringify(v);
  const same = (v: unknown) => v;
  const fields: Array<[keyof VariantChange, string, unknown, (v: unknown) => unknown]> = [
    ['sku', 'sku', current.sku, same],
    ['options', 'options', current.options, json],
    ['priceMinor', 'price_minor', current.price_minor, same],
    ['priceTiers', 'price_tiers', current.price_tiers, json],
    ['moq', 'moq', current.moq, same],
    ['casePack', 'case_pack', current.case_pack, same],
    ['unitCostMinor', 'unit_cost_minor', current.unit_cost_minor, same],
  ];
  const set: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const [key, column, now, encode] of fields) {
    const next = change[key];
    if (next === undefined || canonical(next) === canonical(now)) continue;
    set[column] = encode(next);
    changed.push(key);
  }
  if (changed.length === 0) return [];

  await tx.updateTable('product_variants').set(set).where('id', '=', current.id).execute();
  const sku = change.sku ?? current.sku;
  if (set.price_minor !== undefined)
    await recordPriceChange(tx, ctx, {
      productId: current.product_id,
      variantId: current.id,
      sku,
      currency: current.currency,
      from: current.price_minor,
      to: change.priceMinor!,
    });
  await recordEvent<ProductVariantUpdatedV1>(tx, {
    type: PRODUCT_VARIANT_UPDATED,
    version: 1,
    aggregateType: 'product',
    aggregateId: current.product_id,
    companyIds: [ctx.companyId],
    occurredAt: ctx.at,
    actor: ctx.actor,
    payload: {
      productId: current.product_id,
      sellerCompanyId: ctx.companyId,
      variantId: current.id,
      sku,
      changed,
    },
  });
  return changed;
}

/** Adds checked variants to an existing product, after its others, with their opening stock. */
export async function addVariants(
  tx: Tx,
  ctx: WriteContext,
  product: { id: string; currency: string },
  specs: VariantSpec[],
): Promise<string[]> {
  if (specs.length === 0) return [];
  const last = await tx
    .selectFrom('product_variants')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('product_id', '=', product.id)
    .executeTakeFirst();
  const start = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  const locationId = specs.some((s) => s.stock > 0) ? await defaultLocation(tx, ctx.companyId, ctx.at) : null;
  const ids: string[] = [];
  const receipts: Movement[] = [];
  for (const [i, v] of specs.entries()) {
    const id = newId();
    ids.push(id);
    await tx
      .insertInto('product_variants')
      .values({
        id,
        product_id: product.id,
        seller_company_id: ctx.companyId,
        sku: v.sku,
        position: start + i,
        options: JSON.stringify(v.options),
        price_minor: v.priceMinor,
        price_tiers: JSON.stringify(v.priceTiers),
        moq: v.moq,
        case_pack: v.casePack,
        unit_cost_minor: v.unitCostMinor,
      })
      .execute();
    await recordEvent<ProductVariantAddedV1>(tx, {
      type: PRODUCT_VARIANT_ADDED,
      version: 1,
      aggregateType: 'product',
      aggregateId: product.id,
      companyIds: [ctx.companyId],
      occurredAt: ctx.at,
      actor: ctx.actor,
      payload: {
        productId: product.id,
        sellerCompanyId: ctx.companyId,
        variantId: id,
        sku: v.sku,
        options: v.options,
        priceMinor: v.priceMinor,
        currency: product.currency,
        moq: v.moq,
        casePack: v.casePack,
      },
    });
    if (v.stock > 0)
      receipts.push({
        productId: product.id,
        variantId: id,
        sku: v.sku,
        locationId: locationId!,
        kind: 'receipt',
        onHandDelta: v.stock,
        reservedDelta: 0,
        note: 'opening stock',
      });
  }
  await moveStock(tx, ctx, receipts);
  return ids;
}

/**
 * Recomputes what a product shows from its variants on sale: the lowest base price, the lowest MOQ and the
 * units available (a retired variant's stock stays in the ledger but is not for sale).
 */
export async function refreshProductRollups(tx: Tx, productIds: string[], at: Date): Promise<void> {
  if (productIds.length === 0) return;
  await sql`UPDATE products p SET updated_at = ${at},
      price_minor = coalesce((SELECT min(v.price_minor) FROM product_variants v
        WHERE v.product_id = p.id AND v.retired_at IS NULL), p.price_minor),
      min_moq = coalesce((SELECT min(v.moq) FROM product_variants v
        WHERE v.product_id = p.id AND v.retired_at IS NULL), p.min_moq),
      stock = coalesce((SELECT sum(l.on_hand - l.reserved) FROM inventory_levels l
        JOIN product_variants v ON v.id = l.variant_id WHERE v.product_id = p.id AND v.retired_at IS NULL), 0)
    WHERE p.id IN (${sql.join(productIds)})`.execute(tx);
}
