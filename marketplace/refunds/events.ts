/** Events the refunds context emits. Payload schemas are registered in ingest/events/catalog.ts. */
export const ORDER_REFUNDED = 'order.refunded';

/** A refund that went through, with the commission it took back: analytics never re-derives either. */
export interface OrderRefundedV1 {
  refundId: string;
  orderId: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  currency: string;
  amountMinor: number;
  /** At the order's own FX rate, so a refund takes back exactly what the order counted in USD. */
  amountUsdMinor: number;
  fxRate: string;
  commissionReversedMinor: number;
  commissionReversedUsdMinor: number;
  /** True when this refund brings the order's refunds to its whole total. */
  full: boolean;
  reason: string;
  refundedAt: string;
}
