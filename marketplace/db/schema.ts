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
}

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

export type MovementKind = 'receipt' | 'adjustment' | 'reservation' | 'release' | 'sale';

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
  users: UsersTable;
  one_time_tokens: OneTimeTokensTable;
  invitations: InvitationsTable;
  refresh_tokens: RefreshTokensTable;
  recovery_codes: RecoveryCodesTable;
  audit_log: AuditLogTable;
  products: ProductsTable;
  categories: CategoriesTable;
  product_variants: ProductVariantsTable;
  warehouse_locations: WarehouseLocationsTable;
  inventory_levels: InventoryLevelsTable;
  inventory_movements: InventoryMovementsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  outbox: OutboxTable;
}
