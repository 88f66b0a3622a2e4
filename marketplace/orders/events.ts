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
    /** Checkout orders: the line's share of the commission and its rate (commission-rules.ts). */
    commissionMinor?: number;
    commissionRateBps?: number;
    /**
     * Checkout orders, for margin: the variant's unit cost copied at checkout (null when the seller gave none),
     * in the order's currency and in USD at `fxRate`, and quantity x unit cost in USD (rounded once).
     */
    unitCostMinor?: number | null;
    unitCostUsdMinor?: number | null;
    lineCostUsdMinor?: number | null;
    /** Checkout orders: the product's category when the order was placed, root first (null: uncategorised). */
    categoryId?: string | null;
    /** Slugs from the root, "home/kitchen/drinkware". */
    categoryPath?: string | null;
    /** Display names from the root, one per slug of `categoryPath`. */
    categoryNamePath?: string[] | null;
    /** Checkout orders: the product's lead time when placed, which sets the order's ship-by date. */
    leadTimeDays?: number;
  }>;
  /** Checkout orders (marketplace/checkout) carry the rest of the money, fixed at placement. */
  groupId?: string;
  paymentMethod?: 'card' | 'terms';
  taxMinor?: number;
  taxRate?: string;
  totalMinor?: number;
  totalUsdMinor?: number;
  commissionMinor?: number;
  commissionUsdMinor?: number;
  commissionRateBps?: number;
  plan?: 'free' | 'professional' | 'enterprise';
  /**
   * Checkout orders: the commission volume tier the manufacturer's month-to-date GMV reached (1 = from $0), where
   * that tier starts (USD minor units) and the discount it gave (0 on the Free plan or under a negotiated rate).
   */
  volumeTier?: number;
  volumeTierFromUsdMinor?: number;
  volumeDiscountBps?: number;
  shipTo?: { country: string; region: string; city: string };
}

export const ORDER_STATUS_CHANGED = 'order.status_changed';

/** One per transition of the order state machine (order-state-machine.ts), placement excepted (`order.placed`). */
export interface OrderStatusChangedV1 {
  orderId: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  from: string;
  to: string;
  /** ISO 8601 UTC. */
  at: string;
  reason?: string;
  carrier?: string;
  trackingNumber?: string;
}

export const ORDER_TERMS_PAID = 'order.terms_paid';

/** A retailer paid a net-terms order (recorded by Wholesail's finance team); the amount owed after refunds. */
export interface OrderTermsPaidV1 {
  orderId: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  currency: string;
  amountMinor: number;
  amountUsdMinor: number;
  /** When it was due, so lateness can be measured. */
  dueAt: string | null;
  paidAt: string;
}
