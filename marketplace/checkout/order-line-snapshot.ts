/**
 * What an order line keeps of its product for analytics, read inside the transaction that writes the order:
 * - the variant's unit cost, copied onto the line at checkout so that a seller editing or removing its cost
 *   later never rewrites the margin of what it already sold (null when the seller gave none);
 * - the product's category (id, slug path and display names, root first) and lead time, carried by
 *   `order.placed` so the warehouse can answer "by category" and "shipped on time" without reading the catalog.
 * The cart never reads these: a unit cost must not reach a buyer.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Tx = Transaction<Database>;

export interface LineProductFacts {
  categoryId: string | null;
  categoryPath: string | null;
  categoryNamePath: string[] | null;
  leadTimeDays: number;
}

/** Unit cost per variant id, null where the seller gave none. */
export async function unitCostsOf(tx: Tx, variantIds: string[]): Promise<Map<string, number | null>> {
  if (variantIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('product_variants')
    .select(['id', 'unit_cost_minor'])
    .where('id', 'in', variantIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.unit_cost_minor]));
}

/** "home/kitchen/drinkware" -> ["home", "home/kitchen", "home/kitchen/drinkware"]. */
const ancestry = (path: string) => path.split('/').map((_, i, slugs) => slugs.slice(0, i + 1).join('/'));

/** Category and lead time per product id, as the catalog has them now (the moment the order is placed). */
export async function productFactsOf(tx: Tx, productIds: string[]): Promise<Map<string, LineProductFacts>> {
  if (productIds.length === 0) return new Map();
  const products = await tx
    .selectFrom('products as p')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .select(['p.id', 'p.lead_time_days', 'c.id as category_id', 'c.path as category_path'])
    .where('p.id', 'in', [...new Set(productIds)])
    .execute();
  const paths = [...new Set(products.flatMap((p) => (p.category_path ? ancestry(p.category_path) : [])))];
  const names = new Map(
    paths.length === 0
      ? []
      : (await tx.selectFrom('categories').select(['path', 'name']).where('path', 'in', paths).execute()).map(
          (c) => [c.path, c.name],
        ),
  );
  return new Map(
    products.map((p) => [
      p.id,
      {
        categoryId: p.category_id,
        categoryPath: p.category_path,
        categoryNamePath: p.category_path ? ancestry(p.category_path).map((a) => names.get(a) ?? a) : null,
        leadTimeDays: p.lead_time_days,
      },
    ]),
  );
}
