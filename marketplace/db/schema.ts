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
}

export interface UsersTable {
  id: string;
  company_id: string;
  email: string;
  password_hash: string;
  role: string;
  created_at: Timestamp;
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
  products: ProductsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  outbox: OutboxTable;
}
