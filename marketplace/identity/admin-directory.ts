/** What platform admins see: companies and users, filterable and paged, and the audit log. */
import { notFound } from '../../platform/errors.ts';
import type { CompanyKind, Principal } from '../../platform/principal.ts';
import { queryAudit, type AuditFilter } from '../audit/audit-log.ts';
import type { UserStatus } from '../db/schema.ts';
import { requirePlatformAdmin, type IdentityDeps } from './deps.ts';

interface Page {
  limit: number;
  offset: number;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function adminDirectoryUseCases(deps: Pick<IdentityDeps, 'db'>) {
  const { db } = deps;

  async function listCompanies(
    principal: Principal,
    filter: Page & { kind?: CompanyKind; status?: 'active' | 'suspended'; q?: string },
  ) {
    requirePlatformAdmin(principal);
    let query = db.selectFrom('companies').selectAll();
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.q) query = query.where('name', 'ilike', `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit + 1)
      .offset(filter.offset)
      .execute();
    return { items: rows.slice(0, filter.limit).map(companyView), hasMore: rows.length > filter.limit };
  }

  async function getCompany(principal: Principal, companyId: string) {
    requirePlatformAdmin(principal);
    const row = await db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst();
    if (!row) throw notFound('company', companyId);
    const members = await userQuery()
      .where('users.company_id', '=', companyId)
      .orderBy('users.created_at')
      .execute();
    return { ...companyView(row), members: members.map(userView) };
  }

  const userQuery = () =>
    db
      .selectFrom('users')
      .innerJoin('companies', 'companies.id', 'users.company_id')
      .select([
        'users.id',
        'users.email',
        'users.company_id',
        'users.role',
        'users.status',
        'users.email_verified_at',
        'users.totp_enabled_at',
        'users.suspended_at',
        'users.suspension_reason',
        'users.created_at',
        'companies.name as company_name',
        'companies.kind',
      ]);

  async function listUsers(
    principal: Principal,
    filter: Page & { companyId?: string; status?: UserStatus; q?: string },
  ) {
    requirePlatformAdmin(principal);
    let query = userQuery();
    if (filter.companyId) query = query.where('users.company_id', '=', filter.companyId);
    if (filter.status) query = query.where('users.status', '=', filter.status);
    if (filter.q) query = query.where('users.email', 'ilike', `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
    const rows = await query
      .orderBy('users.created_at', 'desc')
      .orderBy('users.id')
      .limit(filter.limit + 1)
      .offset(filter.offset)
      .execute();
    return { items: rows.slice(0, filter.limit).map(userView), hasMore: rows.length > filter.limit };
  }

  async function getUser(principal: Principal, userId: string) {
    requirePlatformAdmin(principal);
    const row = await userQuery().where('users.id', '=', userId).executeTakeFirst();
    if (!row) throw notFound('user', userId);
    return userView(row);
  }

  async function auditLog(principal: Principal, filter: AuditFilter) {
    requirePlatformAdmin(principal);
    return queryAudit(db, filter);
  }

  return { listCompanies, getCompany, listUsers, getUser, auditLog };
}

function companyView(r: {
  id: string;
  kind: CompanyKind;
  name: string;
  country: string;
  city: string;
  status: 'active' | 'suspended';
  suspended_at: Date | string | null;
  suspension_reason: string | null;
  created_at: Date | string;
}) {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    country: r.country,
    city: r.city,
    status: r.status,
    suspendedAt: iso(r.suspended_at),
    suspensionReason: r.suspension_reason,
    createdAt: iso(r.created_at)!,
  };
}

function userView(r: {
  id: string;
  email: string;
  company_id: string;
  company_name: string;
  kind: CompanyKind;
  role: string;
  status: UserStatus;
  email_verified_at: Date | string | null;
  totp_enabled_at: Date | string | null;
  suspended_at: Date | string | null;
  suspension_reason: string | null;
  created_at: Date | string;
}) {
  return {
    id: r.id,
    email: r.email,
    companyId: r.company_id,
    companyName: r.company_name,
    companyKind: r.kind,
    role: r.role,
    status: r.status,
    emailVerified: r.email_verified_at !== null,
    twoFactor: r.totp_enabled_at !== null,
    suspendedAt: iso(r.suspended_at),
    suspensionReason: r.suspension_reason,
    createdAt: iso(r.created_at)!,
  };
}
