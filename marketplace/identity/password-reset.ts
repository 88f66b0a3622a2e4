/**
 * Forgotten passwords. Asking for a reset answers the same whether or not the address has an account (only an
 * existing one gets an email) and is rate limited per address and per IP. The emailed link works once, for an
 * hour; using it sets the new password, proves the address, and ends every session of the account.
 */
import { findUserByEmail, type IdentityDeps } from './deps.ts';
import { passwordResetEmail } from './emails.ts';
import { USER_PASSWORD_CHANGED } from './events.ts';
import { consumeOneTimeToken, issueOneTimeToken, voidOneTimeTokens } from './one-time-tokens.ts';
import { assertStrongPassword, hashPassword } from './passwords.ts';
import { revokeSessionsOf } from './refresh-tokens.ts';
import { hashToken } from './secret-tokens.ts';
import { recordUserChanged } from './user-events.ts';

export function passwordResetUseCases(deps: IdentityDeps) {
  const { db, clock } = deps;

  async function requestPasswordReset(email: string, ip: string): Promise<void> {
    await deps.throttle.passwordResetRequested(email, ip);
    const user = await findUserByEmail(db, email);
    if (!user) return;
    const now = clock.now();
    const token = await db
      .transaction()
      .execute((tx) => issueOneTimeToken(tx, user.id, 'reset_password', now));
    await deps.mailer.send(passwordResetEmail(user.email, `${deps.publicUrl}/reset-password?token=${token}`));
  }

  async function confirmPasswordReset(token: string, password: string): Promise<void> {
    const now = clock.now();
    // Check the new password before spending the link, so a weak choice can be corrected with the same link.
    const owner = await db
      .selectFrom('one_time_tokens')
      .innerJoin('users', 'users.id', 'one_time_tokens.user_id')
      .select(['users.email'])
      .where('one_time_tokens.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (owner) assertStrongPassword(password, owner.email);
    const passwordHash = await hashPassword(password);
    const userId = await db.transaction().execute(async (tx) => {
      const userId = await consumeOneTimeToken(tx, token, 'reset_password', now);
      const user = await tx
        .updateTable('users')
        .set((eb) => ({
          password_hash: passwordHash,
          password_changed_at: now,
          email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(now)),
        }))
        .where('id', '=', userId)
        .returning(['id', 'company_id'])
        .executeTakeFirstOrThrow();
      await voidOneTimeTokens(tx, userId, 'reset_password', now);
      await revokeSessionsOf(tx, [userId], now, 'password_reset');
      await recordUserChanged(
        tx,
        USER_PASSWORD_CHANGED,
        { userId: user.id, companyId: user.company_id },
        now,
      );
      return userId;
    });
    deps.guard.forgetUser(userId);
  }

  return { requestPasswordReset, confirmPasswordReset };
}
