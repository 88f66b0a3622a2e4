import { sql, type Kysely } from 'kysely';

/**
 * Payments: each manufacturer's connected account at the payment provider (where its payouts go), and the
 * inbox of provider webhook events. An event id is stored once; `processed_at` is set in the same transaction
 * as the handlers' changes, so a replayed event is acknowledged without being applied twice and a failed one
 * stays unprocessed (with its error) until the provider's retry succeeds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE payment_accounts (
  company_id uuid PRIMARY KEY REFERENCES companies(id),
  provider text NOT NULL CHECK (provider IN ('stripe', 'offline')),
  account_id text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (provider, account_id)
)`,
    `CREATE TABLE payment_provider_events (
  event_id text PRIMARY KEY,
  provider text NOT NULL CHECK (provider IN ('stripe', 'offline')),
  type text NOT NULL,
  -- The id of the object the event is about (a payment intent, a charge, a transfer).
  object_id text,
  received_at timestamptz NOT NULL,
  processed_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  payload jsonb NOT NULL
)`,
    `CREATE INDEX payment_provider_events_unprocessed_idx ON payment_provider_events (received_at)
  WHERE processed_at IS NULL`,
    `CREATE INDEX payment_provider_events_object_idx ON payment_provider_events (object_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP TABLE payment_provider_events, payment_accounts`).execute(db);
}
