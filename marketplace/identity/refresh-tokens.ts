/**
 * Sessions are families of rotating refresh tokens (30 days each), stored as SHA-256 hashes. Each refresh spends
 * the presented token and returns the next one of the same family. Presenting a token that was already spent means
 * two parties hold it (one of them stole it), so the whole family is revoked and both must log in again, unless it
 * comes back within a few seconds of its first rotation: that is two tabs of one browser racing (or a reload while
 * the refresh was in flight), and it gets a sibling token of the same family instead (REFRESH_REUSE_GRACE_MS).
 * The family id is the session id the access token carries, so logging out also ends its access tokens.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Database } from '../db/schema.ts';
import type { IdentityDeps } from './deps.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600_000;

/**
 * A spent refresh token presented again within this long of its first rotation gets a sibling token of the same
 * family instead of ending the session. Two tabs that load together, or a tab reloaded while its refresh was in
 * flight, present one token twice within moments; without a grace they would sign each other out.
 * Why that is acceptable (the reasoning of Auth0's and Okta's "reuse interval"): a thief who holds a token before
 * it is spent could already spend it first; the grace only hides a replay that lands in the 10 s right after the
 * holder's own refresh. Any later replay still revokes the whole family (siblings included), so the stolen token
 * is worthless after the window, and a revoked family, an expired token or a suspended account is refused even
 * inside it.
 */
export const REFRESH_REUSE_GRACE_MS = 10_000;

export async function issueRefreshToken(
  tx: Transaction<Database>,
  userId: string,
  familyId: string,
  now: Date,
): Promise<string> {
  const token = newSecretToken();
  await tx
    .insertInto('refresh_tokens')
    .values({
      id: newId(),
      family_id: familyId,
      user_id: userId,
      token_hash: hashToken(token),
      created_at: now,
      expires_at: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
      rotated_at: null,
      revoked_at: null,
      revoke_reason: null,
    })
    .execute();
  return token;
}

/** Ends every session of the given users (password reset, suspension, removal). */
export async function revokeSessionsOf(
  tx: Transaction<Database>,
  userIds: string[],
  now: Date,
  reason: string,
) {
  if (userIds.length === 0) return;
  await tx
    .updateTable('refresh_tokens')
    .set({ revoked_at: now, revoke_reason: reason })
    .where('user_id', 'in', userIds)
    .where('revoked_at', 'is', null)
    .execute();
}

const invalidRefresh = (code: string, message: string) => new DomainError('unauthenticated', code, message);

type Rotation =
  | { ok: true; userId: string; sessionId: string; refreshToken: string }
  | { ok: false; error: DomainError; userId?: string };

export function refreshTokenUseCases(deps: Pick<IdentityDeps, 'db' | 'clock' | 'guard'>) {
  const { db, clock } = deps;

  /**
   * Spends `refreshToken` and returns the next one. A spent token presented again within the grace gets a sibling;
   * later, it revokes its family.
   */
  async function rotate(
    refreshToken: string,
  ): Promise<{ userId: string; sessionId: string; refreshToken: string }> {
    const now = clock.now();
    const outcome = await db.transaction().execute(async (tx): Promise<Rotation> => {
      const row = await tx
        .selectFrom('refresh_tokens')
        .innerJoin('users', 'users.id', 'refresh_tokens.user_id')
        .innerJoin('companies', 'companies.id', 'users.company_id')
        .select([
          'refresh_tokens.id',
          'refresh_tokens.family_id',
          'refresh_tokens.user_id',
          'refresh_tokens.expires_at',
          'refresh_tokens.rotated_at',
          'refresh_tokens.revoked_at',
          'users.status',
          'companies.status as company_status',
        ])
        .where('refresh_tokens.token_hash', '=', hashToken(refreshToken))
        .forUpdate('refresh_tokens')
        .executeTakeFirst();
      if (!row)
        return {
          ok: false,
          error: invalidRefresh('invalid_refresh_token', 'This refresh token is not valid: log in again.'),
        };
      const revokeFamily = (reason: string) =>
        tx
          .updateTable('refresh_tokens')
          .set({ revoked_at: now, revoke_reason: reason })
          .where('family_id', '=', row.family_id)
          .where('revoked_at', 'is', null)
          .execute();
      if (row.revoked_at)
        return {
          ok: false,
          error: invalidRefresh('session_revoked', 'This session has ended: log in again.'),
        };
      // Measured from the first rotation, so a token that keeps coming back cannot stretch its own window.
      const withinGrace =
        row.rotated_at !== null &&
        now.getTime() - new Date(row.rotated_at).getTime() <= REFRESH_REUSE_GRACE_MS;
      if (row.rotated_at && !withinGrace) {
        await revokeFamily('reuse');
        return {
          ok: false,
          userId: row.user_id,
          error: invalidRefresh(
            'refresh_token_reused',
            'This refresh token was already used, so the session has been ended for safety: log in again.',
          ),
        };
      }
      if (new Date(row.expires_at) <= now)
        return {
          ok: false,
          error: invalidRefresh('session_expired', 'This session has expired: log in again.'),
        };
      if (row.status !== 'active' || row.company_status !== 'active') {
        await revokeFamily('suspended');
        return {
          ok: false,
          userId: row.user_id,
          error: invalidRefresh('account_suspended', 'This account is suspended; contact Wholesail support.'),
        };
      }
      // Inside the grace the token stays spent at its first rotation time and its first child stays valid:
      // the caller gets a sibling, so both racing tabs keep a working session.
      if (!row.rotated_at)
        await tx.updateTable('refresh_tokens').set({ rotated_at: now }).where('id', '=', row.id).execute();
      const next = await issueRefreshToken(tx, row.user_id, row.family_id, now);
      return { ok: true, userId: row.user_id, sessionId: row.family_id, refreshToken: next };
    });
    if (!outcome.ok) {
      if (outcome.userId) deps.guard.forgetUser(outcome.userId); // the family's access tokens stop now
      throw outcome.error;
    }
    return outcome;
  }

  /** Ends the session `refreshToken` belongs to (spent or not). Unknown tokens are ignored: logging out is idempotent. */
  async function logout(refreshToken: string): Promise<void> {
    const now = clock.now();
    const row = await db
      .selectFrom('refresh_tokens')
      .select(['family_id', 'user_id'])
      .where('token_hash', '=', hashToken(refreshToken))
      .executeTakeFirst();
    if (!row) return;
    await db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now, revoke_reason: 'logout' })
      .where('family_id', '=', row.family_id)
      .where('revoked_at', 'is', null)
      .execute();
    deps.guard.forgetUser(row.user_id);
  }

  return { rotate, logout };
}
