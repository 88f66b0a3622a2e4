/**
 * Inviting people into a company by email. An owner or admin invites an address with a role (never one beyond
 * their own rights); the emailed link (single use, 7 days) lets the person choose a password, which creates their
 * account already verified (the link proved the address). A new invitation to the same address replaces the old.
 */
import { checkSeatAvailable } from '../billing/seat-limit.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { COMPANY_MEMBER_ADDED, type CompanyMemberAddedV1 } from '../companies/events.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { actorOf, assertEmailFree, requireCompanyPermission, type IdentityDeps } from './deps.ts';
import { invitationEmail } from './emails.ts';
import {
  COMPANY_MEMBER_INVITED,
  USER_REGISTERED,
  type MemberInvitedV1,
  type UserRegisteredV1,
} from './events.ts';
import { assertStrongPassword, hashPassword } from './passwords.ts';
import { canGrant, permissionsFor } from './roles.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

const invalidInvitation = () =>
  new DomainError(
    'validation',
    'token_invalid',
    'This invitation has expired, was revoked or was already used.',
    [{ field: 'token', message: 'is expired, already used or unknown' }],
  );

export function invitationUseCases(deps: IdentityDeps) {
  const { db, clock } = deps;

  function view(row: {
    id: string;
    email: string;
    role: string;
    invited_by: string;
    created_at: Date | string;
    expires_at: Date | string;
    accepted_at: Date | string | null;
    revoked_at: Date | string | null;
  }): InvitationView {
    const expiresAt = new Date(row.expires_at);
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      status: row.accepted_at
        ? 'accepted'
        : row.revoked_at
          ? 'revoked'
          : expiresAt <= clock.now()
            ? 'expired'
            : 'pending',
      invitedBy: row.invited_by,
      createdAt: new Date(row.created_at).toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  }

  async function invite(principal: Principal, companyId: string, input: { email: string; role: string }) {
    requireCompanyPermission(principal, companyId, 'members:manage');
    permissionsFor(principal.companyKind, input.role);
    if (!canGrant(principal.permissions, principal.companyKind, input.role))
      throw new DomainError(
        'forbidden',
        'beyond_your_rights',
        `You cannot invite someone as ${input.role}: it holds rights you do not have.`,
      );
    const now = clock.now();
    const token = newSecretToken();
    const id = newId();
    const { row, companyName } = await db.transaction().execute(async (tx) => {
      await assertEmailFree(tx, input.email, 'email');
      // Re-inviting the same address replaces its open invitation below, so it does not need a seat of its own.
      const reinvite = await tx
        .selectFrom('invitations')
        .select('id')
        .where('company_id', '=', companyId)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (!reinvite) await checkSeatAvailable(tx, companyId, now);
      const company = await tx
        .selectFrom('companies')
        .select('name')
        .where('id', '=', companyId)
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('invitations')
        .set({ revoked_at: now })
        .where('company_id', '=', companyId)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
      const row = await tx
        .insertInto('invitations')
        .values({
          id,
          company_id: companyId,
          email: input.email,
          role: input.role,
          invited_by: principal.userId,
          token_hash: hashToken(token),
          created_at: now,
          expires_at: new Date(now.getTime() + INVITATION_TTL_MS),
          accepted_at: null,
          accepted_user_id: null,
          revoked_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        actor: actorOf(principal),
        action: 'member.invited',
        targetType: 'invitation',
        targetId: id,
        companyId,
        occurredAt: now,
        after: { email: input.email, role: input.role },
      });
      await recordEvent<MemberInvitedV1>(tx, {
        type: COMPANY_MEMBER_INVITED,
        version: 1,
        aggregateType: 'company',
        aggregateId: companyId,
        companyIds: [companyId],
        occurredAt: now,
        actor: actorOf(principal),
        payload: { companyId, invitationId: id, role: input.role, invitedBy: principal.userId },
      });
      return { row, companyName: company.name };
    });
    await deps.mailer.send(
      invitationEmail(
        input.email,
        companyName,
        input.role,
        `${deps.publicUrl}/accept-invitation?token=${token}`,
      ),
    );
    return view(row);
  }

  async function listInvitations(principal: Principal, companyId: string) {
    requireCompanyPermission(principal, companyId, 'members:read');
    const rows = await db
      .selectFrom('invitations')
      .selectAll()
      .where('company_id', '=', companyId)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map(view);
  }

  async function revokeInvitation(principal: Principal, companyId: string, invitationId: string) {
    requireCompanyPermission(principal, companyId, 'members:manage');
    const now = clock.now();
    return db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', invitationId)
        .where('company_id', '=', companyId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound('invitation', invitationId);
      if (!canGrant(principal.permissions, principal.companyKind, row.role))
        throw forbidden(`You cannot revoke an invitation as ${row.role}: it holds rights you do not have.`);
      if (row.accepted_at || row.revoked_at)
        throw new DomainError(
          'conflict',
          'invitation_closed',
          'This invitation was already accepted or revoked.',
        );
      const updated = await tx
        .updateTable('invitations')
        .set({ revoked_at: now })
        .where('id', '=', invitationId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        actor: actorOf(principal),
        action: 'member.invitation_revoked',
        targetType: 'invitation',
        targetId: invitationId,
        companyId,
        occurredAt: now,
        before: { email: row.email, role: row.role, status: 'pending' },
        after: { status: 'revoked' },
      });
      return view(updated);
    });
  }

  /** The invited person chooses a password; their account is created in the inviting company, verified. */
  async function acceptInvitation(input: { token: string; password: string }) {
    const now = clock.now();
    const pending = await db
      .selectFrom('invitations')
      .innerJoin('companies', 'companies.id', 'invitations.company_id')
      .select(['invitations.email', 'companies.status as company_status'])
      .where('invitations.token_hash', '=', hashToken(input.token))
      .executeTakeFirst();
    if (!pending) throw invalidInvitation();
    if (pending.company_status !== 'active')
      throw new DomainError(
        'forbidden',
        'company_suspended',
        'This company is suspended; the invitation cannot be used.',
      );
    assertStrongPassword(input.password, pending.email);
    const passwordHash = await hashPassword(input.password);
    const userId = newId();
    return db.transaction().execute(async (tx) => {
      const invitation = await tx
        .updateTable('invitations')
        .set({ accepted_at: now, accepted_user_id: null })
        .where('token_hash', '=', hashToken(input.token))
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
      if (!invitation) throw invalidInvitation();
      await assertEmailFree(tx, invitation.email, 'token');
      await tx
        .insertInto('users')
        .values({
          id: userId,
          company_id: invitation.company_id,
          email: invitation.email,
          password_hash: passwordHash,
          role: invitation.role,
          created_at: now,
          email_verified_at: now,
        })
        .execute();
      await tx
        .updateTable('invitations')
        .set({ accepted_user_id: userId })
        .where('id', '=', invitation.id)
        .execute();
      const actor = { userId, companyId: invitation.company_id, kind: 'user' as const };
      const event = { version: 1, companyIds: [invitation.company_id], occurredAt: now, actor };
      await recordEvent<UserRegisteredV1>(tx, {
        ...event,
        type: USER_REGISTERED,
        aggregateType: 'user',
        aggregateId: userId,
        payload: { userId, companyId: invitation.company_id, role: invitation.role, via: 'invitation' },
      });
      await recordEvent<CompanyMemberAddedV1>(tx, {
        ...event,
        type: COMPANY_MEMBER_ADDED,
        aggregateType: 'company',
        aggregateId: invitation.company_id,
        payload: { companyId: invitation.company_id, userId, role: invitation.role },
      });
      return { userId, companyId: invitation.company_id, role: invitation.role };
    });
  }

  return { invite, listInvitations, revokeInvitation, acceptInvitation };
}
