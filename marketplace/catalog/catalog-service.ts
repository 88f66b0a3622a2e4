/**
 * The catalog context's front door: listing and editing products and their variants, search and product pages
 * for buyers, CSV import/export, moderation, the manufacturer directory and (through `inventory`) stock. Each
 * use case lives in its own module; this file only wires them to one database and clock and applies the
 * "who may see what" rules that span them. Uploaded product images need object storage too, so they are a
 * service of their own (product-images.ts), wired beside this one.
 */
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import {
  createInventoryService,
  requireCatalogWriter,
  requireSellerMember,
} from '../inventory/inventory-service.ts';
import { createCatalogInterest } from './catalog-interest.ts';
import { createCsvTransfer } from './csv-transfer.ts';
import { createDirectory } from './directory.ts';
import { createModeration } from './moderation.ts';
import { createProductEditing } from './product-editing.ts';
import type { NewProduct } from './product-schema.ts';
import { loadProduct, type SellerProduct } from './product-views.ts';
import { checkNewProducts, insertProducts, problemError } from './product-writer.ts';
import { categoryTree, relatedProducts, searchProducts, type SearchFilter } from './search.ts';
import { createVariantEditing } from './variant-editing.ts';

export type { NewProduct } from './product-schema.ts';

export function createCatalogService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const editing = createProductEditing(deps);
  const variants = createVariantEditing(deps);
  const interest = createCatalogInterest(deps);
  const actorOf = (p: Principal) => ({ userId: p.userId, companyId: p.companyId, kind: 'user' as const });

  /** Lists products for the caller's company, all or none; returns their ids in input order. */
  async function createProducts(principal: Principal, products: NewProduct[]): Promise<string[]> {
    requireCatalogWriter(principal);
    return db.transaction().execute(async (tx) => {
      const problems = await checkNewProducts(tx, principal.companyId, products);
      if (problems.length > 0)
        throw problemError(problems, products.length > 1 ? `products.${problems[0]!.index}.` : '');
      return insertProducts(
        tx,
        { companyId: principal.companyId, actor: actorOf(principal), at: clock.now() },
        products,
      );
    });
  }

  async function listProduct(principal: Principal, input: NewProduct): Promise<SellerProduct> {
    const [id] = await createProducts(principal, [input]);
    return (await loadProduct(db, id!, 'seller'))!;
  }

  /**
   * A buyer's (or anyone's) product page: published, not hidden, seller active; else not found. A signed-in
   * retailer's visit is recorded for the manufacturer's analytics (`product.viewed`, throttled).
   */
  async function productPage(id: string, viewer?: Principal) {
    const visible = await db
      .selectFrom('products as p')
      .innerJoin('companies as c', 'c.id', 'p.seller_company_id')
      .select('p.id')
      .where('p.id', '=', id)
      .where('p.status', '=', 'published')
      .where('p.hidden_at', 'is', null)
      .where('c.status', '=', 'active')
      .executeTakeFirst();
    if (!visible) throw notFound('product', id);
    const product = (await loadProduct(db, id, 'public'))!;
    if (viewer) await interest.productViewed(viewer, product);
    return { ...product, related: await relatedProducts(db, id) };
  }

  /** Search and browse (see search.ts); without `q`, newest first. A signed-in retailer's search is recorded. */
  async function browse(filter: SearchFilter, searcher?: Principal) {
    const result = await searchProducts(db, filter);
    if (searcher) await interest.searched(searcher, filter, result.total);
    return result;
  }

  async function myProducts(
    principal: Principal,
    filter: { status?: 'draft' | 'published'; hidden?: boolean; limit: number; offset: number },
  ): Promise<SellerProduct[]> {
    requireSellerMember(principal);
    let query = db.selectFrom('products').select('id').where('seller_company_id', '=', principal.companyId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.hidden !== undefined) query = query.where('hidden_at', filter.hidden ? 'is not' : 'is', null);
    const ids = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    const out: SellerProduct[] = [];
    for (const { id } of ids) out.push((await loadProduct(db, id, 'seller'))!);
    return out;
  }

  async function myProduct(principal: Principal, id: string): Promise<SellerProduct> {
    requireSellerMember(principal);
    const product = await loadProduct(db, id, 'seller');
    if (!product || product.sellerCompanyId !== principal.companyId) throw notFound('product', id);
    return product;
  }

  return {
    createProducts,
    listProduct,
    browse,
    productPage,
    categories: () => categoryTree(db),
    myProducts,
    myProduct,
    updateProduct: editing.updateProduct,
    publish: (p: Principal, id: string) => editing.setStatus(p, id, 'published'),
    unpublish: (p: Principal, id: string) => editing.setStatus(p, id, 'draft'),
    bulkEdit: editing.bulkEdit,
    addVariant: variants.addVariant,
    updateVariant: variants.updateVariant,
    retireVariant: variants.retireVariant,
    ...createCsvTransfer(deps),
    moderation: createModeration(deps),
    directory: createDirectory(deps),
    inventory: createInventoryService(deps),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
