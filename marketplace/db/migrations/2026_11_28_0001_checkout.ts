import { sql, type Kysely } from 'kysely';

/**
 * Buying and money, part one: plans on companies, the effective-dated reference tables money depends on
 * (FX to USD, tax by destination, commission rate cards), carts, order groups (one checkout split per
 * manufacturer), the money and commission snapshot every order keeps, net payment terms, and idempotency keys.
 *
 * Rates are stored in basis points (1 bp = 0.01 %): every rate in the commission policy is a whole number of
 * them, so commission arithmetic stays on integers. FX and tax rates are decimal strings (numeric), applied by
 * platform/money.ts without floats.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE companies ADD COLUMN plan text NOT NULL DEFAULT 'free'
       CHECK (plan IN ('free', 'professional', 'enterprise'))`,
    `-- Net terms: an admin approves a retailer and sets its credit limit (in USD minor units).
ALTER TABLE companies ADD COLUMN terms_approved_at timestamptz`,
    `ALTER TABLE companies ADD COLUMN credit_limit_usd_minor bigint NOT NULL DEFAULT 0 CHECK (credit_limit_usd_minor >= 0)`,

    `CREATE TABLE fx_rates (
  currency char(3) NOT NULL,
  effective_from timestamptz NOT NULL,
  usd_rate numeric(18, 8) NOT NULL CHECK (usd_rate > 0),
  PRIMARY KEY (currency, effective_from)
)`,
    `INSERT INTO fx_rates VALUES
  ('USD', '2000-01-01T00:00:00Z', 1), ('EUR', '2000-01-01T00:00:00Z', 1.08), ('GBP', '2000-01-01T00:00:00Z', 1.27)`,

    `-- Tax by destination: a country-wide row (region '') and optional regional rows that replace it.
CREATE TABLE tax_rates (
  country char(2) NOT NULL,
  region text NOT NULL DEFAULT '',
  effective_from timestamptz NOT NULL,
  rate numeric(8, 6) NOT NULL CHECK (rate >= 0 AND rate < 1),
  name text NOT NULL,
  PRIMARY KEY (country, region, effective_from)
)`,
    `INSERT INTO tax_rates (country, region, effective_from, rate, name) VALUES
  ('US', '', '2000-01-01T00:00:00Z', 0, 'No state sales tax'),
  ('US', 'CA', '2000-01-01T00:00:00Z', 0.0725, 'California sales tax'),
  ('US', 'NY', '2000-01-01T00:00:00Z', 0.04, 'New York sales tax'),
  ('US', 'TX', '2000-01-01T00:00:00Z', 0.0625, 'Texas sales tax'),
  ('US', 'WA', '2000-01-01T00:00:00Z', 0.065, 'Washington sales tax'),
  ('US', 'IL', '2000-01-01T00:00:00Z', 0.0625, 'Illinois sales tax'),
  ('GB', '', '2000-01-01T00:00:00Z', 0.20, 'VAT'),
  ('FR', '', '2000-01-01T00:00:00Z', 0.20, 'TVA'),
  ('DE', '', '2000-01-01T00:00:00Z', 0.19, 'MwSt'),
  ('ES', '', '2000-01-01T00:00:00Z', 0.21, 'IVA'),
  ('IT', '', '2000-01-01T00:00:00Z', 0.22, 'IVA'),
  ('NL', '', '2000-01-01T00:00:00Z', 0.21, 'BTW'),
  ('CA', '', '2000-01-01T00:00:00Z', 0.05, 'GST')`,

    `CREATE TABLE commission_plan_rates (
  plan text NOT NULL,
  effective_from timestamptz NOT NULL,
  rate_bps integer NOT NULL CHECK (rate_bps >= 0),
  PRIMARY KEY (plan, effective_from)
)`,
    `INSERT INTO commission_plan_rates VALUES
  ('free', '2000-01-01T00:00:00Z', 500), ('professional', '2000-01-01T00:00:00Z', 350),
  ('enterprise', '2000-01-01T00:00:00Z', 250)`,
    `-- A category rule applies to the category and everything below it; the deepest matching rule wins.
-- kind 'promotion' charges 0 % between its dates, whatever the plan.
CREATE TABLE commission_category_rules (
  id uuid PRIMARY KEY,
  category_slug text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('adjustment', 'promotion')),
  adjustment_bps integer NOT NULL DEFAULT 0,
  effective_from timestamptz NOT NULL,
  effective_to timestamptz,
  note text NOT NULL DEFAULT ''
)`,
    `INSERT INTO commission_category_rules (id, category_slug, kind, adjustment_bps, effective_from, note) VALUES
  ('01900000-0000-7000-8000-000000000001', 'beauty', 'adjustment', 100, '2000-01-01T00:00:00Z', 'high margin: cosmetics'),
  ('01900000-0000-7000-8000-000000000002', 'jewellery', 'adjustment', 100, '2000-01-01T00:00:00Z', 'high margin: jewellery'),
  ('01900000-0000-7000-8000-000000000003', 'food', 'adjustment', -50, '2000-01-01T00:00:00Z', 'low margin: food'),
  ('01900000-0000-7000-8000-000000000004', 'grains', 'adjustment', -50, '2000-01-01T00:00:00Z', 'low margin: commodities')`,
    `-- Volume discount by the manufacturer's GMV so far in the calendar month (USD minor units).
CREATE TABLE commission_volume_tiers (
  effective_from timestamptz NOT NULL,
  min_month_gmv_usd_minor bigint NOT NULL,
  discount_bps integer NOT NULL CHECK (discount_bps >= 0),
  PRIMARY KEY (effective_from, min_month_gmv_usd_minor)
)`,
    `-- The top tier ($500K+) keeps the -1.5 % discount unless the manufacturer has a negotiated rate.
INSERT INTO commission_volume_tiers VALUES
  ('2000-01-01T00:00:00Z', 0, 0), ('2000-01-01T00:00:00Z', 1000000, 50),
  ('2000-01-01T00:00:00Z', 5000000, 100), ('2000-01-01T00:00:00Z', 10000000, 150),
  ('2000-01-01T00:00:00Z', 50000000, 150)`,
    `-- Above $500K in a month a manufacturer may have a negotiated rate (never below 1.5 %).
CREATE TABLE commission_negotiated_rates (
  company_id uuid NOT NULL REFERENCES companies(id),
  effective_from timestamptz NOT NULL,
  rate_bps integer NOT NULL CHECK (rate_bps >= 150),
  PRIMARY KEY (company_id, effective_from)
)`,

    `CREATE TABLE carts (
  id uuid PRIMARY KEY,
  buyer_company_id uuid NOT NULL REFERENCES companies(id),
  user_id uuid NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('active', 'saved')),
  name text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
)`,
    `CREATE UNIQUE INDEX carts_one_active_per_user ON carts (user_id) WHERE status = 'active'`,
    `CREATE TABLE cart_lines (
  cart_id uuid NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
  variant_id uuid NOT NULL REFERENCES product_variants(id),
  quantity integer NOT NULL CHECK (quantity > 0),
  added_at timestamptz NOT NULL,
  PRIMARY KEY (cart_id, variant_id)
)`,

    `CREATE TABLE order_groups (
  id uuid PRIMARY KEY,
  buyer_company_id uuid NOT NULL REFERENCES companies(id),
  placed_by_user_id uuid NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('pending_payment', 'placed', 'expired', 'failed')),
  payment_method text NOT NULL CHECK (payment_method IN ('card', 'terms')),
  currency char(3) NOT NULL,
  subtotal_minor bigint NOT NULL,
  tax_minor bigint NOT NULL,
  total_minor bigint NOT NULL,
  shipping_address jsonb NOT NULL,
  payment_intent_id text,
  charge_id text,
  reservation_expires_at timestamptz,
  created_at timestamptz NOT NULL,
  paid_at timestamptz
)`,
    `CREATE INDEX order_groups_buyer_idx ON order_groups (buyer_company_id, created_at)`,
    `CREATE INDEX order_groups_expiring_idx ON order_groups (reservation_expires_at) WHERE status = 'pending_payment'`,
    `CREATE UNIQUE INDEX order_groups_payment_intent_key ON order_groups (payment_intent_id)`,

    `ALTER TABLE orders ADD COLUMN group_id uuid REFERENCES order_groups(id)`,
    `ALTER TABLE orders ADD COLUMN payment_method text`,
    `ALTER TABLE orders ADD COLUMN payment_status text NOT NULL DEFAULT 'paid'`,
    `ALTER TABLE orders ADD COLUMN tax_minor bigint NOT NULL DEFAULT 0`,
    `ALTER TABLE orders ADD COLUMN tax_rate numeric(8, 6) NOT NULL DEFAULT 0`,
    `ALTER TABLE orders ADD COLUMN total_minor bigint`,
    `ALTER TABLE orders ADD COLUMN fx_rate numeric(18, 8)`,
    `ALTER TABLE orders ADD COLUMN shipping_address jsonb`,
    `ALTER TABLE orders ADD COLUMN commission_minor bigint`,
    `ALTER TABLE orders ADD COLUMN commission jsonb`,
    `ALTER TABLE orders ADD COLUMN due_at timestamptz`,
    `ALTER TABLE orders ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0)`,
    `ALTER TABLE orders ADD COLUMN commission_reversed_minor bigint NOT NULL DEFAULT 0`,
    `-- Orders placed before this migration: the rates the code used then, so GMV in USD stays computable.
UPDATE orders SET fx_rate = CASE currency WHEN 'EUR' THEN 1.08 WHEN 'GBP' THEN 1.27 ELSE 1 END,
                  total_minor = subtotal_minor`,
    `CREATE INDEX orders_group_idx ON orders (group_id)`,
    `CREATE INDEX orders_terms_due_idx ON orders (buyer_company_id, due_at) WHERE payment_status = 'on_terms'`,

    `-- Each manufacturer's share of a paid checkout (order total less commission), sent to its payout account
-- after the payment commits. A row per order written in the payment's transaction, then sent with the order
-- id as idempotency key: a crash between the two is retried by the payout job, never paid twice.
CREATE TABLE payouts (
  order_id uuid PRIMARY KEY REFERENCES orders(id),
  group_id uuid NOT NULL REFERENCES order_groups(id),
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  transfer_id text,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
)`,
    `-- Refunds, full or partial, each reversing its proportional share of the commission. 'pending' while the
-- payment provider is asked; a failed provider call is recorded as 'failed' and its amounts given back.
CREATE TABLE refunds (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency char(3) NOT NULL,
  commission_reversed_minor bigint NOT NULL CHECK (commission_reversed_minor >= 0),
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  provider_refund_id text,
  -- The manufacturer's share taken back from a payout already sent (card orders).
  transfer_reversal_id text,
  actor_user_id uuid,
  actor_company_id uuid,
  created_at timestamptz NOT NULL,
  completed_at timestamptz
)`,
    `CREATE INDEX refunds_order_idx ON refunds (order_id, created_at)`,
    `CREATE INDEX payouts_pending_idx ON payouts (created_at) WHERE status <> 'sent'`,
    `-- A POST with an Idempotency-Key: the first answer is kept and replayed for the same key and body.
CREATE TABLE idempotency_keys (
  company_id uuid NOT NULL,
  key text NOT NULL,
  operation text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (company_id, key)
)`,
  ];
  // One statement per call: the Postgres driver prepares statements, and a prepared statement holds one command.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `DROP TABLE idempotency_keys, refunds, payouts`,
    `ALTER TABLE orders DROP COLUMN group_id, DROP COLUMN payment_method, DROP COLUMN payment_status,
       DROP COLUMN tax_minor, DROP COLUMN tax_rate, DROP COLUMN total_minor, DROP COLUMN fx_rate,
       DROP COLUMN shipping_address, DROP COLUMN commission_minor, DROP COLUMN commission, DROP COLUMN due_at,
       DROP COLUMN refunded_minor, DROP COLUMN commission_reversed_minor`,
    `DROP TABLE order_groups, cart_lines, carts, commission_negotiated_rates, commission_volume_tiers,
       commission_category_rules, commission_plan_rates, tax_rates, fx_rates`,
    `ALTER TABLE companies DROP COLUMN plan, DROP COLUMN terms_approved_at, DROP COLUMN credit_limit_usd_minor`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
