/**
 * Two-factor authentication with TOTP (RFC 6238, the codes authenticator apps show). Enrolment stores a pending
 * secret; the first correct code turns it on and hands out ten single-use recovery codes (stored hashed). From then
 * on a login needs a code after the password, and turning it off needs a code too. A TOTP code is accepted once:
 * the last accepted time step is remembered.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { actorOf, type IdentityDeps } from './deps.ts';
import { USER_TWO_FACTOR_DISABLED, USER_TWO_FACTOR_ENABLED } from './events.ts';
import type { SecretBox } from './secret-box.ts';
import { hashToken } from './secret-tokens.ts';
import { recordUserChanged } from './user-events.ts';

const ISSUER = 'Wholesail';
const RECOVERY_CODES = 10;

const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

const invalidCode = () =>
  new DomainError('validation', 'invalid_code', 'That code is not correct (or was already used).', [
    { field: 'code', message: 'is not a current authenticator code or an unused recovery code' },
  ]);

/** True when `code` matches the TOTP secret (after the last accepted step), remembering the step it used. */
async function acceptTotp(
  tx: Transaction<Database>,
  userId: string,
  secret: string,
  lastStep: number | null,
  code: string,
) {
  if (!/^\d{6}$/.test(code.trim())) return false;
  const result = await verify({
    secret,
    token: code.trim(),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid) return false;
  const step = 'timeStep' in result ? result.timeStep : null;
  await tx.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
  return true;
}

/** Accepts a current TOTP code or an unused recovery code of `userId` (spending it). */
export async function acceptSecondFactor(
  tx: Transaction<Database>,
  secrets: SecretBox,
  userId: string,
  code: string,
): Promise<boolean> {
  const user = await tx
    .selectFrom('users')
    .select(['totp_secret', 'totp_last_step'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!user.totp_secret) return false;
  if (await acceptTotp(tx, userId, secrets.open(user.totp_secret), user.totp_last_step, code)) return true;
  const spent = await tx
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashToken(normaliseRecoveryCode(code)))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return spent !== undefined;
}

export function twoFactorUseCases(deps: IdentityDeps) {
  const { db, clock } = deps;

  async function loadUser(principal: Principal) {
    return db
      .selectFrom('users')
      .select(['id', 'email', 'company_id', 'totp_secret', 'totp_pending_secret', 'totp_enabled_at'])
      .where('id', '=', principal.userId)
      .executeTakeFirstOrThrow();
  }

  /** Starts enrolment: a new secret and the otpauth:// URL to show as a QR code. Not on until confirmed. */
  async function enroll(principal: Principal) {
    const user = await loadUser(principal);
    if (user.totp_enabled_at)
      throw new DomainError('conflict', 'two_factor_already_on', 'Two-factor authentication is already on.');
    const secret = generateSecret();
    await db
      .updateTable('users')
      .set({ totp_pending_secret: deps.secrets.seal(secret) })
      .where('id', '=', user.id)
      .execute();
    return { secret, otpauthUrl: generateURI({ issuer: ISSUER, label: user.email, secret }) };
  }

  /** Turns two-factor on with the first code from the app; returns the recovery codes (shown once). */
  async function confirm(principal: Principal, code: string) {
    const now = clock.now();
    const recoveryCodes = Array.from({ length: RECOVERY_CODES }, () => {
      const raw = randomBytes(5).toString('hex');
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await db.transaction().execute(async (tx) => {
      const user = await tx
        .selectFrom('users')
        .select(['id', 'company_id', 'totp_pending_secret', 'totp_enabled_at'])
        .where('id', '=', principal.userId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (user.totp_enabled_at)
        throw new DomainError(
          'conflict',
          'two_factor_already_on',
          'Two-factor authentication is already on.',
        );
      if (!user.totp_pending_secret)
        throw new DomainError(
          'conflict',
          'two_factor_not_enrolled',
          'Start with POST /api/v1/auth/2fa/enroll.',
        );
      const pending = deps.secrets.open(user.totp_pending_secret);
      if (!(await acceptTotp(tx, user.id, pending, null, code))) throw invalidCode();
      await tx
        .updateTable('users')
        // Sealed afresh: a secret stored before sealing existed leaves the table in the clear no longer.
        .set({ totp_secret: deps.secrets.seal(pending), totp_pending_secret: null, totp_enabled_at: now })
        .where('id', '=', user.id)
        .execute();
      await tx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
      await tx
        .insertInto('recovery_codes')
        .values(
          recoveryCodes.map((c) => ({
            id: newId(),
            user_id: user.id,
            code_hash: hashToken(normaliseRecoveryCode(c)),
            used_at: null,
          })),
        )
        .execute();
      await record(tx, principal, user.company_id, USER_TWO_FACTOR_ENABLED, now, false, true);
    });
    return { enabled: true as const, recoveryCodes };
  }

  /** Turns two-factor off; needs a current code or a recovery code. */
  async function disable(principal: Principal, code: string) {
    const now = clock.now();
    const user = await loadUser(principal);
    await db.transaction().execute(async (tx) => {
      if (!user.totp_enabled_at)
        throw new DomainError('conflict', 'two_factor_off', 'Two-factor authentication is not on.');
      if (!(await acceptSecondFactor(tx, deps.secrets, user.id, code))) throw invalidCode();
      await tx
        .updateTable('users')
        .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
        .where('id', '=', user.id)
        .execute();
      await tx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
      await record(tx, principal, user.company_id, USER_TWO_FACTOR_DISABLED, now, true, false);
    });
    return { enabled: false as const };
  }

  async function record(
    tx: Transaction<Database>,
    principal: Principal,
    companyId: string,
    type: string,
    now: Date,
    before: boolean,
    after: boolean,
  ) {
    await recordAudit(tx, {
      actor: actorOf(principal),
      action: type,
      targetType: 'user',
      targetId: principal.userId,
      companyId,
      occurredAt: now,
      before: { twoFactor: before },
      after: { twoFactor: after },
    });
    await recordUserChanged(tx, type, { userId: principal.userId, companyId }, now, actorOf(principal));
  }

  return { enroll, confirm, disable };
}
