import { sql, type Kysely } from 'kysely';

/**
 * Know your business (KYB): a manufacturer's legal profile, its addresses (with coordinates for the maps), the
 * documents it uploads for review, and the review's history; plus the trust score the platform computes for
 * every manufacturer (marketplace/companies/trust-score.ts documents the formula).
 *
 * `kyb_status` is the case's state (marketplace/companies/kyb-state.ts): not_submitted -> submitted ->
 * approved | rejected | changes_requested, and back to submitted after changes. A company is verified exactly
 * when it is `approved`. Manufacturers that were already selling under the earlier rule (owner's email verified)
 * are grandfathered as approved, so an upgrade does not unpublish anyone's catalogue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE companies
  ADD COLUMN legal_name text,
  ADD COLUMN registration_number text,
  ADD COLUMN tax_id text,
  ADD COLUMN website text,
  ADD COLUMN description text,
  ADD COLUMN founded_year integer,
  ADD COLUMN kyb_status text NOT NULL DEFAULT 'not_submitted'
    CHECK (kyb_status IN ('not_submitted', 'submitted', 'changes_requested', 'approved', 'rejected')),
  ADD COLUMN kyb_submitted_at timestamptz,
  ADD COLUMN kyb_decided_at timestamptz,
  ADD COLUMN verified_at timestamptz,
  ADD COLUMN trust_score integer CHECK (trust_score BETWEEN 0 AND 100),
  ADD COLUMN trust_badge text NOT NULL DEFAULT 'basic' CHECK (trust_badge IN ('basic', 'verified', 'premium')),
  ADD COLUMN trust_components jsonb,
  ADD COLUMN trust_computed_at timestamptz`,
    `UPDATE companies SET kyb_status = 'approved', verified_at = created_at, kyb_decided_at = created_at,
       trust_badge = 'verified'
     WHERE kind = 'manufacturer' AND EXISTS (
       SELECT 1 FROM users u WHERE u.company_id = companies.id AND u.role = 'owner' AND u.status = 'active'
         AND u.email_verified_at IS NOT NULL)`,
    `CREATE INDEX companies_kyb_queue ON companies (kyb_status, kyb_submitted_at) WHERE kind = 'manufacturer'`,
    `CREATE TABLE company_addresses (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id),
  kind text NOT NULL CHECK (kind IN ('registered', 'operations', 'warehouse')),
  line1 text NOT NULL,
  line2 text,
  city text NOT NULL,
  region text,
  postal_code text,
  country char(2) NOT NULL,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((latitude IS NULL) = (longitude IS NULL))
)`,
    `CREATE INDEX company_addresses_company ON company_addresses (company_id)`,
    `-- One registered address per company: the one KYB checks against the registration document.
CREATE UNIQUE INDEX company_addresses_one_registered ON company_addresses (company_id) WHERE kind = 'registered'`,
    `CREATE TABLE kyb_documents (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id),
  kind text NOT NULL CHECK (kind IN ('business_registration', 'tax_id', 'proof_of_address', 'other')),
  storage_key text NOT NULL UNIQUE,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 char(64) NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  -- A document is withdrawn (not deleted) so the review history still names what was looked at.
  withdrawn_at timestamptz
)`,
    `CREATE INDEX kyb_documents_company ON kyb_documents (company_id, created_at)`,
    `-- The same file uploaded by two companies is a fraud signal (risk-flags.ts), so look it up by hash.
CREATE INDEX kyb_documents_sha256 ON kyb_documents (sha256)`,
    `CREATE TABLE kyb_reviews (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id),
  action text NOT NULL CHECK (action IN ('submitted', 'approved', 'rejected', 'changes_requested')),
  reason text,
  requested_documents jsonb NOT NULL DEFAULT '[]',
  actor_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL
)`,
    `CREATE INDEX kyb_reviews_company ON kyb_reviews (company_id, created_at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'DROP TABLE kyb_reviews',
    'DROP TABLE kyb_documents',
    'DROP TABLE company_addresses',
    `ALTER TABLE companies DROP COLUMN legal_name, DROP COLUMN registration_number, DROP COLUMN tax_id,
       DROP COLUMN website, DROP COLUMN description, DROP COLUMN founded_year, DROP COLUMN kyb_status,
       DROP COLUMN kyb_submitted_at, DROP COLUMN kyb_decided_at, DROP COLUMN verified_at, DROP COLUMN trust_score,
       DROP COLUMN trust_badge, DROP COLUMN trust_components, DROP COLUMN trust_computed_at`,
  ])
    await sql.raw(statement).execute(db);
}
