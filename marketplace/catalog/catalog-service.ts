/** Listing products. The catalog issue grows this into variants, tiers, MOQ and moderation. */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Currency } from '../../platform/money.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { PRODUCT_LISTED, type ProductListedV1 } from './events.ts';

export interface ListProductInput {
  sku: string;
  name: string;
  priceMinor: number;
  currency: Currency;
  stock: number;
}

export interface Product extends ListProductInput {
  id: string;
  sellerCompanyId: string;
  createdAt: string;
}

export function createCatalogService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function listProduct(principal: Principal, input: ListProductInput): Promise<Product> {
    if (principal.companyKind !== 'manufacturer' || !can(principal, 'catalog:write')) {
      throw forbidden('Only a manufacturer with catalog rights can list products.');
    }
    const id = newId();
    const now = clock.now();
    return db.transaction().execute(async (tx) => {
      const duplicate = await tx
        .selectFrom('products')
        .select('id')
        .where('seller_company_id', '=', principal.companyId)
        .where('sku', '=', input.sku)
        .executeTakeFirst();
      if (duplicate) {
        throw new DomainError('conflict', 'sku_taken', `You already list a product with SKU ${input.sku}.`, [
          { field: 'sku', message: 'is already used by another of your products' },
        ]);
      }
      await tx
        .insertInto('products')
        .values({
          id,
          seller_company_id: principal.companyId,
          sku: input.sku,
          name: input.name,
          price_minor: input.priceMinor,
          currency: input.currency,
          stock: input.stock,
          created_at: now,
        })
        .execute();
      await recordEvent<ProductListedV1>(tx, {
        type: PRODUCT_LISTED,
        version: 1,
        aggregateType: 'product',
        aggregateId: id,
        companyIds: [principal.companyId],
        occurredAt: now,
        actor: { userId: principal.userId, companyId: principal.companyId, kind: 'user' },
        payload: { productId: id, sellerCompanyId: principal.companyId, ...input },
      });
      return { id, sellerCompanyId: principal.companyId, ...input, createdAt: now.toISOString() };
    });
  }

  async function browse(options: { limit: number; offset: number }): Promise<Product[]> {
    const rows = await db
      .selectFrom('products')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      sellerCompanyId: r.seller_company_id,
      sku: r.sku,
      name: r.name,
      priceMinor: r.price_minor,
      currency: r.currency as Currency,
      stock: r.stock,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  return { listProduct, browse };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
