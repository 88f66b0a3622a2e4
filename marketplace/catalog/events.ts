/** Events the catalog emits. Payload schemas are registered in ingest/events/catalog.ts. */
export const PRODUCT_LISTED = 'product.listed';
export const PRODUCT_PUBLISHED = 'product.published';
export const PRODUCT_UNPUBLISHED = 'product.unpublished';
export const PRODUCT_UPDATED = 'product.updated';
export const PRODUCT_PRICE_CHANGED = 'product.price_changed';
export const PRODUCT_HIDDEN = 'product.hidden';
export const PRODUCT_UNHIDDEN = 'product.unhidden';
export const PRODUCT_INVENTORY_MOVED = 'product.inventory_moved';

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
