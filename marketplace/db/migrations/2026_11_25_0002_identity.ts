import { sql, type Kysely } from 'kysely';

/**
 * Identity and access: account and company status (suspension), verified emails, two-factor secrets, single-use
 * tokens (email verification, password reset, login challenges), member invitations, rotating refresh tokens,
 * recovery codes, the audit log and the shared rate-limit counters (distributed mode).
 * Every token is stored as a SHA-256 hash; the raw value exists only in the email or response that carries it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE companies
  ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  ADD COLUMN suspended_at timestamptz,
  ADD COLUMN suspension_reason text`,
    `ALTER TABLE users
  ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'removed')),
  ADD COLUMN email_verified_at timestamptz,
  ADD COLUMN suspended_at timestamptz,
  ADD COLUMN suspension_reason text,
  ADD COLUMN removed_at timestamptz,
  ADD COLUMN password_changed_at timestamptz,
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_pending_secret text,
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint`,
    `-- People who existed before email verification (the demo, early tests) keep working.
UPDATE users SET email_verified_at = created_at`,
    `-- A removed member frees their email address for a new account.
DROP INDEX users_email_key`,
    `CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE status <> 'removed'`,
    `CREATE INDEX users_company_idx ON users (company_id)`,
    `CREATE TABLE one_time_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'login_challenge')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
)`,
    `CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id),
  email text NOT NULL,
  role text NOT NULL,
  invited_by uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_user_id uuid REFERENCES users(id),
  revoked_at timestamptz
)`,
    `CREATE INDEX invitations_company_idx ON invitations (company_id, created_at)`,
    `CREATE TABLE refresh_tokens (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  rotated_at timestamptz,
  revoked_at timestamptz,
  revoke_reason text
)`,
    `CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`,
    `CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`,
    `CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  used_at timestamptz
)`,
    `CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id)`,
    `CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'system')),
  actor_user_id uuid,
  actor_company_id uuid,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id uuid NOT NULL,
  company_id uuid,
  reason text,
  before jsonb,
  after jsonb
)`,
    `CREATE INDEX audit_log_time_idx ON audit_log (occurred_at, id)`,
    `CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at)`,
    `CREATE INDEX audit_log_target_idx ON audit_log (target_id, occurred_at)`,
    `CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at)`,
    `-- rate-limiter-flexible's PostgreSQL store (distributed mode), in the layout that library expects.
CREATE TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `DROP TABLE rate_limits, audit_log, recovery_codes, refresh_tokens, invitations, one_time_tokens`,
    `DROP INDEX users_company_idx`,
    `DROP INDEX users_email_key`,
    `CREATE UNIQUE INDEX users_email_key ON users (lower(email))`,
    `ALTER TABLE users DROP COLUMN status, DROP COLUMN email_verified_at, DROP COLUMN suspended_at,
  DROP COLUMN suspension_reason, DROP COLUMN removed_at, DROP COLUMN password_changed_at, DROP COLUMN totp_secret,
  DROP COLUMN totp_pending_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step`,
    `ALTER TABLE companies DROP COLUMN status, DROP COLUMN suspended_at, DROP COLUMN suspension_reason`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
