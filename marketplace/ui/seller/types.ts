/**
 * What the seller portal reads from the API: a manufacturer's own catalog (api/routes/catalog-routes.ts),
 * inventory (inventory-routes.ts), members (member-routes.ts), billing (billing-routes.ts) and settlements
 * (invoice-routes.ts). Money is integer minor units with its currency; times are UTC ISO 8601.
 */
import type { PriceTier } from '../storefront/types.ts';

export type { Category, PriceTier } from '../storefront/types.ts';

export interface SellerVariant {
  id: string;
  sku: string;
  options: Record<string, string>;
  priceMinor: number;
  priceTiers: PriceTier[];
  moq: number;
  casePack: number;
  available: number;
  /** Private to the seller's own members; null when not recorded. */
  unitCostMinor: number | null;
  onHand: number;
  reserved: number;
  /** Set once retired: off the storefront, kept for order history. */
  retiredAt?: string | null;
}

export interface SellerProduct {
  id: string;
  sellerCompanyId: string;
  sellerName: string;
  sku: string;
  name: string;
  description: string;
  categoryId: string | null;
  category: { id: string; slug: string; name: string; path: string } | null;
  priceMinor: number;
  currency: string;
  stock: number;
  moq: number;
  leadTimeDays: number;
  certifications: string[];
  /** In display order (the first is the cover): uploads as /api/v1/product-images/{id}, or links. */
  images: string[];
  image: string | null;
  specifications: Array<{ name: string; value: string }>;
  status: 'draft' | 'published';
  createdAt: string;
  updatedAt: string | null;
  publishedAt: string | null;
  unitsSold: number;
  moderation: { hidden: boolean; hiddenAt: string | null; reason: string | null };
  variants: SellerVariant[];
}

export interface ImportReport {
  dryRun: boolean;
  /** create: only new SKUs; upsert: products with a SKU you have are updated, the rest created. */
  mode?: 'create' | 'upsert';
  rows: number;
  products: number;
  /** Products written: created plus updated. */
  imported: number;
  created?: number;
  updated?: number;
  errors: RowProblem[];
}

export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

export interface WarehouseLocation {
  id: string;
  code: string;
  name: string;
  country: string;
  city: string;
  createdAt: string;
}

export interface StockLevel {
  productId: string;
  variantId: string;
  sku: string;
  locationId: string;
  locationCode?: string;
  onHand: number;
  reserved: number;
  available: number;
}

export type MovementKind = 'receipt' | 'adjustment' | 'reservation' | 'release' | 'sale' | 'cancellation';

export interface StockMovement {
  id: string;
  productId: string;
  variantId: string;
  locationId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  note: string | null;
  actorUserId: string | null;
  occurredAt: string;
}

export interface Member {
  userId: string;
  email: string;
  role: string;
  status: 'active' | 'suspended';
  emailVerified: boolean;
  twoFactor: boolean;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

export type Plan = 'free' | 'professional' | 'enterprise';
export type BillingProduct =
  'professional' | 'enterprise' | 'extra_users' | 'premium_analytics' | 'priority_listing';
export type BillingInterval = 'month' | 'year';

export interface BillingPrice {
  id: string;
  product: BillingProduct;
  name: string;
  interval: BillingInterval;
  amountUsdMinor: number;
  effectiveFrom: string;
}

export interface AddOns {
  extraUsers: number;
  premiumAnalytics: boolean;
  priorityListing: boolean;
}

export interface SubscriptionView {
  companyId: string;
  plan: Plan;
  limits: { publishedProducts: number | null; ordersPerMonth: number | null; includedSeats: number };
  subscription: {
    id: string;
    provider: 'stripe' | 'offline';
    providerSubscriptionId: string;
    status: string;
    plan: Plan;
    interval: BillingInterval | null;
    addOns: AddOns;
    items: Array<{
      product: BillingProduct;
      priceId: string;
      quantity: number;
      unitAmountUsdMinor: number;
      interval: BillingInterval;
      mrrUsdMinor: number;
    }>;
    mrrUsdMinor: number;
    cancelAtPeriodEnd: boolean;
    currentPeriodEnd: string | null;
    nextInvoiceAt: string | null;
    pendingChange: {
      plan: Plan;
      interval: BillingInterval;
      addOns: AddOns;
      cancelAtPeriodEnd: boolean;
    } | null;
    updatedAt: string;
  } | null;
}

export interface SettlementCurrency {
  currency: string;
  orderCount: number;
  grossSubtotalMinor: number;
  grossTaxMinor: number;
  grossTotalMinor: number;
  commissionMinor: number;
  refundCount: number;
  refundsMinor: number;
  commissionReversedMinor: number;
  netPayoutMinor: number;
  payoutsSentMinor: number;
  payoutsPendingMinor: number;
}

export interface SettlementOrder {
  orderId: string;
  placedAt: string;
  buyerName: string;
  invoiceNumber: string | null;
  status: string;
  paymentMethod: string | null;
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  commissionMinor: number;
  payoutStatus: string | null;
}

export interface SettlementRefund {
  refundId: string;
  orderId: string;
  completedAt: string;
  creditNoteNumber: string | null;
  currency: string;
  amountMinor: number;
  commissionReversedMinor: number;
  reason: string;
}

export interface SettlementStatement {
  companyId: string;
  companyName: string;
  from: string;
  to: string;
  currencies: SettlementCurrency[];
  orders: SettlementOrder[];
  refunds: SettlementRefund[];
}
