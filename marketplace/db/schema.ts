/** Row types of the OLTP database, as Kysely sees them. Migrations in ./migrations create these tables. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CompaniesTable {
  id: string;
  kind: 'manufacturer' | 'retailer' | 'platform';
  name: string;
  country: string;
  city: string;
  created_at: Timestamp;
  status: ColumnType<'active' | 'suspended', 'active' | 'suspended' | undefined, 'active' | 'suspended'>;
  suspended_at: Timestamp | null;
  suspension_reason: string | null;
  plan: ColumnType<Plan, Plan | undefined, Plan>;
  terms_approved_at: Timestamp | null;
  credit_limit_usd_minor: ColumnType<number, number | undefined, number>;
  // KYB and trust (migration 2026_11_29_0001_kyb); written by marketplace/companies/ only.
  legal_name: NullableText;
  registration_number: NullableText;
  tax_id: NullableText;
  website: NullableText;
  description: NullableText;
  founded_year: ColumnType<number | null, number | null | undefined, number | null>;
  kyb_status: ColumnType<KybStatus, KybStatus | undefined, KybStatus>;
  kyb_submitted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  kyb_decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  trust_score: ColumnType<number | null, number | null | undefined, number | null>;
  trust_badge: ColumnType<TrustBadge, TrustBadge | undefined, TrustBadge>;
  trust_components: ColumnType<unknown, string | null | undefined, string | null>;
  trust_computed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type KybStatus = 'not_submitted' | 'submitted' | 'changes_requested' | 'approved' | 'rejected';
export type TrustBadge = 'basic' | 'verified' | 'premium';
export type KybDocumentKind = 'business_registration' | 'tax_id' | 'proof_of_address' | 'other';
export type AddressKind = 'registered' | 'operations' | 'warehouse';

export interface CompanyAddressesTable {
  id: string;
  company_id: string;
  kind: AddressKind;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KybDocumentsTable {
  id: string;
  company_id: string;
  kind: KybDocumentKind;
  storage_key: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  created_at: Timestamp;
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface KybReviewsTable {
  id: string;
  company_id: string;
  action: 'submitted' | 'approved' | 'rejected' | 'changes_requested';
  reason: string | null;
  requested_documents: ColumnType<KybDocumentKind[], string | undefined, string>;
  actor_user_id: string | null;
  created_at: Timestamp;
}

export type Plan = 'free' | 'professional' | 'enterprise';

export type UserStatus = 'active' | 'suspended' | 'removed';

export interface UsersTable {
  id: string;
  company_id: string;
  email: string;
  password_hash: string;
  role: string;
  created_at: Timestamp;
  status: ColumnType<UserStatus, UserStatus | undefined, UserStatus>;
  email_verified_at: Timestamp | null;
  suspended_at: Timestamp | null;
  suspension_reason: string | null;
  removed_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  /** Base32 TOTP secret once two-factor is on; the pending one while enrolment awaits its first code. */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** Last accepted TOTP time step: a code is accepted once. */
  totp_last_step: number | null;
}

export interface OneTimeTokensTable {
  id: string;
  user_id: string;
  purpose: 'verify_email' | 'reset_password' | 'login_challenge';
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface InvitationsTable {
  id: string;
  company_id: string;
  email: string;
  role: string;
  invited_by: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_user_id: string | null;
  revoked_at: Timestamp | null;
}

export interface RefreshTokensTable {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  rotated_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoke_reason: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: string;
  occurred_at: Timestamp;
  actor_kind: 'user' | 'system';
  actor_user_id: string | null;
  actor_company_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  company_id: string | null;
  reason: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface ProductsTable {
  id: string;
  seller_company_id: string;
  sku: string;
  name: string;
  price_minor: number;
  currency: string;
  stock: number;
  created_at: Timestamp;
  category_id: string | null;
  description: ColumnType<string, string | undefined, string>;
  status: ColumnType<'draft' | 'published', 'draft' | 'published' | undefined, 'draft' | 'published'>;
  images: Json<string[]>;
  specifications: Json<Array<{ name: string; value: string }>>;
  certifications: Json<string[]>;
  lead_time_days: ColumnType<number, number | undefined, number>;
  min_moq: ColumnType<number, number | undefined, number>;
  units_sold: ColumnType<number, number | undefined, number>;
  published_at: Timestamp | null;
  updated_at: Timestamp | null;
  hidden_at: Timestamp | null;
  hidden_reason: string | null;
  hidden_by: string | null;
  search_vector: ColumnType<string, never, never>;
}

export interface CategoriesTable {
  id: string;
  parent_id: string | null;
  slug: string;
  name: string;
  path: string;
  depth: number;
}

export interface PriceTier {
  minQuantity: number;
  priceMinor: number;
}

export interface ProductVariantsTable {
  id: string;
  product_id: string;
  seller_company_id: string;
  sku: string;
  position: number;
  options: Json<Record<string, string>>;
  price_minor: number;
  price_tiers: Json<PriceTier[]>;
  moq: number;
  case_pack: number;
  /** Private to the seller: never in a public or buyer-facing answer. */
  unit_cost_minor: number | null;
  /** Set when the seller retires the variant (migration 2026_11_29_0002): off sale, kept for order history. */
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An uploaded product image (migration 2026_11_29_0002_catalog_media); the bytes are in object storage. */
export interface ProductImagesTable {
  id: string;
  product_id: string;
  seller_company_id: string;
  storage_key: string;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  created_at: Timestamp;
}

export interface WarehouseLocationsTable {
  id: string;
  company_id: string;
  code: string;
  name: string;
  country: string;
  city: string;
  created_at: Timestamp;
}

export interface InventoryLevelsTable {
  variant_id: string;
  location_id: string;
  on_hand: number;
  reserved: number;
}

export type MovementKind = 'receipt' | 'adjustment' | 'reservation' | 'release' | 'sale' | 'cancellation';

export interface InventoryMovementsTable {
  id: string;
  company_id: string;
  product_id: string;
  variant_id: string;
  location_id: string;
  kind: MovementKind;
  on_hand_delta: number;
  reserved_delta: number;
  reference: string | null;
  note: string | null;
  actor_user_id: string | null;
  occurred_at: Timestamp;
}

export interface OrdersTable {
  id: string;
  buyer_company_id: string;
  seller_company_id: string;
  status: string;
  currency: string;
  subtotal_minor: number;
  placed_at: Timestamp;
  group_id: ColumnType<string | null, string | null | undefined, string | null>;
  payment_method: ColumnType<
    'card' | 'terms' | null,
    'card' | 'terms' | null | undefined,
    'card' | 'terms' | null
  >;
  /** pending (card not yet paid), paid, on_terms (net terms, due at due_at), failed. */
  payment_status: ColumnType<string, string | undefined, string>;
  tax_minor: ColumnType<number, number | undefined, number>;
  tax_rate: ColumnType<string, string | undefined, string>;
  total_minor: ColumnType<number | null, number | null | undefined, number | null>;
  fx_rate: ColumnType<string | null, string | null | undefined, string | null>;
  shipping_address: ColumnType<ShippingAddress | null, string | null | undefined, string | null>;
  commission_minor: ColumnType<number | null, number | null | undefined, number | null>;
  commission: ColumnType<unknown, string | null | undefined, string | null>;
  due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  refunded_minor: ColumnType<number, number | undefined, number>;
  commission_reversed_minor: ColumnType<number, number | undefined, number>;
  // Fulfilment (migration 2026_11_28_0002); written by marketplace/orders/order-state-machine.ts only.
  status_changed_at: OptionalTimestamp;
  accepted_at: OptionalTimestamp;
  shipped_at: OptionalTimestamp;
  delivered_at: OptionalTimestamp;
  completed_at: OptionalTimestamp;
  carrier: ColumnType<string | null, string | null | undefined, string | null>;
  tracking_number: ColumnType<string | null, string | null | undefined, string | null>;
  tracking_url: ColumnType<string | null, string | null | undefined, string | null>;
  proof_of_delivery_key: ColumnType<string | null, string | null | undefined, string | null>;
}

type OptionalTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrderStatusHistoryTable {
  id: string;
  order_id: string;
  /** null on the first row: the status the order was created in. */
  from_status: string | null;
  to_status: string;
  at: Timestamp;
  actor_kind: 'user' | 'system';
  actor_user_id: string | null;
  actor_company_id: string | null;
  reason: string | null;
  details: ColumnType<Record<string, string>, string | undefined, string>;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  quantity: number;
  unit_price_minor: number;
  line_total_minor: number;
  variant_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The variant's unit cost at checkout (migration 2026_11_29_0003); private to the seller; null if none. */
  unit_cost_minor: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface FxRatesTable {
  currency: string;
  effective_from: Timestamp;
  usd_rate: string;
}

export interface TaxRatesTable {
  country: string;
  region: string;
  effective_from: Timestamp;
  rate: string;
  name: string;
}

export interface CommissionPlanRatesTable {
  plan: Plan;
  effective_from: Timestamp;
  rate_bps: number;
}

export interface CommissionCategoryRulesTable {
  id: string;
  category_slug: string;
  kind: 'adjustment' | 'promotion';
  adjustment_bps: number;
  effective_from: Timestamp;
  effective_to: Timestamp | null;
  note: string;
}

export interface CommissionVolumeTiersTable {
  effective_from: Timestamp;
  min_month_gmv_usd_minor: number;
  discount_bps: number;
}

export interface CommissionNegotiatedRatesTable {
  company_id: string;
  effective_from: Timestamp;
  rate_bps: number;
}

export interface CartsTable {
  id: string;
  buyer_company_id: string;
  user_id: string;
  status: 'active' | 'saved';
  name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CartLinesTable {
  cart_id: string;
  variant_id: string;
  quantity: number;
  added_at: Timestamp;
}

export interface OrderGroupsTable {
  id: string;
  buyer_company_id: string;
  placed_by_user_id: string;
  status: 'pending_payment' | 'placed' | 'expired' | 'failed';
  payment_method: 'card' | 'terms';
  currency: string;
  subtotal_minor: number;
  tax_minor: number;
  total_minor: number;
  shipping_address: Json<ShippingAddress>;
  payment_intent_id: string | null;
  charge_id: string | null;
  reservation_expires_at: Timestamp | null;
  created_at: Timestamp;
  paid_at: Timestamp | null;
}

export interface PayoutsTable {
  order_id: string;
  group_id: string;
  seller_company_id: string;
  amount_minor: number;
  currency: string;
  status: 'pending' | 'sent' | 'failed';
  transfer_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface RefundsTable {
  id: string;
  order_id: string;
  amount_minor: number;
  currency: string;
  commission_reversed_minor: number;
  reason: string;
  status: 'pending' | 'succeeded' | 'failed';
  provider_refund_id: string | null;
  transfer_reversal_id: ColumnType<string | null, string | null | undefined, string | null>;
  actor_user_id: string | null;
  actor_company_id: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

/** Invoices and credit notes (migration 2026_11_28_0005_invoices): snapshots, numbered per seller and year. */
export interface InvoiceSeriesTable {
  seller_company_id: string;
  prefix: string;
  created_at: Timestamp;
}

export interface InvoiceCountersTable {
  seller_company_id: string;
  kind: 'invoice' | 'credit_note';
  year: number;
  last_value: number;
}

export interface InvoicesTable {
  id: string;
  order_id: string;
  seller_company_id: string;
  buyer_company_id: string;
  number: string;
  year: number;
  sequence: number;
  currency: string;
  subtotal_minor: number;
  tax_rate: string;
  tax_minor: number;
  total_minor: number;
  issued_at: Timestamp;
  due_at: Timestamp | null;
  /** The parties, lines and payment terms as they stood at issue (marketplace/invoices/invoice-issuing.ts). */
  details: Json<unknown>;
}

export interface CreditNotesTable {
  id: string;
  refund_id: string;
  invoice_id: string;
  order_id: string;
  seller_company_id: string;
  number: string;
  year: number;
  sequence: number;
  currency: string;
  amount_minor: number;
  reason: string;
  issued_at: Timestamp;
}

export interface IdempotencyKeysTable {
  company_id: string;
  key: string;
  operation: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface PaymentAccountsTable {
  company_id: string;
  provider: 'stripe' | 'offline';
  /** The provider's connected account (Stripe `acct_...`, offline `offline_acct_...`). */
  account_id: string;
  created_at: Timestamp;
}

export interface PaymentProviderEventsTable {
  event_id: string;
  provider: 'stripe' | 'offline';
  type: string;
  object_id: string | null;
  received_at: Timestamp;
  /** Set in the transaction that ran the event's handlers: null means not (yet) applied. */
  processed_at: Timestamp | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  payload: Json<unknown>;
}

export interface OutboxTable {
  /** Commit-order-ish sequence for the relay; the event's identity is event_id. */
  seq: Generated<number>;
  event_id: string;
  type: string;
  version: number;
  aggregate_type: string;
  aggregate_id: string;
  company_ids: Json<string[]>;
  occurred_at: Timestamp;
  actor: Json<unknown>;
  payload: Json<unknown>;
  published_at: Timestamp | null;
}

export interface Database {
  companies: CompaniesTable;
  company_addresses: CompanyAddressesTable;
  kyb_documents: KybDocumentsTable;
  kyb_reviews: KybReviewsTable;
  users: UsersTable;
  one_time_tokens: OneTimeTokensTable;
  invitations: InvitationsTable;
  refresh_tokens: RefreshTokensTable;
  recovery_codes: RecoveryCodesTable;
  audit_log: AuditLogTable;
  products: ProductsTable;
  categories: CategoriesTable;
  product_variants: ProductVariantsTable;
  product_images: ProductImagesTable;
  warehouse_locations: WarehouseLocationsTable;
  inventory_levels: InventoryLevelsTable;
  inventory_movements: InventoryMovementsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_status_history: OrderStatusHistoryTable;
  outbox: OutboxTable;
  // Returns and claims (migration 2026_11_28_0006_claims).
  claims: ClaimsTable;
  claim_lines: ClaimLinesTable;
  claim_evidence: ClaimEvidenceTable;
  claim_timeline: ClaimTimelineTable;
  // Messaging, reviews and notifications (migration 2026_11_28_0004_messaging).
  message_threads: MessageThreadsTable;
  messages: MessagesTable;
  message_reads: MessageReadsTable;
  reviews: ReviewsTable;
  product_reviews: ProductReviewsTable;
  manufacturer_ratings: RatingsView & { manufacturer_company_id: string };
  product_ratings: RatingsView & { product_id: string };
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_stream_tickets: NotificationStreamTicketsTable;
  payment_accounts: PaymentAccountsTable;
  payment_provider_events: PaymentProviderEventsTable;
  fx_rates: FxRatesTable;
  tax_rates: TaxRatesTable;
  commission_plan_rates: CommissionPlanRatesTable;
  commission_category_rules: CommissionCategoryRulesTable;
  commission_volume_tiers: CommissionVolumeTiersTable;
  commission_negotiated_rates: CommissionNegotiatedRatesTable;
  carts: CartsTable;
  cart_lines: CartLinesTable;
  order_groups: OrderGroupsTable;
  idempotency_keys: IdempotencyKeysTable;
  payouts: PayoutsTable;
  refunds: RefundsTable;
  // Plans and add-ons billed by subscription (migration 2026_11_28_0007_billing).
  billing_prices: BillingPricesTable;
  billing_provider_prices: BillingProviderPricesTable;
  billing_customers: BillingCustomersTable;
  subscriptions: SubscriptionsTable;
  // Invoices, credit notes and their numbering (migration 2026_11_28_0005_invoices).
  invoice_series: InvoiceSeriesTable;
  invoice_counters: InvoiceCountersTable;
  invoices: InvoicesTable;
  credit_notes: CreditNotesTable;
}

// Plans and add-ons billed by subscription (migration 2026_11_28_0007_billing).

export type BillingProduct =
  'professional' | 'enterprise' | 'extra_users' | 'premium_analytics' | 'priority_listing';
export type BillingInterval = 'month' | 'year';

export interface BillingPricesTable {
  id: string;
  product: BillingProduct;
  interval: BillingInterval;
  amount_usd_minor: number;
  effective_from: Timestamp;
}

export interface BillingProviderPricesTable {
  price_id: string;
  provider: 'stripe' | 'offline';
  provider_price_id: string;
  created_at: Timestamp;
}

export interface BillingCustomersTable {
  company_id: string;
  provider: 'stripe' | 'offline';
  customer_id: string;
  created_at: Timestamp;
}

/** One billed line of a subscription, as confirmed by the provider, with its price snapshot. */
export interface SubscriptionItem {
  product: BillingProduct;
  priceId: string;
  quantity: number;
  unitAmountUsdMinor: number;
  interval: BillingInterval;
  mrrUsdMinor: number;
}

export interface SubscriptionAddOns {
  extraUsers: number;
  premiumAnalytics: boolean;
  priorityListing: boolean;
}

export interface RequestedSubscription {
  plan: Exclude<Plan, 'free'>;
  interval: BillingInterval;
  addOns: SubscriptionAddOns;
  cancelAtPeriodEnd: boolean;
  items: Array<{ product: BillingProduct; priceId: string; providerPriceId: string; quantity: number }>;
}

export interface SubscriptionsTable {
  id: string;
  company_id: string;
  provider: 'stripe' | 'offline';
  provider_customer_id: string;
  provider_subscription_id: string;
  generation: ColumnType<number, number | undefined, number>;
  status: string;
  plan: Plan;
  interval: BillingInterval | null;
  add_ons: ColumnType<SubscriptionAddOns | Record<string, never>, string | undefined, string>;
  items: ColumnType<SubscriptionItem[], string | undefined, string>;
  requested: ColumnType<RequestedSubscription | null, string | null | undefined, string | null>;
  cancel_at_period_end: ColumnType<boolean, boolean | undefined, boolean>;
  current_period_end: Timestamp | null;
  mrr_usd_minor: ColumnType<number, number | undefined, number>;
  last_event_at: Timestamp | null;
  updated_at: Timestamp;
}

// Messaging, reviews and notifications (migration 2026_11_28_0004_messaging).

export interface MessageThreadsTable {
  id: string;
  retailer_company_id: string;
  manufacturer_company_id: string;
  order_id: string | null;
  subject: string;
  created_by: string;
  created_at: Timestamp;
  last_message_at: Timestamp;
  message_count: ColumnType<number, number | undefined, number>;
}

export interface MessagesTable {
  id: string;
  thread_id: string;
  sender_user_id: string;
  sender_company_id: string;
  body: string;
  created_at: Timestamp;
}

export interface MessageReadsTable {
  thread_id: string;
  user_id: string;
  last_read_message_id: string;
  read_at: Timestamp;
}

export interface ReviewsTable {
  id: string;
  order_id: string;
  buyer_company_id: string;
  manufacturer_company_id: string;
  author_user_id: string;
  rating: number;
  body: string | null;
  created_at: Timestamp;
  reply_body: string | null;
  reply_author_user_id: string | null;
  replied_at: Timestamp | null;
}

export interface ProductReviewsTable {
  id: string;
  review_id: string;
  order_id: string;
  product_id: string;
  manufacturer_company_id: string;
  rating: number;
  body: string | null;
  created_at: Timestamp;
}

/** The rating views: the average is numeric rounded to 2 places, read as text so no float creeps in. */
export interface RatingsView {
  review_count: ColumnType<number, never, never>;
  average_rating: ColumnType<string, never, never>;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  in_app: boolean;
  email: boolean;
  updated_at: Timestamp;
}

export interface NotificationStreamTicketsTable {
  token_hash: string;
  user_id: string;
  session_id: string | null;
  expires_at: Timestamp;
}

// Returns and claims (migration 2026_11_28_0006_claims); written by marketplace/claims only.

type NullableText = ColumnType<string | null, string | null | undefined, string | null>;
type NullableMinor = ColumnType<number | null, number | null | undefined, number | null>;

export interface ClaimsTable {
  id: string;
  order_id: string;
  buyer_company_id: string;
  seller_company_id: string;
  opened_by: string;
  type: 'damaged' | 'missing' | 'wrong_item' | 'other';
  status: 'open' | 'seller_responded' | 'escalated' | 'resolved' | 'withdrawn';
  description: string;
  requested_outcome: 'refund' | 'replacement';
  currency: string;
  seller_response: ColumnType<
    'accepted' | 'disputed' | null,
    'accepted' | 'disputed' | null | undefined,
    'accepted' | 'disputed' | null
  >;
  proposed_outcome: NullableText;
  proposed_amount_minor: NullableMinor;
  seller_note: NullableText;
  responded_at: OptionalTimestamp;
  resolution_outcome: NullableText;
  resolution_amount_minor: NullableMinor;
  resolution_note: NullableText;
  resolved_by: NullableText;
  refund_id: NullableText;
  resolving_since: OptionalTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: OptionalTimestamp;
}

export interface ClaimLinesTable {
  claim_id: string;
  order_line_id: string;
  line_no: number;
  quantity: number;
}

export interface ClaimEvidenceTable {
  id: string;
  claim_id: string;
  storage_key: string;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_by_company_id: string;
  created_at: Timestamp;
}

export interface ClaimTimelineTable {
  id: string;
  claim_id: string;
  at: Timestamp;
  action: string;
  actor_kind: 'user' | 'system';
  actor_user_id: string | null;
  actor_company_id: string | null;
  note: string | null;
  details: ColumnType<Record<string, string | number>, string | undefined, string>;
}
