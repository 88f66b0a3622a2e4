import { sql, type Kysely } from 'kysely';

/**
 * Invoices and credit notes: legal documents, so each is a snapshot of the amounts it states (never recomputed
 * from the order) with a number that is sequential and gap-free per seller, per kind and per calendar year (UTC).
 *
 * - invoice_series: the seller's number prefix (e.g. HIL), fixed the first time it invoices, so renaming the
 *   company never renames its invoices.
 * - invoice_counters: the last number used. It is incremented in the transaction that writes the document; the
 *   row lock makes concurrent issuers take turns and a rollback gives the number back, so there are no gaps.
 * - invoices: one per order (the UNIQUE is what makes issuing idempotent), with `details`: the parties, lines and
 *   payment terms as they stood at issue, so a PDF downloaded a year later says what the first one said.
 * - credit_notes: one per succeeded refund, pointing at the invoice it corrects.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE invoice_series (
  seller_company_id uuid PRIMARY KEY REFERENCES companies(id),
  prefix text NOT NULL CHECK (prefix ~ '^[A-Z0-9]{2,6}$'),
  created_at timestamptz NOT NULL
)`,
    `CREATE TABLE invoice_counters (
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  year integer NOT NULL,
  last_value integer NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (seller_company_id, kind, year)
)`,
    `CREATE TABLE invoices (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL UNIQUE REFERENCES orders(id),
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  buyer_company_id uuid NOT NULL REFERENCES companies(id),
  number text NOT NULL,
  year integer NOT NULL,
  sequence integer NOT NULL CHECK (sequence > 0),
  currency char(3) NOT NULL,
  subtotal_minor bigint NOT NULL,
  tax_rate numeric(8, 6) NOT NULL,
  tax_minor bigint NOT NULL,
  total_minor bigint NOT NULL,
  issued_at timestamptz NOT NULL,
  due_at timestamptz,
  details jsonb NOT NULL,
  UNIQUE (seller_company_id, year, sequence)
)`,
    `CREATE INDEX invoices_buyer_idx ON invoices (buyer_company_id, issued_at)`,
    `CREATE TABLE credit_notes (
  id uuid PRIMARY KEY,
  refund_id uuid NOT NULL UNIQUE REFERENCES refunds(id),
  invoice_id uuid NOT NULL REFERENCES invoices(id),
  order_id uuid NOT NULL REFERENCES orders(id),
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  number text NOT NULL,
  year integer NOT NULL,
  sequence integer NOT NULL CHECK (sequence > 0),
  currency char(3) NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  reason text NOT NULL,
  issued_at timestamptz NOT NULL,
  UNIQUE (seller_company_id, year, sequence)
)`,
    `CREATE INDEX credit_notes_invoice_idx ON credit_notes (invoice_id, issued_at)`,
  ];
  // One statement per call: the Postgres driver prepares statements, and a prepared statement holds one command.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [`DROP TABLE credit_notes, invoices, invoice_counters, invoice_series`];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
