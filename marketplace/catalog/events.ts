/** Events the catalog emits. Payload schemas are registered in ingest/events/catalog.ts. */
export const PRODUCT_LISTED = 'product.listed';

export interface ProductListedV1 {
  productId: string;
  sellerCompanyId: string;
  sku: string;
  name: string;
  priceMinor: number;
  currency: string;
  stock: number;
}
