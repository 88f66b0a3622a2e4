/** A company's members and invitations, for that company's owners and admins (and, read-only, its members). */
import { z } from 'zod';
import type { IdentityService } from '../../marketplace/identity/identity-service.ts';
import type { ApiDefinition } from '../openapi.ts';

const companyParams = z.object({ companyId: z.uuid({ message: 'must be a company id (UUID)' }) }).strict();
const memberParams = companyParams
  .extend({ userId: z.uuid({ message: 'must be a user id (UUID)' }) })
  .strict();
const invitationParams = companyParams
  .extend({ invitationId: z.uuid({ message: 'must be an invitation id (UUID)' }) })
  .strict();
const role = z
  .string()
  .regex(/^[a-z_]{2,40}$/, { message: 'must be a role name like viewer or catalog_manager' });

const member = z
  .object({
    userId: z.string(),
    email: z.string(),
    role: z.string(),
    status: z.enum(['active', 'suspended']),
    emailVerified: z.boolean(),
    twoFactor: z.boolean(),
    joinedAt: z.string(),
  })
  .openapi('Member');

const invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.string(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    invitedBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('Invitation');

export function registerMemberRoutes(api: ApiDefinition, deps: { identity: IdentityService }) {
  const { identity } = deps;
  const base = '/api/v1/companies/:companyId';

  api.defineRoute(
    {
      method: 'get',
      path: `${base}/members`,
      summary: "The company's members",
      tag: 'members',
      auth: true,
      params: companyParams,
      response: z.object({ items: z.array(member) }),
    },
    async ({ principal, params }) => ({ items: await identity.listMembers(principal, params.companyId) }),
  );

  api.defineRoute(
    {
      method: 'patch',
      path: `${base}/members/:userId`,
      summary: "Change a member's role (never to or from a role beyond your own rights)",
      tag: 'members',
      auth: true,
      params: memberParams,
      body: z.object({ role }).strict(),
      response: z.object({ userId: z.string(), role: z.string() }),
    },
    async ({ principal, params, body }) =>
      identity.changeRole(principal, params.companyId, params.userId, body.role),
  );

  api.defineRoute(
    {
      method: 'delete',
      path: `${base}/members/:userId`,
      summary: 'Remove a member: their sessions end at once',
      tag: 'members',
      auth: true,
      params: memberParams,
    },
    async ({ principal, params }) => {
      await identity.removeMember(principal, params.companyId, params.userId);
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: `${base}/invitations`,
      summary: 'Invite someone by email with a role; they get a link to choose a password',
      tag: 'members',
      auth: true,
      params: companyParams,
      body: z.object({ email: z.email({ message: 'must be an email address' }).max(254), role }).strict(),
      status: 201,
      response: invitation,
    },
    async ({ principal, params, body }) => identity.invite(principal, params.companyId, body),
  );

  api.defineRoute(
    {
      method: 'get',
      path: `${base}/invitations`,
      summary: "The company's invitations, newest first",
      tag: 'members',
      auth: true,
      params: companyParams,
      response: z.object({ items: z.array(invitation) }),
    },
    async ({ principal, params }) => ({ items: await identity.listInvitations(principal, params.companyId) }),
  );

  api.defineRoute(
    {
      method: 'delete',
      path: `${base}/invitations/:invitationId`,
      summary: 'Revoke a pending invitation',
      tag: 'members',
      auth: true,
      params: invitationParams,
      response: invitation,
    },
    async ({ principal, params }) =>
      identity.revokeInvitation(principal, params.companyId, params.invitationId),
  );
}
