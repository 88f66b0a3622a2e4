/** Proving an email address: the link in the sign-up email (single use, 48 hours), and asking for a new one. */
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { IdentityDeps } from './deps.ts';
import { verificationEmail } from './emails.ts';
import { USER_EMAIL_VERIFIED } from './events.ts';
import { recordUserChanged } from './user-events.ts';
import { consumeOneTimeToken, issueOneTimeToken, voidOneTimeTokens } from './one-time-tokens.ts';

export function emailVerificationUseCases(deps: IdentityDeps) {
  const { db, clock } = deps;

  async function verifyEmail(token: string): Promise<{ userId: string }> {
    const now = clock.now();
    const userId = await db.transaction().execute(async (tx) => {
      const userId = await consumeOneTimeToken(tx, token, 'verify_email', now);
      const user = await tx
        .updateTable('users')
        .set({ email_verified_at: now })
        .where('id', '=', userId)
        .where('email_verified_at', 'is', null)
        .returning(['id', 'company_id'])
        .executeTakeFirst();
      if (user) {
        await recordUserChanged(
          tx,
          USER_EMAIL_VERIFIED,
          { userId: user.id, companyId: user.company_id },
          now,
        );
      }
      return userId;
    });
    deps.guard.forgetUser(userId);
    return { userId };
  }

  /** Sends a fresh link (older ones stop working). */
  async function resendVerification(principal: Principal): Promise<void> {
    const now = clock.now();
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'email_verified_at'])
      .where('id', '=', principal.userId)
      .executeTakeFirstOrThrow();
    if (user.email_verified_at)
      throw new DomainError('conflict', 'already_verified', 'Your email address is already verified.');
    const token = await db.transaction().execute(async (tx) => {
      await voidOneTimeTokens(tx, user.id, 'verify_email', now);
      return issueOneTimeToken(tx, user.id, 'verify_email', now);
    });
    await deps.mailer.send(verificationEmail(user.email, `${deps.publicUrl}/verify-email?token=${token}`));
  }

  return { verifyEmail, resendVerification };
}
