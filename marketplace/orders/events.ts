/** Events the orders context emits. Payload schemas are registered in ingest/events/catalog.ts. */
export const ORDER_PLACED = 'order.placed';

export interface OrderPlacedV1 {
  orderId: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  status: 'placed';
  currency: string;
  subtotalMinor: number;
  /** The subtotal in USD minor units at `fxRate` (USD per unit of `currency`), fixed at placement. */
  subtotalUsdMinor: number;
  fxRate: string;
  placedAt: string;
  lines: Array<{
    lineNo: number;
    productId: string;
    /** Added with the catalog's variants (optional in v1). */
    variantId?: string;
    sku: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
    /** The line total in USD minor units at `fxRate` (lines may not add up to the subtotal's USD by a cent). */
    lineTotalUsdMinor: number;
  }>;
}
