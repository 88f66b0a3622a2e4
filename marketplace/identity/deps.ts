/** What every identity use case receives from the composition root. */
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/domain-event.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { can, type Permission, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { AccessGuard } from './access-guard.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { SecretBox } from './secret-box.ts';

export interface IdentityDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  /** Base URL for links in emails, without a trailing slash. */
  publicUrl: string;
  throttle: LoginThrottle;
  guard: AccessGuard;
  /** Seals TOTP secrets at rest (secret-box.ts). */
  secrets: SecretBox;
}

export const actorOf = (principal: Principal): Actor => ({
  userId: principal.userId,
  companyId: principal.companyId,
  kind: 'user',
});

/** The caller must belong to `companyId` and hold `permission` there. */
export function requireCompanyPermission(principal: Principal, companyId: string, permission: Permission) {
  if (principal.companyId !== companyId)
    throw forbidden("You can only manage your own company's members and invitations.");
  if (!can(principal, permission))
    throw forbidden(`Your role (${principal.role}) does not allow this: it needs ${permission}.`);
}

export function requirePlatformAdmin(principal: Principal) {
  if (principal.companyKind !== 'platform' || !can(principal, 'platform:admin'))
    throw forbidden('Only Wholesail platform admins can do this.');
}

export async function assertEmailFree(tx: Transaction<Database> | Db, email: string, field: string) {
  const taken = await tx
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('status', '<>', 'removed')
    .executeTakeFirst();
  if (taken) {
    throw new DomainError('conflict', 'email_taken', 'An account with this email already exists.', [
      { field, message: 'is already registered' },
    ]);
  }
}

export const findUserByEmail = (db: Db | Transaction<Database>, email: string) =>
  db
    .selectFrom('users')
    .innerJoin('companies', 'companies.id', 'users.company_id')
    .selectAll('users')
    .select(['companies.kind', 'companies.status as company_status', 'companies.name as company_name'])
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email.trim().toLowerCase()))
    .where('users.status', '<>', 'removed')
    .executeTakeFirst();
