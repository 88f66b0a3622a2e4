/**
 * Role templates: what each role may do. A company member holds one template; the platform's own staff hold
 * theirs. A member may only hand out, or act on, roles whose rights are all within their own (`canGrant`),
 * so nobody can escalate beyond what they already have.
 */
import { DomainError } from '../../platform/errors.ts';
import type { CompanyKind, Permission } from '../../platform/principal.ts';

const MANAGE: Permission[] = ['members:read', 'members:manage', 'company:manage'];

const TEMPLATES: Record<CompanyKind, Record<string, Permission[]>> = {
  manufacturer: {
    owner: [
      'catalog:write',
      'orders:read',
      'orders:manage',
      'finance:read',
      'analytics:read',
      ...MANAGE,
      'company:own',
    ],
    admin: ['catalog:write', 'orders:read', 'orders:manage', 'finance:read', 'analytics:read', ...MANAGE],
    catalog_manager: ['catalog:write', 'orders:read', 'analytics:read', 'members:read'],
    order_manager: ['orders:read', 'orders:manage', 'analytics:read', 'members:read'],
    finance: ['orders:read', 'finance:read', 'analytics:read', 'members:read'],
    viewer: ['orders:read', 'analytics:read', 'members:read'],
  },
  retailer: {
    owner: ['orders:place', 'orders:read', 'finance:read', 'analytics:read', ...MANAGE, 'company:own'],
    admin: ['orders:place', 'orders:read', 'finance:read', 'analytics:read', ...MANAGE],
    order_manager: ['orders:place', 'orders:read', 'analytics:read', 'members:read'],
    finance: ['orders:read', 'finance:read', 'analytics:read', 'members:read'],
    viewer: ['orders:read', 'analytics:read', 'members:read'],
  },
  platform: {
    admin: [
      'orders:read',
      'analytics:read',
      'analytics:all-companies',
      'platform:admin',
      'audit:read',
      ...MANAGE,
    ],
    executive: ['analytics:read', 'analytics:all-companies', 'members:read'],
    analyst: ['analytics:read', 'analytics:all-companies'],
  },
};

/** Rights an account holds only once its email address is verified: it may look around, not act for the company. */
const NEEDS_VERIFIED_EMAIL: ReadonlySet<Permission> = new Set([
  'catalog:write',
  'orders:place',
  'orders:manage',
  'members:manage',
  'company:own',
  'platform:admin',
]);

export function rolesFor(kind: CompanyKind): string[] {
  return Object.keys(TEMPLATES[kind]);
}

export function permissionsFor(kind: CompanyKind, role: string): Permission[] {
  const permissions = TEMPLATES[kind][role];
  if (!permissions) {
    const known = rolesFor(kind).join(', ');
    throw new DomainError(
      'validation',
      'unknown_role',
      `A ${kind} member cannot have role "${role}" (known: ${known}).`,
      [{ field: 'role', message: `must be one of ${known}` }],
    );
  }
  return permissions;
}

/** What a person may do right now: their role's rights, minus the acting rights while their email is unverified. */
export function effectivePermissions(kind: CompanyKind, role: string, emailVerified: boolean): Permission[] {
  const permissions = permissionsFor(kind, role);
  return emailVerified ? permissions : permissions.filter((p) => !NEEDS_VERIFIED_EMAIL.has(p));
}

/** True when every right of `role` is one the actor already holds. */
export function canGrant(actorPermissions: readonly Permission[], kind: CompanyKind, role: string): boolean {
  return permissionsFor(kind, role).every((p) => actorPermissions.includes(p));
}
