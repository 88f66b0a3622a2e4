/**
 * Single-use, expiring tokens for email links (verification, password reset) and login challenges (two-factor).
 * Consuming one is a single conditional UPDATE, so two clicks racing on the same link cannot both succeed.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Database, OneTimeTokensTable } from '../db/schema.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

export type TokenPurpose = OneTimeTokensTable['purpose'];

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 3600_000,
  reset_password: 3600_000,
  login_challenge: 5 * 60_000,
};

export async function issueOneTimeToken(
  tx: Transaction<Database>,
  userId: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string> {
  const token = newSecretToken();
  await tx
    .insertInto('one_time_tokens')
    .values({
      id: newId(),
      user_id: userId,
      purpose,
      token_hash: hashToken(token),
      created_at: now,
      expires_at: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
      used_at: null,
    })
    .execute();
  return token;
}

/** Marks the token used and returns its user, or refuses one that is unknown, used or expired (one answer for all). */
export async function consumeOneTimeToken(
  tx: Transaction<Database>,
  token: string,
  purpose: TokenPurpose,
  now: Date,
  field = 'token',
): Promise<string> {
  const row = await tx
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  if (!row) {
    throw new DomainError(
      'validation',
      'token_invalid',
      'This link or code has expired or was already used; ask for a new one.',
      [{ field, message: 'is expired, already used or unknown' }],
    );
  }
  return row.user_id;
}

/** Spends every open token of a purpose, e.g. older reset links once the password has changed. */
export async function voidOneTimeTokens(
  tx: Transaction<Database>,
  userId: string,
  purpose: TokenPurpose,
  now: Date,
) {
  await tx
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
