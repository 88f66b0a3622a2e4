/** Platform administration: users and companies, suspension and reinstatement, and the audit log. */
import { z } from 'zod';
import type { IdentityService } from '../../marketplace/identity/identity-service.ts';
import type { ApiDefinition } from '../openapi.ts';

const page = {
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(50),
  offset: z.coerce.number({ message: 'must be a number' }).int().min(0).max(1_000_000).default(0),
};
const idParams = (what: string) =>
  z.object({ id: z.uuid({ message: `must be a ${what} id (UUID)` }) }).strict();
const reasonBody = z
  .object({
    reason: z.string().trim().min(3, { message: 'must say why, in at least 3 characters' }).max(1000),
  })
  .strict();
const isoTime = z.iso.datetime({ message: 'must be an ISO 8601 UTC time like 2026-11-25T00:00:00Z' });

const company = z
  .object({
    id: z.string(),
    kind: z.enum(['manufacturer', 'retailer', 'platform']),
    name: z.string(),
    country: z.string(),
    city: z.string(),
    status: z.enum(['active', 'suspended']),
    suspendedAt: z.string().nullable(),
    suspensionReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AdminCompany');

const user = z
  .object({
    id: z.string(),
    email: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    companyKind: z.string(),
    role: z.string(),
    status: z.enum(['active', 'suspended', 'removed']),
    emailVerified: z.boolean(),
    twoFactor: z.boolean(),
    suspendedAt: z.string().nullable(),
    suspensionReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AdminUser');

const auditEntry = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actor: z.object({ kind: z.string(), userId: z.string().nullable(), companyId: z.string().nullable() }),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string(), companyId: z.string().nullable() }),
    reason: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

export function registerAdminRoutes(api: ApiDefinition, deps: { identity: IdentityService }) {
  const { identity } = deps;

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/companies',
      summary: 'Companies, newest first (platform admins)',
      tag: 'admin',
      auth: true,
      query: z
        .object({
          kind: z.enum(['manufacturer', 'retailer', 'platform']).optional(),
          status: z.enum(['active', 'suspended']).optional(),
          q: z.string().trim().min(1).max(100).optional(),
          ...page,
        })
        .strict(),
      response: z.object({ items: z.array(company), hasMore: z.boolean() }),
    },
    async ({ principal, query }) => identity.listCompanies(principal, query),
  );

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/companies/:id',
      summary: 'One company with its members (platform admins)',
      tag: 'admin',
      auth: true,
      params: idParams('company'),
      response: company.extend({ members: z.array(user) }),
    },
    async ({ principal, params }) => identity.getCompany(principal, params.id),
  );

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/users',
      summary: 'Users, newest first (platform admins)',
      tag: 'admin',
      auth: true,
      query: z
        .object({
          companyId: z.uuid({ message: 'must be a company id (UUID)' }).optional(),
          status: z.enum(['active', 'suspended', 'removed']).optional(),
          q: z.string().trim().min(1).max(100).optional(),
          ...page,
        })
        .strict(),
      response: z.object({ items: z.array(user), hasMore: z.boolean() }),
    },
    async ({ principal, query }) => identity.listUsers(principal, query),
  );

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/users/:id',
      summary: 'One user (platform admins)',
      tag: 'admin',
      auth: true,
      params: idParams('user'),
      response: user,
    },
    async ({ principal, params }) => identity.getUser(principal, params.id),
  );

  const statusRoute = (
    target: 'companies' | 'users',
    action: 'suspend' | 'reinstate',
    run: (
      principal: Parameters<IdentityService['suspendUser']>[0],
      id: string,
      reason: string,
    ) => Promise<unknown>,
  ) =>
    api.defineRoute(
      {
        method: 'post',
        path: `/api/v1/admin/${target}/:id/${action}`,
        summary:
          action === 'suspend'
            ? `Suspend a ${target === 'companies' ? 'company' : 'user'} with a reason: logins and sessions stop at once`
            : `Reinstate a suspended ${target === 'companies' ? 'company' : 'user'} with a reason`,
        tag: 'admin',
        auth: true,
        params: idParams(target === 'companies' ? 'company' : 'user'),
        body: reasonBody,
        response: z.object({
          status: z.enum(['active', 'suspended']),
          companyId: z.string().optional(),
          userId: z.string().optional(),
        }),
      },
      async ({ principal, params, body }) => run(principal, params.id, body.reason),
    );
  statusRoute('companies', 'suspend', identity.suspendCompany);
  statusRoute('companies', 'reinstate', identity.reinstateCompany);
  statusRoute('users', 'suspend', identity.suspendUser);
  statusRoute('users', 'reinstate', identity.reinstateUser);

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/audit-log',
      summary:
        'Privileged actions, newest first, filtered by actor, target, company, action and time (platform admins)',
      tag: 'admin',
      auth: true,
      query: z
        .object({
          actorId: z.uuid({ message: 'must be a user id (UUID)' }).optional(),
          targetId: z.uuid({ message: 'must be an id (UUID)' }).optional(),
          companyId: z.uuid({ message: 'must be a company id (UUID)' }).optional(),
          action: z
            .string()
            .regex(/^[a-z_]+\.[a-z_]+$/, { message: 'must be an action like company.suspended' })
            .optional(),
          from: isoTime.optional(),
          to: isoTime.optional(),
          ...page,
        })
        .strict(),
      response: z.object({ items: z.array(auditEntry), hasMore: z.boolean() }),
    },
    async ({ principal, query }) =>
      identity.auditLog(principal, {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      }),
  );
}
