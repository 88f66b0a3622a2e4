/**
 * Reads cart-shaped lines (variant + quantity) with everything a buyer needs to see about each: the tier price
 * for that quantity, and every problem that would stop checkout (not on sale, below MOQ, not a case multiple,
 * not enough stock). The cart shows the problems inline; checkout refuses while any remain. One reader, so the
 * cart and checkout never disagree.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { lineTotal } from '../../platform/money.ts';
import { unitPriceFor } from '../catalog/product-schema.ts';
import type { Database } from '../db/schema.ts';

type Reader = Kysely<Database> | Transaction<Database>;

export interface LineProblem {
  code: 'product_unavailable' | 'below_moq' | 'not_case_multiple' | 'insufficient_stock';
  message: string;
}

export interface PricedLine {
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  options: Record<string, string>;
  sellerCompanyId: string;
  sellerName: string;
  categoryPath: string | null;
  currency: string;
  quantity: number;
  moq: number;
  casePack: number;
  available: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  problems: LineProblem[];
}

export async function priceLines(
  db: Reader,
  lines: Array<{ variantId: string; quantity: number }>,
): Promise<PricedLine[]> {
  if (lines.length === 0) return [];
  const rows = await db
    .selectFrom('product_variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('companies as c', 'c.id', 'p.seller_company_id')
    .leftJoin('categories as cat', 'cat.id', 'p.category_id')
    .select([
      'v.id',
      'v.sku',
      'v.options',
      'v.price_minor',
      'v.price_tiers',
      'v.moq',
      'v.case_pack',
      'v.retired_at',
      'p.id as product_id',
      'p.name as product_name',
      'p.status',
      'p.hidden_at',
      'p.currency',
      'p.seller_company_id',
      'c.name as seller_name',
      'c.status as seller_status',
      'cat.path as category_path',
      sql<string>`coalesce((SELECT sum(l.on_hand - l.reserved) FROM inventory_levels l WHERE l.variant_id = v.id), 0)`.as(
        'available',
      ),
    ])
    .where(
      'v.id',
      'in',
      lines.map((l) => l.variantId),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return lines.flatMap((line) => {
    const row = byId.get(line.variantId);
    if (!row) return []; // a variant that no longer exists drops out of the cart
    const available = Number(row.available);
    const problems: LineProblem[] = [];
    if (row.status !== 'published' || row.hidden_at !== null || row.seller_status !== 'active')
      problems.push({ code: 'product_unavailable', message: `${row.product_name} is not on sale any more.` });
    else if (row.retired_at !== null)
      problems.push({ code: 'product_unavailable', message: `${row.sku} is not sold any more.` });
    if (line.quantity < row.moq)
      problems.push({
        code: 'below_moq',
        message: `${row.sku} has a minimum order of ${row.moq}; you have ${line.quantity}.`,
      });
    if (line.quantity % row.case_pack !== 0)
      problems.push({
        code: 'not_case_multiple',
        message: `${row.sku} sells in cases of ${row.case_pack}; ${line.quantity} is not a whole number of cases.`,
      });
    if (line.quantity > available)
      problems.push({
        code: 'insufficient_stock',
        message: `Only ${Math.max(0, available)} of ${row.sku} in stock; you have ${line.quantity}.`,
      });
    const unitPriceMinor = unitPriceFor(
      { priceMinor: row.price_minor, priceTiers: row.price_tiers },
      line.quantity,
    );
    return [
      {
        variantId: row.id,
        productId: row.product_id,
        sku: row.sku,
        productName: row.product_name,
        options: row.options,
        sellerCompanyId: row.seller_company_id,
        sellerName: row.seller_name,
        categoryPath: row.category_path,
        currency: row.currency,
        quantity: line.quantity,
        moq: row.moq,
        casePack: row.case_pack,
        available,
        unitPriceMinor,
        lineTotalMinor: lineTotal(unitPriceMinor, line.quantity),
        problems,
      },
    ];
  });
}
