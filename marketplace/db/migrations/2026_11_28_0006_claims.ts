import { sql, type Kysely } from 'kysely';

/**
 * Returns and claims: a buyer's claim about a delivered order (damaged, missing, wrong item), the order lines
 * and quantities it concerns, photo evidence (bytes in object storage, only their key and type here), and a
 * timeline of every step.
 *
 * - At most one claim per order is open at a time: the partial UNIQUE index is the 409, even under races.
 * - The seller's response and the resolution live on the claim row (one each); the timeline keeps the history.
 * - `resolving_since` marks a resolution whose refund is in flight: the refund service runs its own
 *   transactions with the payment provider in between, so a second resolution must wait, not refund twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE claims (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  buyer_company_id uuid NOT NULL REFERENCES companies(id),
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  opened_by uuid NOT NULL REFERENCES users(id),
  type text NOT NULL CHECK (type IN ('damaged', 'missing', 'wrong_item', 'other')),
  status text NOT NULL CHECK (status IN ('open', 'seller_responded', 'escalated', 'resolved', 'withdrawn')),
  description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 5000),
  requested_outcome text NOT NULL CHECK (requested_outcome IN ('refund', 'replacement')),
  currency text NOT NULL,
  seller_response text CHECK (seller_response IN ('accepted', 'disputed')),
  proposed_outcome text CHECK (proposed_outcome IN ('full_refund', 'partial_refund', 'replacement')),
  proposed_amount_minor bigint CHECK (proposed_amount_minor > 0),
  seller_note text CHECK (char_length(seller_note) <= 5000),
  responded_at timestamptz,
  resolution_outcome text CHECK (resolution_outcome IN ('full_refund', 'partial_refund', 'replacement', 'rejected')),
  resolution_amount_minor bigint,
  resolution_note text CHECK (char_length(resolution_note) <= 5000),
  resolved_by text CHECK (resolved_by IN ('buyer_acceptance', 'admin')),
  refund_id uuid REFERENCES refunds(id),
  resolving_since timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz
)`,
    `CREATE UNIQUE INDEX claims_one_open_per_order ON claims (order_id)
  WHERE status IN ('open', 'seller_responded', 'escalated')`,
    `CREATE INDEX claims_buyer_idx ON claims (buyer_company_id, created_at DESC, id)`,
    `CREATE INDEX claims_seller_idx ON claims (seller_company_id, created_at DESC, id)`,
    `CREATE INDEX claims_status_idx ON claims (status, created_at DESC, id)`,
    `CREATE TABLE claim_lines (
  claim_id uuid NOT NULL REFERENCES claims(id),
  order_line_id uuid NOT NULL REFERENCES order_lines(id),
  line_no integer NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (claim_id, order_line_id)
)`,
    `CREATE TABLE claim_evidence (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claims(id),
  storage_key text NOT NULL UNIQUE,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  uploaded_by_company_id uuid NOT NULL REFERENCES companies(id),
  created_at timestamptz NOT NULL
)`,
    `CREATE INDEX claim_evidence_claim_idx ON claim_evidence (claim_id, id)`,
    `CREATE TABLE claim_timeline (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claims(id),
  at timestamptz NOT NULL,
  action text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'system')),
  actor_user_id uuid REFERENCES users(id),
  actor_company_id uuid REFERENCES companies(id),
  note text CHECK (char_length(note) <= 5000),
  details jsonb NOT NULL DEFAULT '{}'
)`,
    `-- Ids are UUIDv7 drawn under the claim's row lock, so id order is the order the steps happened in.
CREATE INDEX claim_timeline_claim_idx ON claim_timeline (claim_id, id)`,
  ];
  // One statement per call: the Postgres driver prepares statements, and a prepared statement holds one command.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP TABLE claim_timeline, claim_evidence, claim_lines, claims`).execute(db);
}
