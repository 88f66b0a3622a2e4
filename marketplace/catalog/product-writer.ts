/**
 * Creating products, one or many, in one transaction: the checks that need the database (category exists,
 * SKUs free, company verified before publishing), batch inserts of products and variants, the opening stock
 * as receipt movements, and a `product.listed` event per product. The API, the CSV import and the demo
 * seeder all come through here.
 */
import type { Insertable, Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Database, ProductVariantsTable } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { defaultLocation, moveStock, type Movement } from '../inventory/stock-ledger.ts';
import { PRODUCT_LISTED, type ProductListedV1 } from './events.ts';
import { uploadIdOf } from './image-list.ts';
import { variantsOf, type NewProduct } from './product-schema.ts';
import { isVerified } from './verification.ts';
import { PLAN_LIMIT_REACHED, productLimitProblem } from '../billing/product-limit.ts';

type Tx = Transaction<Database>;

export interface ProductProblem extends FieldProblem {
  /** Index of the product in the batch. */
  index: number;
  code: string;
}

export async function categoryIdsBySlug(tx: Pick<Tx, 'selectFrom'>): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('categories').select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Every problem the batch has against the database, without writing anything. */
export async function checkNewProducts(
  tx: Tx,
  companyId: string,
  products: NewProduct[],
): Promise<ProductProblem[]> {
  const problems: ProductProblem[] = [];
  const categories = await categoryIdsBySlug(tx);
  const productSkus = products.map((p) => p.sku);
  const variantSkus = products.flatMap((p) => variantsOf(p).map((v) => v.sku));
  const takenProducts = new Set<string>();
  const takenVariants = new Set<string>();
  for (let i = 0; i < productSkus.length; i += 1000) {
    const chunk = productSkus.slice(i, i + 1000);
    const rows = await tx
      .selectFrom('products')
      .select('sku')
      .where('seller_company_id', '=', companyId)
      .where('sku', 'in', chunk)
      .execute();
    rows.forEach((r) => takenProducts.add(r.sku));
  }
  for (let i = 0; i < variantSkus.length; i += 1000) {
    const chunk = variantSkus.slice(i, i + 1000);
    const rows = await tx
      .selectFrom('product_variants')
      .select('sku')
      .where('seller_company_id', '=', companyId)
      .where('sku', 'in', chunk)
      .execute();
    rows.forEach((r) => takenVariants.add(r.sku));
  }
  const verified = products.some((p) => (p.status ?? 'published') === 'published')
    ? await isVerified(tx, companyId)
    : true;
  const seenProducts = new Map<string, number>();
  const seenVariants = new Map<string, number>();
  products.forEach((p, index) => {
    if (p.category && !categories.has(p.category))
      problems.push({
        index,
        code: 'unknown_category',
        field: 'category',
        message: `no category "${p.category}"`,
      });
    if (p.images?.some((entry) => uploadIdOf(entry) !== undefined))
      problems.push({
        index,
        code: 'invalid_images',
        field: 'images',
        message: 'names an uploaded image of another product: upload images once the product is listed',
      });
    if (takenProducts.has(p.sku))
      problems.push({
        index,
        code: 'sku_taken',
        field: 'sku',
        message: 'is already used by another of your products',
      });
    if (seenProducts.has(p.sku))
      problems.push({ index, code: 'sku_taken', field: 'sku', message: 'appears twice in this batch' });
    seenProducts.set(p.sku, index);
    variantsOf(p).forEach((v, vi) => {
      const field = p.variants ? `variants.${vi}.sku` : 'sku';
      // The shorthand's variant shares the product's SKU; only a real clash with another variant counts.
      if (takenVariants.has(v.sku))
        problems.push({
          index,
          code: 'sku_taken',
          field,
          message: 'is already used by another of your variants',
        });
      const earlier = seenVariants.get(v.sku);
      if (earlier !== undefined && earlier !== index)
        problems.push({
          index,
          code: 'sku_taken',
          field,
          message: 'is used by another product in this batch',
        });
      seenVariants.set(v.sku, index);
      if (v.priceTiers.some((t) => t.minQuantity <= v.moq))
        problems.push({
          index,
          code: 'invalid_price_tiers',
          field: p.variants ? `variants.${vi}.priceTiers` : 'priceTiers',
          message: `each tier's minQuantity must be above the MOQ (${v.moq})`,
        });
    });
    if ((p.status ?? 'published') === 'published' && !verified)
      problems.push({
        index,
        code: 'company_not_verified',
        field: 'status',
        message: 'only a verified manufacturer can publish; save it as a draft',
      });
  });
  // The plan's product limit, once the batch is otherwise sound: the first product past it carries the problem.
  const publishing = products.flatMap((p, index) =>
    (p.status ?? 'published') === 'published' ? [index] : [],
  );
  const overLimit =
    problems.length === 0 ? await productLimitProblem(tx, companyId, publishing.length) : null;
  if (overLimit)
    problems.push({
      index: publishing[overLimit.fits]!,
      code: PLAN_LIMIT_REACHED,
      field: 'status',
      message: overLimit.message,
    });
  return problems;
}

export function problemError(problems: ProductProblem[], prefix = ''): DomainError {
  const first = problems[0]!;
  const kind =
    first.code === 'sku_taken'
      ? 'conflict'
      : first.code === 'company_not_verified'
        ? 'forbidden'
        : 'validation';
  return new DomainError(
    kind,
    first.code,
    // The plan limit's message is a whole sentence with the way out (upgrade); it reads best unprefixed.
    first.code === PLAN_LIMIT_REACHED ? first.message : `${prefix}${first.field} ${first.message}.`,
    problems.map((p) => ({ field: p.field, message: p.message })),
  );
}

/** Inserts checked products. Returns their ids in input order. */
export async function insertProducts(
  tx: Tx,
  seller: { companyId: string; actor: Actor; at: Date },
  products: NewProduct[],
): Promise<string[]> {
  const { companyId, actor, at } = seller;
  const categories = await categoryIdsBySlug(tx);
  const ids: string[] = [];
  const productRows = [];
  const variantRows: Array<Insertable<ProductVariantsTable>> = [];
  const receipts: Movement[] = [];
  const locationId = products.some((p) => variantsOf(p).some((v) => v.stock > 0))
    ? await defaultLocation(tx, companyId, at)
    : null;
  for (const p of products) {
    const id = newId();
    ids.push(id);
    const variants = variantsOf(p);
    const status = p.status ?? 'published';
    productRows.push({
      id,
      seller_company_id: companyId,
      sku: p.sku,
      name: p.name,
      description: p.description ?? '',
      category_id: p.category ? categories.get(p.category)! : null,
      price_minor: Math.min(...variants.map((v) => v.priceMinor)),
      currency: p.currency,
      stock: 0,
      status,
      images: JSON.stringify(p.images ?? []),
      specifications: JSON.stringify(p.specifications ?? []),
      certifications: JSON.stringify(p.certifications ?? []),
      lead_time_days: p.leadTimeDays ?? 0,
      min_moq: Math.min(...variants.map((v) => v.moq)),
      created_at: at,
      updated_at: at,
      published_at: status === 'published' ? at : null,
      hidden_at: null,
      hidden_reason: null,
      hidden_by: null,
    });
    variants.forEach((v, position) => {
      const variantId = newId();
      variantRows.push({
        id: variantId,
        product_id: id,
        seller_company_id: companyId,
        sku: v.sku,
        position,
        options: JSON.stringify(v.options),
        price_minor: v.priceMinor,
        price_tiers: JSON.stringify(v.priceTiers),
        moq: v.moq,
        case_pack: v.casePack,
        unit_cost_minor: v.unitCostMinor,
      });
      if (v.stock > 0)
        receipts.push({
          productId: id,
          variantId,
          sku: v.sku,
          locationId: locationId!,
          kind: 'receipt',
          onHandDelta: v.stock,
          reservedDelta: 0,
          note: 'opening stock',
        });
    });
  }
  for (let i = 0; i < productRows.length; i += 300)
    await tx
      .insertInto('products')
      .values(productRows.slice(i, i + 300))
      .execute();
  for (let i = 0; i < variantRows.length; i += 500)
    await tx
      .insertInto('product_variants')
      .values(variantRows.slice(i, i + 500))
      .execute();
  for (const [i, p] of products.entries()) {
    const variants = variantsOf(p);
    await recordEvent<ProductListedV1>(tx, {
      type: PRODUCT_LISTED,
      version: 1,
      aggregateType: 'product',
      aggregateId: ids[i]!,
      companyIds: [companyId],
      occurredAt: at,
      actor,
      payload: {
        productId: ids[i]!,
        sellerCompanyId: companyId,
        sku: p.sku,
        name: p.name,
        priceMinor: Math.min(...variants.map((v) => v.priceMinor)),
        currency: p.currency,
        stock: variants.reduce((s, v) => s + v.stock, 0),
        status: p.status ?? 'published',
        categoryId: p.category ? categories.get(p.category)! : null,
        variantCount: variants.length,
        leadTimeDays: p.leadTimeDays ?? 0,
      },
    });
  }
  await moveStock(tx, { companyId, actor, at }, receipts);
  return ids;
}
