/**
 * Rate limits on guessing: failed logins (and wrong two-factor codes) and password-reset requests, counted per
 * account (the email as typed, whether or not it exists, so the limits reveal nothing) and per client IP.
 * Counters live in memory in embedded mode (one process), and in PostgreSQL (rate-limiter-flexible's store, table
 * `rate_limits`) in distributed mode, so every API process shares them.
 */
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
  type IRateLimiterOptions,
} from 'rate-limiter-flexible';
import { tooManyRequests } from '../../platform/errors.ts';

export const LIMITS = {
  /** Failed logins per account in 15 minutes, then wait out the window. */
  loginPerAccount: { points: 5, duration: 15 * 60 },
  loginPerIp: { points: 50, duration: 15 * 60 },
  /** Reset emails per account per hour, and reset requests per IP per hour. */
  resetPerAccount: { points: 3, duration: 3600 },
  resetPerIp: { points: 20, duration: 3600 },
  /** Sign-ups per IP per hour (each sends an email to an address the caller chose). */
  signUpPerIp: { points: 20, duration: 3600 },
} as const;

export type ThrottleStore = { kind: 'memory' } | { kind: 'postgres'; pool: pg.Pool };

export function createLoginThrottle(store: ThrottleStore, limits: typeof LIMITS = LIMITS) {
  const make = (name: keyof typeof LIMITS): RateLimiterAbstract => {
    const options: IRateLimiterOptions = { keyPrefix: `ws_${name}`, ...limits[name] };
    return store.kind === 'postgres'
      ? new RateLimiterPostgres({
          ...options,
          storeClient: store.pool,
          storeType: 'pool',
          tableName: 'rate_limits',
          tableCreated: true,
        })
      : new RateLimiterMemory(options);
  };
  const loginAccount = make('loginPerAccount');
  const loginIp = make('loginPerIp');
  const resetAccount = make('resetPerAccount');
  const resetIp = make('resetPerIp');
  const signUpIp = make('signUpPerIp');
  const account = (email: string) => email.trim().toLowerCase();

  async function refuseIfSpent(limiter: RateLimiterAbstract, key: string, points: number) {
    const res = await limiter.get(key);
    if (res && res.consumedPoints >= points) throw slowDown(res.msBeforeNext);
  }

  /** Consumes a point everywhere; throws 429 if any limiter is now over its budget. */
  async function consume(pairs: Array<[RateLimiterAbstract, string]>) {
    let wait = 0;
    for (const [limiter, key] of pairs) {
      try {
        await limiter.consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        wait = Math.max(wait, error.msBeforeNext);
      }
    }
    if (wait > 0) throw slowDown(wait);
  }

  return {
    /** Before checking a password: refuses while the account or the IP has used up its failures. */
    async beforeLogin(email: string, ip: string) {
      await refuseIfSpent(loginAccount, account(email), limits.loginPerAccount.points);
      await refuseIfSpent(loginIp, ip, limits.loginPerIp.points);
    },
    async loginFailed(email: string, ip: string) {
      await consume([
        [loginAccount, account(email)],
        [loginIp, ip],
      ]).catch(() => undefined); // the caller answers "wrong password"; the next attempt sees the limit
    },
    async loginSucceeded(email: string) {
      await loginAccount.delete(account(email));
    },
    async signUpRequested(ip: string) {
      await consume([[signUpIp, ip]]);
    },
    async passwordResetRequested(email: string, ip: string) {
      await consume([
        [resetAccount, account(email)],
        [resetIp, ip],
      ]);
    },
  };
}

const slowDown = (msBeforeNext: number) =>
  tooManyRequests('Too many attempts: wait a while before trying again.', msBeforeNext / 1000);

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
