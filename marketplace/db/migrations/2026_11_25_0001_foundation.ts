import { sql, type Kysely } from 'kysely';

/**
 * Foundation schema: companies and their users, a minimal catalog, orders, and the transactional outbox.
 * Money columns are bigint minor units with a char(3) currency beside them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE companies (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('manufacturer', 'retailer', 'platform')),
  name text NOT NULL,
  country char(2) NOT NULL,
  city text NOT NULL,
  created_at timestamptz NOT NULL
)`,
    `CREATE TABLE users (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id),
  email text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL,
  created_at timestamptz NOT NULL
)`,
    `CREATE UNIQUE INDEX users_email_key ON users (lower(email))`,
    `CREATE TABLE products (
  id uuid PRIMARY KEY,
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  sku text NOT NULL,
  name text NOT NULL,
  price_minor bigint NOT NULL CHECK (price_minor > 0),
  currency char(3) NOT NULL,
  stock integer NOT NULL CHECK (stock >= 0),
  created_at timestamptz NOT NULL,
  UNIQUE (seller_company_id, sku)
)`,
    `CREATE TABLE orders (
  id uuid PRIMARY KEY,
  buyer_company_id uuid NOT NULL REFERENCES companies(id),
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  status text NOT NULL,
  currency char(3) NOT NULL,
  subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
  placed_at timestamptz NOT NULL
)`,
    `CREATE INDEX orders_buyer_idx ON orders (buyer_company_id, placed_at)`,
    `CREATE INDEX orders_seller_idx ON orders (seller_company_id, placed_at)`,
    `CREATE TABLE order_lines (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  line_no integer NOT NULL,
  product_id uuid NOT NULL REFERENCES products(id),
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price_minor bigint NOT NULL,
  line_total_minor bigint NOT NULL,
  UNIQUE (order_id, line_no)
)`,
    `CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  version integer NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id uuid NOT NULL,
  company_ids jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor jsonb NOT NULL,
  payload jsonb NOT NULL,
  published_at timestamptz
)`,
    `-- The relay only ever reads what is not yet published, oldest first.
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL`,
  ];
  // One statement per call: the Postgres driver prepares statements, and a prepared statement holds one command.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE outbox, order_lines, orders, products, users, companies`.execute(db);
}
