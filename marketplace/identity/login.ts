/**
 * Logging in: email and password, then (when the account has two-factor on) a code against a short-lived,
 * single-use challenge. Both steps are rate limited per account and per IP. A wrong email and a wrong password
 * get the same answer in the same time; only someone who knows the password learns that an account is suspended.
 * Unverified emails may log in (with reduced rights, see roles.ts).
 */
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import { findUserByEmail, type IdentityDeps } from './deps.ts';
import { consumeOneTimeToken, issueOneTimeToken, TOKEN_TTL_MS } from './one-time-tokens.ts';
import { verifyPassword } from './passwords.ts';
import { issueRefreshToken } from './refresh-tokens.ts';
import { effectivePermissions } from './roles.ts';
import { hashToken } from './secret-tokens.ts';
import { acceptSecondFactor } from './two-factor.ts';

export type LoginOutcome =
  | { kind: 'session'; principal: Principal; sessionId: string; refreshToken: string; emailVerified: boolean }
  | { kind: 'two_factor_required'; challengeToken: string; expiresInSeconds: number };

const invalidCredentials = () =>
  new DomainError('unauthenticated', 'invalid_credentials', 'The email or password is not correct.');

function refuseInactive(user: { status: string; company_status: string }) {
  if (user.status === 'suspended')
    throw new DomainError(
      'forbidden',
      'account_suspended',
      'This account is suspended; contact Wholesail support.',
    );
  if (user.company_status === 'suspended')
    throw new DomainError(
      'forbidden',
      'company_suspended',
      'Your company is suspended; contact Wholesail support.',
    );
}

export function loginUseCases(deps: IdentityDeps) {
  const { db, clock, throttle } = deps;

  async function startSession(userId: string): Promise<LoginOutcome & { kind: 'session' }> {
    const now = clock.now();
    const sessionId = newId();
    const refreshToken = await db
      .transaction()
      .execute((tx) => issueRefreshToken(tx, userId, sessionId, now));
    deps.guard.forgetUser(userId);
    const user = await db
      .selectFrom('users')
      .innerJoin('companies', 'companies.id', 'users.company_id')
      .select(['users.id', 'users.company_id', 'users.role', 'users.email_verified_at', 'companies.kind'])
      .where('users.id', '=', userId)
      .executeTakeFirstOrThrow();
    const emailVerified = user.email_verified_at !== null;
    return {
      kind: 'session',
      principal: {
        userId: user.id,
        companyId: user.company_id,
        companyKind: user.kind,
        role: user.role,
        permissions: effectivePermissions(user.kind, user.role, emailVerified),
      },
      sessionId,
      refreshToken,
      emailVerified,
    };
  }

  async function login(input: { email: string; password: string; ip: string }): Promise<LoginOutcome> {
    await throttle.beforeLogin(input.email, input.ip);
    const user = await findUserByEmail(db, input.email);
    if (!(await verifyPassword(user?.password_hash, input.password)) || !user) {
      await throttle.loginFailed(input.email, input.ip);
      throw invalidCredentials();
    }
    await throttle.loginSucceeded(input.email);
    refuseInactive(user);
    if (user.totp_enabled_at) {
      const now = clock.now();
      const challengeToken = await db
        .transaction()
        .execute((tx) => issueOneTimeToken(tx, user.id, 'login_challenge', now));
      return {
        kind: 'two_factor_required',
        challengeToken,
        expiresInSeconds: TOKEN_TTL_MS.login_challenge / 1000,
      };
    }
    return startSession(user.id);
  }

  /** Second step: the challenge from `login` plus a TOTP or recovery code. A wrong code keeps the challenge open. */
  async function completeTwoFactor(input: { challengeToken: string; code: string; ip: string }) {
    const now = clock.now();
    const challenge = await db
      .selectFrom('one_time_tokens')
      .innerJoin('users', 'users.id', 'one_time_tokens.user_id')
      .innerJoin('companies', 'companies.id', 'users.company_id')
      .select(['users.id', 'users.status', 'companies.status as company_status'])
      .where('one_time_tokens.token_hash', '=', hashToken(input.challengeToken))
      .where('one_time_tokens.purpose', '=', 'login_challenge')
      .where('one_time_tokens.used_at', 'is', null)
      .where('one_time_tokens.expires_at', '>', now)
      .executeTakeFirst();
    if (!challenge) {
      throw new DomainError(
        'unauthenticated',
        'challenge_invalid',
        'This login attempt has expired: log in again.',
        [{ field: 'challengeToken', message: 'is expired, already used or unknown' }],
      );
    }
    const accountKey = `user:${challenge.id}`;
    await throttle.beforeLogin(accountKey, input.ip);
    refuseInactive(challenge);
    const accepted = await db.transaction().execute(async (tx) => {
      if (!(await acceptSecondFactor(tx, deps.secrets, challenge.id, input.code))) return false;
      await consumeOneTimeToken(tx, input.challengeToken, 'login_challenge', now, 'challengeToken');
      return true;
    });
    if (!accepted) {
      await throttle.loginFailed(accountKey, input.ip);
      throw new DomainError(
        'unauthenticated',
        'invalid_code',
        'That code is not correct (or was already used).',
        [{ field: 'code', message: 'is not a current authenticator code or an unused recovery code' }],
      );
    }
    await throttle.loginSucceeded(accountKey);
    return startSession(challenge.id);
  }

  /** Email + password check without a session (tests and scripts that need a principal). */
  async function authenticate(email: string, password: string): Promise<Principal> {
    const user = await findUserByEmail(db, email);
    if (!(await verifyPassword(user?.password_hash, password)) || !user) throw invalidCredentials();
    refuseInactive(user);
    return {
      userId: user.id,
      companyId: user.company_id,
      companyKind: user.kind,
      role: user.role,
      permissions: effectivePermissions(user.kind, user.role, user.email_verified_at !== null),
    };
  }

  return { login, completeTwoFactor, startSession, authenticate };
}
