/**
 * Role templates: what each role may do. Company member templates (catalog manager, finance, ...) grow here in
 * the identity issue; the foundation knows owners and the platform's own staff.
 */
import { DomainError } from '../../platform/errors.ts';
import type { CompanyKind, Permission } from '../../platform/principal.ts';

const TEMPLATES: Record<CompanyKind, Record<string, Permission[]>> = {
  manufacturer: { owner: ['catalog:write', 'orders:read', 'analytics:read'] },
  retailer: { owner: ['orders:place', 'orders:read', 'analytics:read'] },
  platform: {
    admin: ['orders:read', 'analytics:read', 'analytics:all-companies'],
    executive: ['analytics:read', 'analytics:all-companies'],
    analyst: ['analytics:read', 'analytics:all-companies'],
  },
};

export function permissionsFor(kind: CompanyKind, role: string): Permission[] {
  const permissions = TEMPLATES[kind][role];
  if (!permissions) {
    const known = Object.keys(TEMPLATES[kind]).join(', ');
    throw new DomainError(
      'validation',
      'unknown_role',
      `A ${kind} member cannot have role "${role}" (known: ${known}).`,
      [{ field: 'role', message: `must be one of ${known}` }],
    );
  }
  return permissions;
}
