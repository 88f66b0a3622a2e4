/**
 * How a product reads, for two audiences. Buyers and the public see the listing: prices, tiers, MOQ, case
 * pack, availability. The seller's own members also see status, moderation, unit cost and levels.
 * Unit cost and moderation notes appear ONLY in `SellerProduct`, which only seller-scoped queries build.
 */
import type { Db } from '../db/database.ts';
import type { PriceTier } from '../db/schema.ts';

export interface PublicVariant {
  id: string;
  sku: string;
  options: Record<string, string>;
  priceMinor: number;
  priceTiers: PriceTier[];
  moq: number;
  casePack: number;
  available: number;
}

export interface ProductSummary {
  id: string;
  sellerCompanyId: string;
  sellerName: string;
  sellerCountry: string;
  sku: string;
  name: string;
  categoryId: string | null;
  priceMinor: number;
  currency: 'USD' | 'EUR' | 'GBP';
  stock: number;
  moq: number;
  leadTimeDays: number;
  certifications: string[];
  image: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface PublicProduct extends ProductSummary {
  description: string;
  category: { id: string; slug: string; name: string; path: string } | null;
  images: string[];
  specifications: Array<{ name: string; value: string }>;
  variants: PublicVariant[];
}

export interface SellerVariant extends PublicVariant {
  unitCostMinor: number | null;
  onHand: number;
  reserved: number;
}

export interface SellerProduct extends Omit<PublicProduct, 'variants'> {
  status: 'draft' | 'published';
  updatedAt: string | null;
  unitsSold: number;
  moderation: { hidden: boolean; hiddenAt: string | null; reason: string | null };
  variants: SellerVariant[];
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Columns every summary needs, from `products as p` joined to `companies as c`. */
export const summaryColumns = [
  'p.id',
  'p.seller_company_id',
  'c.name as seller_name',
  'c.country as seller_country',
  'p.sku',
  'p.name',
  'p.category_id',
  'p.price_minor',
  'p.currency',
  'p.stock',
  'p.min_moq',
  'p.lead_time_days',
  'p.certifications',
  'p.images',
  'p.created_at',
  'p.published_at',
] as const;

export interface SummaryRow {
  id: string;
  seller_company_id: string;
  seller_name: string;
  seller_country: string;
  sku: string;
  name: string;
  category_id: string | null;
  price_minor: number;
  currency: string;
  stock: number;
  min_moq: number;
  lead_time_days: number;
  certifications: string[];
  images: string[];
  created_at: Date | string;
  published_at: Date | string | null;
}

export function toSummary(r: SummaryRow): ProductSummary {
  return {
    id: r.id,
    sellerCompanyId: r.seller_company_id,
    sellerName: r.seller_name,
    sellerCountry: r.seller_country,
    sku: r.sku,
    name: r.name,
    categoryId: r.category_id,
    priceMinor: r.price_minor,
    currency: r.currency as ProductSummary['currency'],
    stock: r.stock,
    moq: r.min_moq,
    leadTimeDays: r.lead_time_days,
    certifications: r.certifications,
    image: r.images[0] ?? null,
    createdAt: iso(r.created_at)!,
    publishedAt: iso(r.published_at),
  };
}

/** The full product, or undefined. `audience` decides whether private fields are read at all. */
export async function loadProduct(db: Db, id: string, audience: 'public'): Promise<PublicProduct | undefined>;
export async function loadProduct(db: Db, id: string, audience: 'seller'): Promise<SellerProduct | undefined>;
export async function loadProduct(
  db: Db,
  id: string,
  audience: 'public' | 'seller',
): Promise<PublicProduct | SellerProduct | undefined> {
  const row = await db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.seller_company_id')
    .leftJoin('categories as k', 'k.id', 'p.category_id')
    .select([
      ...summaryColumns,
      'p.description',
      'p.specifications',
      'p.status',
      'p.updated_at',
      'p.units_sold',
      'p.hidden_at',
      'p.hidden_reason',
      'k.slug as category_slug',
      'k.name as category_name',
      'k.path as category_path',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const variants = await db
    .selectFrom('product_variants as v')
    .leftJoin('inventory_levels as l', 'l.variant_id', 'v.id')
    .select((eb) => [
      'v.id',
      'v.sku',
      'v.options',
      'v.price_minor',
      'v.price_tiers',
      'v.moq',
      'v.case_pack',
      'v.unit_cost_minor',
      'v.position',
      eb.fn.coalesce(eb.fn.sum<number>('l.on_hand'), eb.lit(0)).as('on_hand'),
      eb.fn.coalesce(eb.fn.sum<number>('l.reserved'), eb.lit(0)).as('reserved'),
    ])
    .where('v.product_id', '=', id)
    .groupBy('v.id')
    .orderBy('v.position')
    .execute();
  const base: PublicProduct = {
    ...toSummary(row),
    description: row.description,
    category: row.category_id
      ? { id: row.category_id, slug: row.category_slug!, name: row.category_name!, path: row.category_path! }
      : null,
    images: row.images,
    specifications: row.specifications,
    variants: variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      options: v.options,
      priceMinor: v.price_minor,
      priceTiers: v.price_tiers,
      moq: v.moq,
      casePack: v.case_pack,
      available: Number(v.on_hand) - Number(v.reserved),
    })),
  };
  if (audience === 'public') return base;
  return {
    ...base,
    status: row.status,
    updatedAt: iso(row.updated_at),
    unitsSold: row.units_sold,
    moderation: { hidden: row.hidden_at !== null, hiddenAt: iso(row.hidden_at), reason: row.hidden_reason },
    variants: base.variants.map((v, i) => ({
      ...v,
      unitCostMinor: variants[i]!.unit_cost_minor,
      onHand: Number(variants[i]!.on_hand),
      reserved: Number(variants[i]!.reserved),
    })),
  };
}
