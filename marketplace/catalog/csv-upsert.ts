/**
 * The CSV import's upsert mode: a product whose `product_sku` the seller already has is updated from its rows,
 * a new one is created as in the plain import. Within an existing product, a row whose variant SKU exists
 * changes that variant (the row describes it whole, as the export writes it), a new SKU adds a variant, and
 * variants the file does not mention stay as they are. Two cells keep their value when blank: `status` and
 * `stock`; `stock` is the variant's units on hand over all locations (what the export writes), reached by one
 * adjustment at the default location. Uploaded images stay unless deleted (image-list.ts).
 *
 * Planning checks everything against the database first and reports every problem by product and field, so
 * the import stays all or nothing; only a plan without problems is applied.
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import type { Database } from '../db/schema.ts';
import { productLimitProblem, PLAN_LIMIT_REACHED } from '../billing/product-limit.ts';
import { defaultLocation, moveStock, type Movement } from '../inventory/stock-ledger.ts';
import { recordEvent } from '../outbox/record-event.ts';
import {
  PRODUCT_PUBLISHED,
  PRODUCT_UNPUBLISHED,
  PRODUCT_UPDATED,
  type ProductStatusChangedV1,
  type ProductUpdatedV1,
} from './events.ts';
import { mergeImageList, uploadIdsOf } from './image-list.ts';
import { variantSpecOf, type NewProduct, type VariantSpec } from './product-schema.ts';
import {
  categoryIdsBySlug,
  checkNewProducts,
  insertProducts,
  type ProductProblem,
} from './product-writer.ts';
import { MAX_VARIANTS_PER_PRODUCT } from './variant-editing.ts';
import {
  addVariants,
  changeVariant,
  refreshProductRollups,
  tierProblem,
  variantsQuery,
  type CurrentVariant,
} from './variant-writes.ts';
import { isVerified } from './verification.ts';

type Tx = Transaction<Database>;

export interface UpsertPlan {
  problems: ProductProblem[];
  /** Writes the plan (only call it when there are no problems). */
  apply(): Promise<{ created: number; updated: number }>;
}

interface ProductUpdate {
  productId: string;
  currency: string;
  set: Record<string, unknown>;
  changed: string[];
  status?: 'draft' | 'published';
  changes: Array<{ current: CurrentVariant; spec: VariantSpec }>;
  additions: VariantSpec[];
  /** On-hand changes of existing variants that bring their total to what the file says. */
  stock: Array<{ variantId: string; sku: string; delta: number; field: string }>;
}

/** JSON with object keys sorted, for comparing jsonb values with what a row asks for. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

export async function planUpsert(
  tx: Tx,
  seller: { companyId: string; actor: Actor; at: Date },
  products: NewProduct[],
): Promise<UpsertPlan> {
  const { companyId, at } = seller;
  const existing = products.length
    ? await tx
        .selectFrom('products')
        .selectAll()
        .where('seller_company_id', '=', companyId)
        .where(
          'sku',
          'in',
          products.map((p) => p.sku),
        )
        .orderBy('id')
        .forUpdate()
        .execute()
    : [];
  const bySku = new Map(existing.map((e) => [e.sku, e]));
  const creates = products.flatMap((p, index) => (bySku.has(p.sku) ? [] : [{ p, index }]));
  const updates = products.flatMap((p, index) => {
    const row = bySku.get(p.sku);
    return row ? [{ p, index, row }] : [];
  });

  const problems: ProductProblem[] = [];
  const add = (index: number, field: string, message: string, code = 'invalid_row') =>
    problems.push({ index, code, field, message });

  for (const problem of await checkNewProducts(
    tx,
    companyId,
    creates.map((c) => c.p),
  ))
    problems.push({ ...problem, index: creates[problem.index]!.index });

  // A variant SKU once per file (checkNewProducts already compares new products with each other).
  const firstUse = new Map<string, { index: number; creating: boolean }>();
  products.forEach((p, index) => {
    const creating = !bySku.has(p.sku);
    p.variants?.forEach((v, vi) => {
      const first = firstUse.get(v.sku);
      if (!first) firstUse.set(v.sku, { index, creating });
      else if (first.index !== index && !(first.creating && creating))
        add(index, `variants.${vi}.sku`, 'is used by another product in this file', 'sku_taken');
    });
  });

  const skus = updates.flatMap((u) => u.p.variants?.map((v) => v.sku) ?? []);
  const variants = new Map<string, CurrentVariant>();
  for (let i = 0; i < skus.length; i += 1000) {
    const rows = await variantsQuery(tx, companyId)
      .where('v.sku', 'in', skus.slice(i, i + 1000))
      .orderBy('v.id')
      .forUpdate()
      .execute();
    rows.forEach((r) => variants.set(r.sku, r));
  }
  const ids = [...variants.values()].map((v) => v.id);
  const levels = ids.length
    ? await tx
        .selectFrom('inventory_levels as l')
        .innerJoin('warehouse_locations as w', 'w.id', 'l.location_id')
        .select(['l.variant_id', 'l.on_hand', 'l.reserved', 'w.code'])
        .where('l.variant_id', 'in', ids)
        .execute()
    : [];
  const categories = await categoryIdsBySlug(tx);
  const verified = updates.some((u) => u.p.status === 'published' && u.row.status !== 'published')
    ? await isVerified(tx, companyId)
    : true;

  const plans: ProductUpdate[] = [];
  for (const { p, index, row } of updates) {
    const plan: ProductUpdate = {
      productId: row.id,
      currency: row.currency,
      set: {},
      changed: [],
      changes: [],
      additions: [],
      stock: [],
    };
    plans.push(plan);
    if (p.currency !== row.currency)
      add(index, 'currency', `is ${row.currency} for this existing product and cannot change`);
    const categoryId = p.category ? categories.get(p.category) : null;
    if (categoryId === undefined) add(index, 'category', `no category "${p.category}"`, 'unknown_category');
    const images = mergeImageList(p.images ?? [], row.images, await uploadIdsOf(tx, row.id));
    if ('problem' in images) add(index, 'images', images.problem, 'invalid_images');
    const wanted: Array<[string, string, unknown, unknown, (v: unknown) => unknown]> = [
      ['name', 'name', p.name, row.name, (v) => v],
      ['description', 'description', p.description ?? '', row.description, (v) => v],
      ['category', 'category_id', categoryId ?? null, row.category_id, (v) => v],
      ['images', 'images', 'images' in images ? images.images : row.images, row.images, canonical],
      ['specifications', 'specifications', p.specifications ?? [], row.specifications, canonical],
      ['certifications', 'certifications', p.certifications ?? [], row.certifications, canonical],
      ['leadTimeDays', 'lead_time_days', p.leadTimeDays ?? 0, row.lead_time_days, (v) => v],
    ];
    for (const [name, column, next, now, encode] of wanted) {
      if (canonical(next) === canonical(now)) continue;
      plan.set[column] = encode(next);
      plan.changed.push(name);
    }
    if (p.status !== undefined && p.status !== row.status) {
      plan.status = p.status;
      if (p.status === 'published' && !verified)
        add(index, 'status', 'only a verified manufacturer can publish', 'company_not_verified');
    }

    let variantCount = Number(
      (
        await tx
          .selectFrom('product_variants')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('product_id', '=', row.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const defaultLevel = (variantId: string) =>
      levels.find((l) => l.variant_id === variantId && l.code === 'MAIN') ?? { on_hand: 0, reserved: 0 };
    (p.variants ?? []).forEach((v, vi) => {
      const spec = variantSpecOf(v);
      const current = variants.get(v.sku);
      const tiers = tierProblem(spec.priceTiers, spec.moq, `variants.${vi}.priceTiers`);
      if (tiers) add(index, tiers.field, tiers.message, 'invalid_price_tiers');
      if (current && current.product_id !== row.id) {
        add(index, `variants.${vi}.sku`, 'is used by another of your products', 'sku_taken');
        return;
      }
      if (current && current.retired_at !== null) {
        add(index, `variants.${vi}.sku`, 'belongs to a retired variant, which is not sold again');
        return;
      }
      if (!current) {
        variantCount += 1;
        if (variantCount > MAX_VARIANTS_PER_PRODUCT)
          add(index, `variants.${vi}.sku`, `a product has at most ${MAX_VARIANTS_PER_PRODUCT} variants`);
        // Its opening stock is a receipt, as for any added variant.
        plan.additions.push(spec);
        return;
      }
      plan.changes.push({ current, spec });
      if (v.stock === undefined) return;
      const onHand = levels.filter((l) => l.variant_id === current.id).reduce((s, l) => s + l.on_hand, 0);
      const main = defaultLevel(current.id);
      if (onHand - v.stock > main.on_hand - main.reserved)
        add(
          index,
          `variants.${vi}.stock`,
          `can go down by at most ${main.on_hand - main.reserved} (the units free at the default location MAIN)`,
          'insufficient_stock',
        );
      if (v.stock !== onHand)
        plan.stock.push({
          variantId: current.id,
          sku: v.sku,
          delta: v.stock - onHand,
          field: `variants.${vi}.stock`,
        });
    });
  }

  // The plan's product limit, once the file is otherwise sound, counting drafts the file publishes.
  const publishing =
    creates.filter((c) => (c.p.status ?? 'published') === 'published').length +
    plans.filter((u) => u.status === 'published').length;
  if (problems.length === 0 && plans.some((u) => u.status === 'published')) {
    const limit = await productLimitProblem(tx, companyId, publishing);
    const first = updates.find((_, i) => plans[i]!.status === 'published');
    if (limit && first)
      problems.push({
        index: first.index,
        code: PLAN_LIMIT_REACHED,
        field: 'status',
        message: limit.message,
      });
  }

  async function apply() {
    await insertProducts(
      tx,
      seller,
      creates.map((c) => c.p),
    );
    const ctx = { companyId, actor: seller.actor, at };
    const movements: Movement[] = [];
    const touchedProducts: string[] = [];
    const locationId = plans.some((u) => u.stock.length > 0)
      ? await defaultLocation(tx, companyId, at)
      : null;
    for (const plan of plans) {
      const event = {
        version: 1,
        aggregateType: 'product',
        aggregateId: plan.productId,
        companyIds: [companyId],
      };
      if (plan.changed.length > 0 || plan.status) {
        await tx
          .updateTable('products')
          .set({
            ...plan.set,
            ...(plan.status ? { status: plan.status } : {}),
            ...(plan.status === 'published' ? { published_at: at } : {}),
            updated_at: at,
          })
          .where('id', '=', plan.productId)
          .execute();
      }
      if (plan.changed.length > 0)
        await recordEvent<ProductUpdatedV1>(tx, {
          ...event,
          type: PRODUCT_UPDATED,
          occurredAt: at,
          actor: seller.actor,
          payload: { productId: plan.productId, sellerCompanyId: companyId, changed: plan.changed.sort() },
        });
      if (plan.status)
        await recordEvent<ProductStatusChangedV1>(tx, {
          ...event,
          type: plan.status === 'published' ? PRODUCT_PUBLISHED : PRODUCT_UNPUBLISHED,
          occurredAt: at,
          actor: seller.actor,
          payload: { productId: plan.productId, sellerCompanyId: companyId },
        });
      let touched = plan.changed.length > 0 || plan.status !== undefined || plan.additions.length > 0;
      for (const { current, spec } of plan.changes) {
        const changed = await changeVariant(tx, ctx, current, {
          options: spec.options,
          priceMinor: spec.priceMinor,
          priceTiers: spec.priceTiers,
          moq: spec.moq,
          casePack: spec.casePack,
          unitCostMinor: spec.unitCostMinor,
        });
        touched ||= changed.length > 0;
      }
      if (touched || plan.stock.length > 0) touchedProducts.push(plan.productId);
      await addVariants(tx, ctx, { id: plan.productId, currency: plan.currency }, plan.additions);
      for (const s of plan.stock)
        movements.push({
          productId: plan.productId,
          variantId: s.variantId,
          sku: s.sku,
          locationId: locationId!,
          kind: 'adjustment',
          onHandDelta: s.delta,
          reservedDelta: 0,
          note: 'CSV import',
          field: s.field,
        });
    }
    await moveStock(tx, { ...ctx, reference: 'csv-import' }, movements);
    await refreshProductRollups(tx, touchedProducts, at);
    return { created: creates.length, updated: plans.length };
  }

  return { problems, apply };
}
