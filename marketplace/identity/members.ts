/**
 * A company's people: who they are, changing a member's role, removing a member. Only members:manage may change
 * anything, only in their own company, never on themselves, and only on members and roles whose rights are all
 * within their own (an admin cannot touch an owner or make one). A company always keeps at least one owner.
 */
import type { Transaction } from 'kysely';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { actorOf, requireCompanyPermission, type IdentityDeps } from './deps.ts';
import {
  COMPANY_MEMBER_REMOVED,
  COMPANY_MEMBER_ROLE_CHANGED,
  type MemberRemovedV1,
  type MemberRoleChangedV1,
} from './events.ts';
import { revokeSessionsOf } from './refresh-tokens.ts';
import { canGrant, permissionsFor } from './roles.ts';

export interface MemberView {
  userId: string;
  email: string;
  role: string;
  status: 'active' | 'suspended';
  emailVerified: boolean;
  twoFactor: boolean;
  joinedAt: string;
}

const escalation = (what: string) =>
  new DomainError('forbidden', 'beyond_your_rights', `You cannot ${what}: it holds rights you do not have.`);

export function memberUseCases(deps: IdentityDeps) {
  const { db, clock } = deps;

  async function listMembers(principal: Principal, companyId: string): Promise<MemberView[]> {
    requireCompanyPermission(principal, companyId, 'members:read');
    const rows = await db
      .selectFrom('users')
      .select(['id', 'email', 'role', 'status', 'email_verified_at', 'totp_enabled_at', 'created_at'])
      .where('company_id', '=', companyId)
      .where('status', '<>', 'removed')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      userId: r.id,
      email: r.email,
      role: r.role,
      status: r.status as 'active' | 'suspended',
      emailVerified: r.email_verified_at !== null,
      twoFactor: r.totp_enabled_at !== null,
      joinedAt: new Date(r.created_at).toISOString(),
    }));
  }

  /** Loads a member the principal may act on, inside the transaction, locked. */
  async function memberToManage(
    tx: Transaction<Database>,
    principal: Principal,
    companyId: string,
    userId: string,
  ) {
    requireCompanyPermission(principal, companyId, 'members:manage');
    const member = await tx
      .selectFrom('users')
      .select(['id', 'role', 'status'])
      .where('id', '=', userId)
      .where('company_id', '=', companyId)
      .where('status', '<>', 'removed')
      .forUpdate()
      .executeTakeFirst();
    if (!member) throw notFound('member', userId);
    if (member.id === principal.userId)
      throw new DomainError(
        'forbidden',
        'not_on_yourself',
        'You cannot change your own membership; ask another admin.',
      );
    if (!canGrant(principal.permissions, principal.companyKind, member.role))
      throw escalation(`manage a member with role ${member.role}`);
    return member;
  }

  async function assertAnotherOwner(tx: Transaction<Database>, companyId: string, userId: string) {
    const other = await tx
      .selectFrom('users')
      .select('id')
      .where('company_id', '=', companyId)
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .where('id', '<>', userId)
      .executeTakeFirst();
    if (!other)
      throw new DomainError(
        'conflict',
        'last_owner',
        'A company needs at least one owner; appoint another owner first.',
      );
  }

  async function changeRole(principal: Principal, companyId: string, userId: string, role: string) {
    requireCompanyPermission(principal, companyId, 'members:manage');
    permissionsFor(principal.companyKind, role);
    const now = clock.now();
    const result = await db.transaction().execute(async (tx) => {
      const member = await memberToManage(tx, principal, companyId, userId);
      if (!canGrant(principal.permissions, principal.companyKind, role))
        throw escalation(`grant the role ${role}`);
      if (member.role === role) return { userId, role };
      if (member.role === 'owner') await assertAnotherOwner(tx, companyId, userId);
      await tx.updateTable('users').set({ role }).where('id', '=', userId).execute();
      await recordAudit(tx, {
        actor: actorOf(principal),
        action: 'member.role_changed',
        targetType: 'user',
        targetId: userId,
        companyId,
        occurredAt: now,
        before: { role: member.role },
        after: { role },
      });
      await recordEvent<MemberRoleChangedV1>(tx, {
        type: COMPANY_MEMBER_ROLE_CHANGED,
        version: 1,
        aggregateType: 'company',
        aggregateId: companyId,
        companyIds: [companyId],
        occurredAt: now,
        actor: actorOf(principal),
        payload: { companyId, userId, fromRole: member.role, toRole: role },
      });
      return { userId, role };
    });
    deps.guard.forgetUser(userId);
    return result;
  }

  async function removeMember(principal: Principal, companyId: string, userId: string) {
    const now = clock.now();
    await db.transaction().execute(async (tx) => {
      const member = await memberToManage(tx, principal, companyId, userId);
      if (member.role === 'owner') await assertAnotherOwner(tx, companyId, userId);
      await tx
        .updateTable('users')
        .set({ status: 'removed', removed_at: now })
        .where('id', '=', userId)
        .execute();
      await revokeSessionsOf(tx, [userId], now, 'removed');
      await recordAudit(tx, {
        actor: actorOf(principal),
        action: 'member.removed',
        targetType: 'user',
        targetId: userId,
        companyId,
        occurredAt: now,
        before: { role: member.role, status: member.status },
        after: { status: 'removed' },
      });
      await recordEvent<MemberRemovedV1>(tx, {
        type: COMPANY_MEMBER_REMOVED,
        version: 1,
        aggregateType: 'company',
        aggregateId: companyId,
        companyIds: [companyId],
        occurredAt: now,
        actor: actorOf(principal),
        payload: { companyId, userId, role: member.role },
      });
    });
    deps.guard.forgetUser(userId);
  }

  return { listMembers, changeRole, removeMember };
}
