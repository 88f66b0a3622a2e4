/** Events the catalog emits. Payload schemas are registered in ingest/events/catalog.ts. */
export const PRODUCT_LISTED = 'product.listed';
export const PRODUCT_PUBLISHED = 'product.published';
export const PRODUCT_UNPUBLISHED = 'product.unpublished';
export const PRODUCT_UPDATED = 'product.updated';
export const PRODUCT_PRICE_CHANGED = 'product.price_changed';
export const PRODUCT_HIDDEN = 'product.hidden';
export const PRODUCT_UNHIDDEN = 'product.unhidden';
export const PRODUCT_INVENTORY_MOVED = 'product.inventory_moved';
export const PRODUCT_VARIANT_ADDED = 'product.variant_added';
export const PRODUCT_VARIANT_UPDATED = 'product.variant_updated';
export const PRODUCT_VARIANT_RETIRED = 'product.variant_retired';

export interface ProductListedV1 {
  productId: string;
  sellerCompanyId: string;
  sku: string;
  name: string;
  /** The lowest base price of its variants. */
  priceMinor: number;
  currency: string;
  /** Units available over all variants and locations. */
  stock: number;
  // Added with the catalog (optional, so earlier events stay valid):
  status?: 'draft' | 'published';
  categoryId?: string | null;
  variantCount?: number;
  leadTimeDays?: number;
}

export interface ProductStatusChangedV1 {
  productId: string;
  sellerCompanyId: string;
}

export interface ProductUpdatedV1 {
  productId: string;
  sellerCompanyId: string;
  /** Names of the fields that changed (values of private fields such as unit cost never travel). */
  changed: string[];
}

/** A variant added to a product after it was listed (at listing, `product.listed` counts them). */
export interface ProductVariantAddedV1 {
  productId: string;
  sellerCompanyId: string;
  variantId: string;
  sku: string;
  options: Record<string, string>;
  priceMinor: number;
  currency: string;
  moq: number;
  casePack: number;
}

export interface ProductVariantUpdatedV1 {
  productId: string;
  sellerCompanyId: string;
  variantId: string;
  sku: string;
  /** Names of the fields that changed; a base price change also has its own `product.price_changed`. */
  changed: string[];
}

/** The variant is off sale for good; its rows and order history stay, its SKU stays reserved. */
export interface ProductVariantRetiredV1 {
  productId: string;
  sellerCompanyId: string;
  variantId: string;
  sku: string;
}

export interface ProductPriceChangedV1 {
  productId: string;
  sellerCompanyId: string;
  variantId: string;
  sku: string;
  currency: string;
  fromPriceMinor: number;
  toPriceMinor: number;
}

export interface ProductModeratedV1 {
  productId: string;
  sellerCompanyId: string;
  reason: string;
}

export interface ProductInventoryMovedV1 {
  productId: string;
  sellerCompanyId: string;
  reference: string | null;
  movements: Array<{
    movementId: string;
    variantId: string;
    sku: string;
    locationId: string;
    kind: 'receipt' | 'adjustment' | 'reservation' | 'release' | 'sale' | 'cancellation';
    onHandDelta: number;
    reservedDelta: number;
    /** The level after the movement. */
    onHand: number;
    reserved: number;
  }>;
}

export const PRODUCT_VIEWED = 'product.viewed';
export const CATALOG_SEARCHED = 'catalog.searched';

/**
 * A signed-in retailer opened a product page; at most one per retailer and product every 30 minutes
 * (catalog-interest.ts), so reloads do not count as interest.
 */
export interface ProductViewedV1 {
  productId: string;
  sellerCompanyId: string;
  buyerCompanyId: string;
  userId: string;
  /** ISO 8601 UTC. */
  viewedAt: string;
}

/**
 * A signed-in retailer searched or filtered the catalog (first page only, so paging is not a new search). The
 * query text is platform data: the semantic layer shows it to platform staff only, never to manufacturers.
 */
export interface CatalogSearchedV1 {
  searchId: string;
  buyerCompanyId: string;
  userId: string;
  /** The keywords as typed, trimmed ('' when only filters were used). */
  query: string;
  filters: {
    category?: string;
    currency?: string;
    minPriceMinor?: number;
    maxPriceMinor?: number;
    maxMoq?: number;
    country?: string;
    certification?: string;
    verifiedOnly?: boolean;
    minRating?: number;
  };
  sort: string;
  resultCount: number;
  /** ISO 8601 UTC. */
  searchedAt: string;
}
