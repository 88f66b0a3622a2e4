/**
 * A seller's variants after listing: add one to a product, change one (options, SKU, price, tiers, MOQ, case
 * pack, unit cost), and retire one. Retiring is soft: the variant leaves the storefront and can no longer be put
 * in a cart or ordered, while its row, its stock ledger and every order line that names it stay as they were,
 * and its SKU stays reserved. SKUs are unique per company across all its variants, retired ones included.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { requireCatalogWriter } from '../inventory/inventory-service.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { PRODUCT_VARIANT_RETIRED, type ProductVariantRetiredV1 } from './events.ts';
import { lockOwnProduct } from './product-editing.ts';
import { variantSpecOf, type NewVariant, type VariantChange } from './product-schema.ts';
import {
  addVariants,
  changeVariant,
  refreshProductRollups,
  tierProblem,
  variantsQuery,
  type WriteContext,
} from './variant-writes.ts';

/** As many as a product may be listed with. */
export const MAX_VARIANTS_PER_PRODUCT = 100;

const skuTaken = (sku: string) =>
  new DomainError('conflict', 'sku_taken', `The SKU ${sku} is already used by another of your variants.`, [
    { field: 'sku', message: 'is already used by another of your variants (retired ones keep theirs)' },
  ]);

/** The database's own uniqueness check, for the race two concurrent requests could still run. */
function isSkuClash(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && `${e.constraint ?? ''} ${e.message ?? ''}`.includes('sku');
}

export function createVariantEditing(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const contextOf = (p: Principal): WriteContext => ({
    companyId: p.companyId,
    actor: { userId: p.userId, companyId: p.companyId, kind: 'user' },
    at: clock.now(),
  });

  async function skuInUse(tx: Parameters<typeof variantsQuery>[0], companyId: string, sku: string) {
    return tx
      .selectFrom('product_variants')
      .select('id')
      .where('seller_company_id', '=', companyId)
      .where('sku', '=', sku)
      .executeTakeFirst();
  }

  /** Adds a variant to one of the caller's products; returns its id. */
  async function addVariant(principal: Principal, productId: string, input: NewVariant): Promise<string> {
    requireCatalogWriter(principal);
    const ctx = contextOf(principal);
    const spec = variantSpecOf(input);
    try {
      return await db.transaction().execute(async (tx) => {
        const product = await lockOwnProduct(tx, principal, productId);
        const count = await tx
          .selectFrom('product_variants')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('product_id', '=', productId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_VARIANTS_PER_PRODUCT)
          throw new DomainError(
            'validation',
            'too_many_variants',
            `A product has at most ${MAX_VARIANTS_PER_PRODUCT} variants (retired ones count).`,
            [{ field: 'sku', message: `at most ${MAX_VARIANTS_PER_PRODUCT} variants per product` }],
          );
        if (await skuInUse(tx, principal.companyId, spec.sku)) throw skuTaken(spec.sku);
        const tiers = tierProblem(spec.priceTiers, spec.moq, 'priceTiers');
        if (tiers)
          throw new DomainError('validation', 'invalid_price_tiers', `priceTiers ${tiers.message}.`, [tiers]);
        const [id] = await addVariants(tx, ctx, product, [spec]);
        await refreshProductRollups(tx, [productId], ctx.at);
        return id!;
      });
    } catch (error) {
      if (isSkuClash(error)) throw skuTaken(spec.sku);
      throw error;
    }
  }

  async function lockVariant(
    tx: Parameters<typeof variantsQuery>[0],
    principal: Principal,
    productId: string,
    variantId: string,
  ) {
    const variant = await variantsQuery(tx, principal.companyId)
      .where('v.id', '=', variantId)
      .where('v.product_id', '=', productId)
      .forUpdate()
      .executeTakeFirst();
    if (!variant) throw notFound('variant', variantId);
    return variant;
  }

  /** Changes one variant; a base-price change is audited and emitted as `product.price_changed`. */
  async function updateVariant(
    principal: Principal,
    productId: string,
    variantId: string,
    change: VariantChange,
  ): Promise<void> {
    requireCatalogWriter(principal);
    const ctx = contextOf(principal);
    try {
      await db.transaction().execute(async (tx) => {
        await lockOwnProduct(tx, principal, productId);
        const current = await lockVariant(tx, principal, productId, variantId);
        if (current.retired_at !== null)
          throw new DomainError(
            'conflict',
            'variant_retired',
            `${current.sku} is retired: it is kept for order history and cannot be changed.`,
          );
        if (change.sku !== undefined && change.sku !== current.sku) {
          const holder = await skuInUse(tx, principal.companyId, change.sku);
          if (holder && holder.id !== current.id) throw skuTaken(change.sku);
        }
        const moq = change.moq ?? current.moq;
        const tiers = tierProblem(
          change.priceTiers ?? current.price_tiers,
          moq,
          change.priceTiers !== undefined ? 'priceTiers' : 'moq',
        );
        if (tiers)
          throw new DomainError('validation', 'invalid_price_tiers', `${tiers.field} ${tiers.message}.`, [
            tiers,
          ]);
        const changed = await changeVariant(tx, ctx, current, change);
        if (changed.length > 0) await refreshProductRollups(tx, [productId], ctx.at);
      });
    } catch (error) {
      if (isSkuClash(error)) throw skuTaken(change.sku ?? '');
      throw error;
    }
  }

  /**
   * Takes a variant off sale for good (again: nothing happens). A product keeps at least one variant on sale;
   * to stop selling it altogether, unpublish the product.
   */
  async function retireVariant(principal: Principal, productId: string, variantId: string): Promise<void> {
    requireCatalogWriter(principal);
    const ctx = contextOf(principal);
    await db.transaction().execute(async (tx) => {
      await lockOwnProduct(tx, principal, productId);
      const current = await lockVariant(tx, principal, productId, variantId);
      if (current.retired_at !== null) return;
      const onSale = await tx
        .selectFrom('product_variants')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('product_id', '=', productId)
        .where('retired_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(onSale.n) <= 1)
        throw new DomainError(
          'conflict',
          'last_variant',
          `${current.sku} is the product's last variant on sale: unpublish the product instead.`,
        );
      await tx
        .updateTable('product_variants')
        .set({ retired_at: ctx.at })
        .where('id', '=', variantId)
        .execute();
      await recordEvent<ProductVariantRetiredV1>(tx, {
        type: PRODUCT_VARIANT_RETIRED,
        version: 1,
        aggregateType: 'product',
        aggregateId: productId,
        companyIds: [principal.companyId],
        occurredAt: ctx.at,
        actor: ctx.actor,
        payload: { productId, sellerCompanyId: principal.companyId, variantId, sku: current.sku },
      });
      await refreshProductRollups(tx, [productId], ctx.at);
    });
  }

  return { addVariant, updateVariant, retireVariant };
}
