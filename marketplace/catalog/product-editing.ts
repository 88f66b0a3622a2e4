/**
 * A seller's changes to their own products: edit listing fields, publish and unpublish, and bulk price/stock
 * edits. Each runs in one transaction with its events (and an audit record for price changes); a product of
 * another company is "not found", never "forbidden", so ids of others' drafts reveal nothing.
 */
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/domain-event.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Database, PriceTier } from '../db/schema.ts';
import { requireCatalogWriter } from '../inventory/inventory-service.ts';
import { moveStock, stockLocation, type Movement } from '../inventory/stock-ledger.ts';
import { recordEvent } from '../outbox/record-event.ts';
import {
  PRODUCT_PUBLISHED,
  PRODUCT_UNPUBLISHED,
  PRODUCT_UPDATED,
  type ProductStatusChangedV1,
  type ProductUpdatedV1,
} from './events.ts';
import { mergeImageList, uploadIdsOf } from './image-list.ts';
import { categoryIdsBySlug } from './product-writer.ts';
import { recordPriceChange, refreshProductRollups } from './variant-writes.ts';
import type { ProductPatch } from './product-schema.ts';
import { isVerified } from './verification.ts';
import { assertProductLimit } from '../billing/product-limit.ts';

type Tx = Transaction<Database>;

export interface BulkEditItem {
  /** The variant, by SKU (as in the CSV export). */
  sku: string;
  priceMinor?: number;
  priceTiers?: PriceTier[];
  unitCostMinor?: number | null;
  /** The new on-hand count at `locationId` (default location if omitted): written as an adjustment. */
  stock?: number;
  locationId?: string;
}

const actorOf = (p: Principal): Actor => ({ userId: p.userId, companyId: p.companyId, kind: 'user' });

/** The caller's own product, locked for the change; another company's is "not found". */
export async function lockOwnProduct(tx: Tx, principal: Principal, id: string) {
  const row = await tx
    .selectFrom('products')
    .selectAll()
    .where('id', '=', id)
    .where('seller_company_id', '=', principal.companyId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('product', id);
  return row;
}

export function createProductEditing(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function updateProduct(principal: Principal, id: string, patch: ProductPatch): Promise<void> {
    requireCatalogWriter(principal);
    const at = clock.now();
    await db.transaction().execute(async (tx) => {
      const product = await lockOwnProduct(tx, principal, id);
      const set: Record<string, unknown> = { updated_at: at };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.category !== undefined) {
        if (patch.category === null) set.category_id = null;
        else {
          const categoryId = (await categoryIdsBySlug(tx)).get(patch.category);
          if (!categoryId)
            throw new DomainError(
              'validation',
              'unknown_category',
              `There is no category "${patch.category}".`,
              [{ field: 'category', message: `no category "${patch.category}"` }],
            );
          set.category_id = categoryId;
        }
      }
      if (patch.images !== undefined) {
        const merged = mergeImageList(patch.images, product.images, await uploadIdsOf(tx, id));
        if ('problem' in merged)
          throw new DomainError('validation', 'invalid_images', `images ${merged.problem}.`, [
            { field: 'images', message: merged.problem },
          ]);
        set.images = JSON.stringify(merged.images);
      }
      if (patch.specifications !== undefined) set.specifications = JSON.stringify(patch.specifications);
      if (patch.certifications !== undefined) set.certifications = JSON.stringify(patch.certifications);
      if (patch.leadTimeDays !== undefined) set.lead_time_days = patch.leadTimeDays;
      await tx.updateTable('products').set(set).where('id', '=', id).execute();
      await recordEvent<ProductUpdatedV1>(tx, {
        type: PRODUCT_UPDATED,
        version: 1,
        aggregateType: 'product',
        aggregateId: id,
        companyIds: [principal.companyId],
        occurredAt: at,
        actor: actorOf(principal),
        payload: { productId: id, sellerCompanyId: principal.companyId, changed: Object.keys(patch).sort() },
      });
    });
  }

  async function setStatus(principal: Principal, id: string, status: 'draft' | 'published'): Promise<void> {
    requireCatalogWriter(principal);
    const at = clock.now();
    await db.transaction().execute(async (tx) => {
      const product = await lockOwnProduct(tx, principal, id);
      if (product.status === status) return;
      if (status === 'published' && !(await isVerified(tx, principal.companyId)))
        throw new DomainError(
          'forbidden',
          'company_not_verified',
          'Only a verified manufacturer can publish: submit your company verification (KYB) and wait for approval.',
        );
      if (status === 'published') await assertProductLimit(tx, principal.companyId);
      await tx
        .updateTable('products')
        .set({ status, updated_at: at, ...(status === 'published' ? { published_at: at } : {}) })
        .where('id', '=', id)
        .execute();
      await recordEvent<ProductStatusChangedV1>(tx, {
        type: status === 'published' ? PRODUCT_PUBLISHED : PRODUCT_UNPUBLISHED,
        version: 1,
        aggregateType: 'product',
        aggregateId: id,
        companyIds: [principal.companyId],
        occurredAt: at,
        actor: actorOf(principal),
        payload: { productId: id, sellerCompanyId: principal.companyId },
      });
    });
  }

  /**
   * Prices, tiers, unit cost and stock for many variants at once: all items apply or none does. Price
   * changes are audited (before/after) and emitted; stock changes are adjustments in the ledger.
   */
  async function bulkEdit(principal: Principal, items: BulkEditItem[]): Promise<{ updated: number }> {
    requireCatalogWriter(principal);
    const at = clock.now();
    const actor = actorOf(principal);
    const ctx = { companyId: principal.companyId, actor, at };
    return db.transaction().execute(async (tx) => {
      const skus = [...new Set(items.map((i) => i.sku))];
      const variants = await tx
        .selectFrom('product_variants as v')
        .innerJoin('products as p', 'p.id', 'v.product_id')
        .select([
          'v.id',
          'v.sku',
          'v.product_id',
          'v.price_minor',
          'v.price_tiers',
          'v.moq',
          'v.unit_cost_minor',
          'p.currency',
        ])
        .where('v.seller_company_id', '=', principal.companyId)
        .where('v.sku', 'in', skus)
        .orderBy('v.id')
        .forUpdate()
        .execute();
      const bySku = new Map(variants.map((v) => [v.sku, v]));
      const problems = items.flatMap((item, i) => {
        const v = bySku.get(item.sku);
        if (!v) return [{ field: `items.${i}.sku`, message: 'is not one of your variants' }];
        const tiers = item.priceTiers ?? v.price_tiers;
        if (tiers.some((t) => t.minQuantity <= v.moq))
          return [
            {
              field: `items.${i}.priceTiers`,
              message: `each tier's minQuantity must be above the MOQ (${v.moq})`,
            },
          ];
        return [];
      });
      if (problems.length > 0)
        throw new DomainError(
          'validation',
          'invalid_bulk_edit',
          `${problems[0]!.field} ${problems[0]!.message}.`,
          problems,
        );

      const levels = await tx
        .selectFrom('inventory_levels')
        .select(['variant_id', 'location_id', 'on_hand', 'reserved'])
        .where(
          'variant_id',
          'in',
          variants.map((v) => v.id),
        )
        .execute();
      const movements: Movement[] = [];
      const touchedProducts = new Set<string>();
      for (const [i, item] of items.entries()) {
        const v = bySku.get(item.sku)!;
        const set: Record<string, unknown> = {};
        if (item.priceMinor !== undefined && item.priceMinor !== v.price_minor) {
          set.price_minor = item.priceMinor;
          await recordPriceChange(tx, ctx, {
            productId: v.product_id,
            variantId: v.id,
            sku: v.sku,
            currency: v.currency,
            from: v.price_minor,
            to: item.priceMinor,
          });
          v.price_minor = item.priceMinor;
        }
        if (item.priceTiers !== undefined) set.price_tiers = JSON.stringify(item.priceTiers);
        if (item.unitCostMinor !== undefined) set.unit_cost_minor = item.unitCostMinor;
        if (Object.keys(set).length > 0) {
          await tx.updateTable('product_variants').set(set).where('id', '=', v.id).execute();
          touchedProducts.add(v.product_id);
        }
        if (item.stock !== undefined) {
          const locationId = await stockLocation(
            tx,
            principal.companyId,
            item.locationId,
            at,
            `items.${i}.locationId`,
          );
          const level = levels.find((l) => l.variant_id === v.id && l.location_id === locationId);
          const pending = movements
            .filter((m) => m.variantId === v.id && m.locationId === locationId)
            .reduce((s, m) => s + m.onHandDelta, 0);
          const delta = item.stock - ((level?.on_hand ?? 0) + pending);
          if (delta !== 0)
            movements.push({
              productId: v.product_id,
              variantId: v.id,
              sku: v.sku,
              locationId,
              kind: 'adjustment',
              onHandDelta: delta,
              reservedDelta: 0,
              note: 'bulk edit',
              field: `items.${i}.stock`,
            });
        }
      }
      await refreshProductRollups(tx, [...touchedProducts], at);
      await moveStock(tx, { companyId: principal.companyId, actor, at, reference: 'bulk-edit' }, movements);
      return { updated: items.length };
    });
  }

  return { updateProduct, setStatus, bulkEdit };
}
