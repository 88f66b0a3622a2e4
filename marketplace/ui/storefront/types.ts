/** What the storefront reads from the API (see api/routes/catalog-routes.ts, cart-routes.ts, checkout-routes.ts). */
export interface ProductSummary {
  id: string;
  sellerCompanyId: string;
  sellerName: string;
  sellerCountry: string;
  sellerTrustBadge: 'basic' | 'verified' | 'premium';
  sku: string;
  name: string;
  categoryId: string | null;
  /** The lowest base price of its variants on sale. */
  priceMinor: number;
  /** Lower unit prices from a quantity on, over its variants ("from $6.50 at 100+" is the last step). */
  priceTiers: PriceTier[];
  currency: string;
  stock: number;
  moq: number;
  leadTimeDays: number;
  certifications: string[];
  /** The cover image's URL (an upload of ours or a link), or null. */
  image: string | null;
  averageRating: number | null;
  reviewCount: number;
}

export interface PriceTier {
  minQuantity: number;
  priceMinor: number;
}

export interface Variant {
  id: string;
  sku: string;
  options: Record<string, string>;
  priceMinor: number;
  priceTiers: PriceTier[];
  moq: number;
  casePack: number;
  available: number;
}

export interface ProductPage extends ProductSummary {
  description: string;
  category: { id: string; slug: string; name: string; path: string } | null;
  images: string[];
  specifications: Array<{ name: string; value: string }>;
  variants: Variant[];
  related: ProductSummary[];
}

export interface Category {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  path: string;
  depth: number;
  productCount: number;
}

export interface ManufacturerProfile {
  id: string;
  name: string;
  country: string;
  city: string;
  verified: boolean;
  trustBadge: 'basic' | 'verified' | 'premium';
  trustScore: number | null;
  website: string | null;
  description: string | null;
  foundedYear: number | null;
  productCount: number;
  memberSince: string;
  products: ProductSummary[];
  totalProducts: number;
}

export interface CartProblem {
  code: string;
  message: string;
}

export interface CartLine {
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  options: Record<string, string>;
  sellerCompanyId: string;
  sellerName: string;
  currency: string;
  quantity: number;
  moq: number;
  casePack: number;
  available: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  problems: CartProblem[];
}

export interface Cart {
  id: string;
  name: string | null;
  status: 'active' | 'saved';
  suppliers: Array<{
    sellerCompanyId: string;
    sellerName: string;
    currency: string;
    subtotalMinor: number;
    lines: CartLine[];
  }>;
  totals: Array<{ currency: string; subtotalMinor: number }>;
  lineCount: number;
  problemCount: number;
  updatedAt: string;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface OrderGroup {
  id: string;
  status: string;
  paymentMethod: 'card' | 'terms';
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  shippingAddress: ShippingAddress;
  createdAt: string;
  paidAt: string | null;
  reservationExpiresAt: string | null;
  payment: { paymentIntentId: string | null; clientSecret?: string };
  paymentStatus?: string;
  orders: Array<{
    id: string;
    sellerCompanyId: string;
    sellerName: string;
    status: string;
    paymentStatus: string;
    subtotalMinor: number;
    taxRate: string;
    taxMinor: number;
    totalMinor: number;
    dueAt: string | null;
    lines: Array<{
      lineNo: number;
      productId: string;
      variantId: string | null;
      sku: string;
      productName: string;
      quantity: number;
      unitPriceMinor: number;
      lineTotalMinor: number;
    }>;
  }>;
}

export interface PaymentTerms {
  approved: boolean;
  termsDays: number;
  creditLimitUsdMinor: number;
  outstandingUsdMinor: number;
  availableUsdMinor: number;
}

/** The price per unit at `quantity`: the highest tier reached, else the base price (as the API prices lines). */
export function unitPriceAt(variant: Pick<Variant, 'priceMinor' | 'priceTiers'>, quantity: number): number {
  let price = variant.priceMinor;
  let reached = 0;
  for (const tier of variant.priceTiers)
    if (quantity >= tier.minQuantity && tier.minQuantity >= reached) {
      price = tier.priceMinor;
      reached = tier.minQuantity;
    }
  return price;
}

/** The cheapest unit price a variant can reach (its deepest tier), for "from" prices. */
export const lowestPrice = (variant: Pick<Variant, 'priceMinor' | 'priceTiers'>) =>
  Math.min(variant.priceMinor, ...variant.priceTiers.map((t) => t.priceMinor));

export const optionsLabel = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
