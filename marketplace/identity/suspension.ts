/**
 * Platform admins suspend and reinstate companies and users, always with a reason. A suspension ends every session
 * of the people concerned at once (their refresh tokens are revoked, and the access guard refuses their access
 * tokens from the next request); a suspended company cannot log in, sell or buy. Reinstating lets them log in again.
 */
import type { Transaction } from 'kysely';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { actorOf, requirePlatformAdmin, type IdentityDeps } from './deps.ts';
import {
  COMPANY_REINSTATED,
  COMPANY_SUSPENDED,
  USER_REINSTATED,
  USER_SUSPENDED,
  type SuspensionChangedV1,
} from './events.ts';
import { revokeSessionsOf } from './refresh-tokens.ts';

type Target = 'company' | 'user';

export function suspensionUseCases(deps: IdentityDeps) {
  const { db, clock } = deps;

  async function record(
    tx: Transaction<Database>,
    principal: Principal,
    target: Target,
    targetId: string,
    companyId: string,
    suspend: boolean,
    reason: string,
    now: Date,
  ) {
    const type = `${target}.${suspend ? 'suspended' : 'reinstated'}`;
    const [from, to] = suspend ? ['active', 'suspended'] : ['suspended', 'active'];
    await recordAudit(tx, {
      actor: actorOf(principal),
      action: type,
      targetType: target,
      targetId,
      companyId,
      occurredAt: now,
      reason,
      before: { status: from },
      after: { status: to },
    });
    await recordEvent<SuspensionChangedV1>(tx, {
      type:
        target === 'company'
          ? suspend
            ? COMPANY_SUSPENDED
            : COMPANY_REINSTATED
          : suspend
            ? USER_SUSPENDED
            : USER_REINSTATED,
      version: 1,
      aggregateType: target,
      aggregateId: targetId,
      companyIds: [companyId],
      occurredAt: now,
      actor: actorOf(principal),
      payload: { targetId, companyId, reason },
    });
  }

  async function setCompanyStatus(principal: Principal, companyId: string, suspend: boolean, reason: string) {
    requirePlatformAdmin(principal);
    const now = clock.now();
    await db.transaction().execute(async (tx) => {
      const company = await tx
        .selectFrom('companies')
        .select(['id', 'kind', 'status'])
        .where('id', '=', companyId)
        .forUpdate()
        .executeTakeFirst();
      if (!company) throw notFound('company', companyId);
      if (company.kind === 'platform')
        throw new DomainError(
          'validation',
          'cannot_suspend_platform',
          'The Wholesail platform company cannot be suspended.',
        );
      if ((company.status === 'suspended') === suspend)
        throw new DomainError(
          'conflict',
          suspend ? 'already_suspended' : 'not_suspended',
          `This company is ${company.status}.`,
        );
      await tx
        .updateTable('companies')
        .set(
          suspend
            ? { status: 'suspended', suspended_at: now, suspension_reason: reason }
            : { status: 'active', suspended_at: null, suspension_reason: null },
        )
        .where('id', '=', companyId)
        .execute();
      if (suspend) {
        const members = await tx
          .selectFrom('users')
          .select('id')
          .where('company_id', '=', companyId)
          .execute();
        await revokeSessionsOf(
          tx,
          members.map((m) => m.id),
          now,
          'company_suspended',
        );
      }
      await record(tx, principal, 'company', companyId, companyId, suspend, reason, now);
    });
    deps.guard.forgetCompany(companyId);
    return { companyId, status: suspend ? ('suspended' as const) : ('active' as const) };
  }

  async function setUserStatus(principal: Principal, userId: string, suspend: boolean, reason: string) {
    requirePlatformAdmin(principal);
    if (userId === principal.userId)
      throw new DomainError('forbidden', 'not_on_yourself', 'You cannot suspend or reinstate yourself.');
    const now = clock.now();
    await db.transaction().execute(async (tx) => {
      const user = await tx
        .selectFrom('users')
        .select(['id', 'company_id', 'status'])
        .where('id', '=', userId)
        .where('status', '<>', 'removed')
        .forUpdate()
        .executeTakeFirst();
      if (!user) throw notFound('user', userId);
      if ((user.status === 'suspended') === suspend)
        throw new DomainError(
          'conflict',
          suspend ? 'already_suspended' : 'not_suspended',
          `This user is ${user.status}.`,
        );
      await tx
        .updateTable('users')
        .set(
          suspend
            ? { status: 'suspended', suspended_at: now, suspension_reason: reason }
            : { status: 'active', suspended_at: null, suspension_reason: null },
        )
        .where('id', '=', userId)
        .execute();
      if (suspend) await revokeSessionsOf(tx, [userId], now, 'suspended');
      await record(tx, principal, 'user', userId, user.company_id, suspend, reason, now);
    });
    deps.guard.forgetUser(userId);
    return { userId, status: suspend ? ('suspended' as const) : ('active' as const) };
  }

  return {
    suspendCompany: (p: Principal, id: string, reason: string) => setCompanyStatus(p, id, true, reason),
    reinstateCompany: (p: Principal, id: string, reason: string) => setCompanyStatus(p, id, false, reason),
    suspendUser: (p: Principal, id: string, reason: string) => setUserStatus(p, id, true, reason),
    reinstateUser: (p: Principal, id: string, reason: string) => setUserStatus(p, id, false, reason),
  };
}
