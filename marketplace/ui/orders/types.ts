/** Orders as the API answers them (api/routes/order-routes.ts, invoice-routes.ts). */
export interface OrderSummary {
  id: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  status: string;
  currency: string;
  subtotalMinor: number;
  placedAt: string;
}

export interface TimelineEntry {
  from: string | null;
  to: string;
  at: string;
  by: 'buyer' | 'seller' | 'system' | 'platform';
  reason: string | null;
  details: Record<string, string>;
}

export interface OrderDetails extends OrderSummary {
  buyerName: string;
  sellerName: string;
  acceptedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  completedAt: string | null;
  shipment: {
    carrier: string;
    trackingNumber: string;
    trackingUrl: string | null;
    proofOfDeliveryKey: string | null;
  } | null;
  lines: Array<{
    lineNo: number;
    productId: string;
    variantId: string | null;
    sku: string;
    name: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
  }>;
  timeline: TimelineEntry[];
  /** The statuses the caller may move the order to now. */
  next: string[];
}

export interface Invoice {
  number: string;
  issuedAt: string;
  dueAt: string | null;
  currency: string;
  subtotalMinor: number;
  taxRate: string;
  taxMinor: number;
  totalMinor: number;
  links: { pdf: string };
}

/** Which side of an order the signed-in company is on. */
export type Side = 'buyer' | 'seller' | 'platform';
