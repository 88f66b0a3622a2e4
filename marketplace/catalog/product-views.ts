/**
 * How a product reads, for two audiences. Buyers and the public see the listing: prices, tiers, MOQ, case
 * pack, availability. The seller's own members also see status, moderation, unit cost and levels.
 * Unit cost and moderation notes appear ONLY in `SellerProduct`, which only seller-scoped queries build.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { PriceTier } from '../db/schema.ts';
import { productImageUrl, uploadIdOf } from './image-list.ts';
import type { ProductImage } from './product-images.ts';
import { unitPriceFor } from './product-schema.ts';

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
  /** basic, verified or premium (marketplace/companies/trust-score.ts). */
  sellerTrustBadge: 'basic' | 'verified' | 'premium';
  sku: string;
  name: string;
  categoryId: string | null;
  priceMinor: number;
  /**
   * Lower unit prices from a quantity on ("from $6.50 at 100+"), over the variants on sale: each step is the
   * best price any variant offers at that quantity, kept only where it beats the step before.
   */
  priceTiers: PriceTier[];
  currency: 'USD' | 'EUR' | 'GBP';
  stock: number;
  moq: number;
  leadTimeDays: number;
  certifications: string[];
  /** The cover: the first image, a URL the browser can load (or a link), or null. */
  image: string | null;
  /** The product's own rating from buyers' reviews (null before its first review). */
  averageRating: number | null;
  reviewCount: number;
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
  /** Set once retired: off the storefront and not for sale, kept for order history. */
  retiredAt: string | null;
}

export interface SellerProduct extends Omit<PublicProduct, 'variants'> {
  status: 'draft' | 'published';
  /** The uploaded ones among `images`, in the same order, with the ids to delete or reorder them by. */
  uploadedImages: ProductImage[];
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
  'c.trust_badge as seller_trust_badge',
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
  // The variants on sale's prices (for the tier ladder) and the product's rating, one row each.
  sql<Array<{ priceMinor: number; priceTiers: PriceTier[] }> | null>`(SELECT jsonb_agg(jsonb_build_object(
      'priceMinor', v.price_minor, 'priceTiers', v.price_tiers)) FROM product_variants v
    WHERE v.product_id = p.id AND v.retired_at IS NULL)`.as('variant_prices'),
  sql<string | null>`(SELECT r.average_rating FROM product_ratings r WHERE r.product_id = p.id)`.as(
    'average_rating',
  ),
  sql<number | null>`(SELECT r.review_count FROM product_ratings r WHERE r.product_id = p.id)`.as(
    'review_count',
  ),
] as const;

/** The product's rating as SQL over `products as p` (null before its first review), for filters and sorts. */
export const productRating = sql<string | null>`(SELECT r.average_rating::numeric FROM product_ratings r
  WHERE r.product_id = p.id)`;

export interface SummaryRow {
  id: string;
  seller_company_id: string;
  seller_name: string;
  seller_country: string;
  seller_trust_badge: 'basic' | 'verified' | 'premium';
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
  variant_prices: Array<{ priceMinor: number; priceTiers: PriceTier[] }> | null;
  average_rating: string | null;
  review_count: number | null;
}

/** The "from" ladder of `ProductSummary.priceTiers`. */
export function fromPriceLadder(
  variants: Array<{ priceMinor: number; priceTiers: PriceTier[] }>,
): PriceTier[] {
  if (variants.length === 0) return [];
  const quantities = [...new Set(variants.flatMap((v) => v.priceTiers.map((t) => t.minQuantity)))].sort(
    (a, b) => a - b,
  );
  let best = Math.min(...variants.map((v) => v.priceMinor));
  const ladder: PriceTier[] = [];
  for (const minQuantity of quantities) {
    const priceMinor = Math.min(...variants.map((v) => unitPriceFor(v, minQuantity)));
    if (priceMinor < best) {
      ladder.push({ minQuantity, priceMinor });
      best = priceMinor;
    }
  }
  return ladder;
}

export function toSummary(r: SummaryRow): ProductSummary {
  return {
    id: r.id,
    sellerCompanyId: r.seller_company_id,
    sellerName: r.seller_name,
    sellerCountry: r.seller_country,
    sellerTrustBadge: r.seller_trust_badge,
    sku: r.sku,
    name: r.name,
    categoryId: r.category_id,
    priceMinor: r.price_minor,
    priceTiers: fromPriceLadder(r.variant_prices ?? []),
    currency: r.currency as ProductSummary['currency'],
    stock: r.stock,
    moq: r.min_moq,
    leadTimeDays: r.lead_time_days,
    certifications: r.certifications,
    image: r.images[0] ?? null,
    averageRating: r.average_rating === null ? null : Number(r.average_rating),
    reviewCount: Number(r.review_count ?? 0),
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
      'v.retired_at',
      eb.fn.coalesce(eb.fn.sum<number>('l.on_hand'), eb.lit(0)).as('on_hand'),
      eb.fn.coalesce(eb.fn.sum<number>('l.reserved'), eb.lit(0)).as('reserved'),
    ])
    .where('v.product_id', '=', id)
    .groupBy('v.id')
    .orderBy('v.position')
    .execute();
  const listing = (v: (typeof variants)[number]): PublicVariant => ({
    id: v.id,
    sku: v.sku,
    options: v.options,
    priceMinor: v.price_minor,
    priceTiers: v.price_tiers,
    moq: v.moq,
    casePack: v.case_pack,
    available: Number(v.on_hand) - Number(v.reserved),
  });
  const base: PublicProduct = {
    ...toSummary(row),
    description: row.description,
    category: row.category_id
      ? { id: row.category_id, slug: row.category_slug!, name: row.category_name!, path: row.category_path! }
      : null,
    images: row.images,
    specifications: row.specifications,
    // Retired variants are off the storefront; the seller still sees them, marked.
    variants: variants.filter((v) => v.retired_at === null).map(listing),
  };
  if (audience === 'public') return base;
  const uploads = await uploadsOf(db, id);
  return {
    ...base,
    status: row.status,
    updatedAt: iso(row.updated_at),
    unitsSold: row.units_sold,
    moderation: { hidden: row.hidden_at !== null, hiddenAt: iso(row.hidden_at), reason: row.hidden_reason },
    uploadedImages: row.images.flatMap((entry) => {
      const upload = uploads.get(uploadIdOf(entry) ?? '');
      return upload ? [upload] : [];
    }),
    variants: variants.map((v) => ({
      ...listing(v),
      unitCostMinor: v.unit_cost_minor,
      onHand: Number(v.on_hand),
      reserved: Number(v.reserved),
      retiredAt: iso(v.retired_at),
    })),
  };
}

/** The uploaded images of a product, by id. */
async function uploadsOf(db: Db, productId: string): Promise<Map<string, ProductImage>> {
  const rows = await db
    .selectFrom('product_images')
    .select(['id', 'content_type', 'size_bytes', 'sha256', 'created_at'])
    .where('product_id', '=', productId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        url: productImageUrl(r.id),
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        sha256: r.sha256,
        createdAt: new Date(r.created_at).toISOString(),
      },
    ]),
  );
}
