import { sql, type Kysely } from 'kysely';

/**
 * Plans and add-ons billed through the payment provider's subscriptions (Stripe Billing, or the offline test
 * provider). Prices are data: `billing_prices` is effective-dated like every other rate card, and a row is never
 * edited, only superseded by a later one, so a subscription that points at a row keeps the price it was sold at.
 *
 * `subscriptions` holds one row per manufacturer: the provider subscription currently billing it and the state
 * the provider last confirmed by webhook (the source of truth), with its monthly recurring revenue in USD minor
 * units. The row's id is the `subscription` aggregate's id, so a company's billing events stay in one order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE billing_prices (
  id uuid PRIMARY KEY,
  product text NOT NULL
    CHECK (product IN ('professional', 'enterprise', 'extra_users', 'premium_analytics', 'priority_listing')),
  interval text NOT NULL CHECK (interval IN ('month', 'year')),
  amount_usd_minor bigint NOT NULL CHECK (amount_usd_minor > 0),
  effective_from timestamptz NOT NULL,
  UNIQUE (product, interval, effective_from)
)`,
    `-- Free costs nothing and has no subscription, so it has no price. Enterprise is sold monthly only. Yearly
-- add-ons cost twelve months: Stripe bills every item of a subscription on the plan's interval.
INSERT INTO billing_prices (id, product, interval, amount_usd_minor, effective_from) VALUES
  ('01900000-0000-7000-8000-00000000b001', 'professional', 'month', 19900, '2000-01-01T00:00:00Z'),
  ('01900000-0000-7000-8000-00000000b002', 'professional', 'year', 199000, '2000-01-01T00:00:00Z'),
  ('01900000-0000-7000-8000-00000000b003', 'enterprise', 'month', 99900, '2000-01-01T00:00:00Z'),
  ('01900000-0000-7000-8000-00000000b004', 'extra_users', 'month', 2000, '2000-01-01T00:00:00Z'),
  ('01900000-0000-7000-8000-00000000b005', 'extra_users', 'year', 24000, '2000-01-01T00:00:00Z'),
  ('01900000-0000-7000-8000-00000000b006', 'premium_analytics', 'month', 9900, '2000-01-01T00:00:00Z'),
  ('01900000-0000-7000-8000-00000000b007', 'premium_analytics', 'year', 118800, '2000-01-01T00:00:00Z'),
  ('01900000-0000-7000-8000-00000000b008', 'priority_listing', 'month', 29900, '2000-01-01T00:00:00Z'),
  ('01900000-0000-7000-8000-00000000b009', 'priority_listing', 'year', 358800, '2000-01-01T00:00:00Z')`,
    `-- The provider's price object for each of our price rows, created on first use.
CREATE TABLE billing_provider_prices (
  price_id uuid NOT NULL REFERENCES billing_prices(id),
  provider text NOT NULL CHECK (provider IN ('stripe', 'offline')),
  provider_price_id text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (price_id, provider)
)`,
    `CREATE TABLE billing_customers (
  company_id uuid NOT NULL REFERENCES companies(id),
  provider text NOT NULL CHECK (provider IN ('stripe', 'offline')),
  customer_id text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (company_id, provider),
  UNIQUE (provider, customer_id)
)`,
    `CREATE TABLE subscriptions (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL UNIQUE REFERENCES companies(id),
  provider text NOT NULL CHECK (provider IN ('stripe', 'offline')),
  provider_customer_id text NOT NULL,
  provider_subscription_id text NOT NULL,
  -- How many provider subscriptions this company has started: part of the idempotency key of the next one.
  generation integer NOT NULL DEFAULT 1,
  -- 'pending' until the provider's first webhook; then the provider's status (active, past_due, canceled, ...).
  status text NOT NULL,
  plan text NOT NULL CHECK (plan IN ('free', 'professional', 'enterprise')),
  interval text CHECK (interval IN ('month', 'year')),
  add_ons jsonb NOT NULL DEFAULT '{}',
  -- What is billed, as confirmed: [{product, priceId, quantity, unitAmountUsdMinor, interval, mrrUsdMinor}].
  items jsonb NOT NULL DEFAULT '[]',
  -- The last change asked of the provider and not yet confirmed by a webhook (null once confirmed).
  requested jsonb,
  cancel_at_period_end boolean NOT NULL DEFAULT false,
  current_period_end timestamptz,
  mrr_usd_minor bigint NOT NULL DEFAULT 0 CHECK (mrr_usd_minor >= 0),
  -- The provider's time of the last applied event: webhooks arrive in any order, an older one is ignored.
  last_event_at timestamptz,
  updated_at timestamptz NOT NULL
)`,
    `CREATE INDEX subscriptions_provider_idx ON subscriptions (provider, provider_subscription_id)`,
  ];
  // One statement per call: the Postgres driver prepares statements, and a prepared statement holds one command.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`DROP TABLE subscriptions, billing_customers, billing_provider_prices, billing_prices`)
    .execute(db);
}
