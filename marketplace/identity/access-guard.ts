/**
 * Access tokens are stateless JWTs that live 15 minutes; this guard makes them answer to the database anyway.
 * Each authenticated request asks it for the caller as they are *now*: a suspended or removed account, a suspended
 * company or a logged-out session stops working at once, and a role change or a verified email applies to the
 * next request. Answers are cached for a few seconds per user and session (one indexed query per user per TTL),
 * and every change made in this process drops the affected entries immediately; other API processes converge
 * within the TTL.
 */
import { sql } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { effectivePermissions } from './roles.ts';

interface Entry {
  expires: number;
  companyId: string;
  outcome: Principal | DomainError;
}

const MAX_ENTRIES = 10_000;

export function createAccessGuard(deps: { db: Db; ttlMs?: number; now?: () => number }) {
  const ttlMs = deps.ttlMs ?? 5_000;
  const now = deps.now ?? Date.now;
  const cache = new Map<string, Entry>();

  async function load(userId: string, sessionId: string | undefined): Promise<Entry> {
    const row = await deps.db
      .selectFrom('users')
      .innerJoin('companies', 'companies.id', 'users.company_id')
      .select([
        'users.id',
        'users.company_id',
        'users.role',
        'users.status',
        'users.email_verified_at',
        'companies.kind',
        'companies.status as company_status',
      ])
      .select(
        sessionId
          ? sql<boolean>`exists (select 1 from refresh_tokens r where r.family_id = ${sessionId} and r.user_id = users.id and r.revoked_at is not null)`.as(
              'session_revoked',
            )
          : sql<boolean>`false`.as('session_revoked'),
      )
      .where('users.id', '=', userId)
      .executeTakeFirst();
    const expires = now() + ttlMs;
    if (!row || row.status === 'removed')
      return {
        expires,
        companyId: row?.company_id ?? '',
        outcome: ended('account_removed', 'This account no longer exists.'),
      };
    const outcome =
      row.status === 'suspended'
        ? ended('account_suspended', 'This account is suspended; contact Wholesail support.')
        : row.company_status === 'suspended'
          ? ended('company_suspended', 'Your company is suspended; contact Wholesail support.')
          : row.session_revoked
            ? ended('session_revoked', 'You have logged out of this session: log in again.')
            : {
                userId: row.id,
                companyId: row.company_id,
                companyKind: row.kind,
                role: row.role,
                permissions: effectivePermissions(row.kind, row.role, row.email_verified_at !== null),
              };
    return { expires, companyId: row.company_id, outcome };
  }

  return {
    /** The caller as they are now, or a 401 saying why their token no longer works. */
    async current(userId: string, sessionId?: string): Promise<Principal> {
      const key = `${userId}|${sessionId ?? ''}`;
      let entry = cache.get(key);
      if (!entry || entry.expires <= now()) {
        entry = await load(userId, sessionId);
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(key, entry);
      }
      if (entry.outcome instanceof DomainError) throw entry.outcome;
      return entry.outcome;
    },
    forgetUser(userId: string) {
      for (const key of cache.keys()) if (key.startsWith(`${userId}|`)) cache.delete(key);
    },
    forgetCompany(companyId: string) {
      for (const [key, entry] of cache) if (entry.companyId === companyId) cache.delete(key);
    },
  };
}

const ended = (code: string, message: string) => new DomainError('unauthenticated', code, message);

export type AccessGuard = ReturnType<typeof createAccessGuard>;
