import { describe, expect, it } from 'vitest';
import { canGrant, effectivePermissions, permissionsFor, rolesFor } from './roles.ts';

describe('role templates', () => {
  it('gives companies the member templates and keeps the foundation permissions working', () => {
    expect(rolesFor('manufacturer')).toEqual([
      'owner',
      'admin',
      'catalog_manager',
      'order_manager',
      'finance',
      'viewer',
    ]);
    expect(rolesFor('retailer')).toEqual(['owner', 'admin', 'order_manager', 'finance', 'viewer']);
    expect(permissionsFor('manufacturer', 'owner')).toEqual(
      expect.arrayContaining(['catalog:write', 'orders:read']),
    );
    expect(permissionsFor('retailer', 'owner')).toEqual(
      expect.arrayContaining(['orders:place', 'orders:read']),
    );
    expect(permissionsFor('platform', 'executive')).toEqual(
      expect.arrayContaining(['analytics:read', 'analytics:all-companies']),
    );
  });

  it('lets owners appoint owners, admins everything but owners, and nobody else hand out management', () => {
    const owner = permissionsFor('manufacturer', 'owner');
    const admin = permissionsFor('manufacturer', 'admin');
    const catalog = permissionsFor('manufacturer', 'catalog_manager');
    expect(rolesFor('manufacturer').every((r) => canGrant(owner, 'manufacturer', r))).toBe(true);
    expect(rolesFor('manufacturer').filter((r) => canGrant(admin, 'manufacturer', r))).toEqual([
      'admin',
      'catalog_manager',
      'order_manager',
      'finance',
      'viewer',
    ]);
    expect(canGrant(catalog, 'manufacturer', 'admin')).toBe(false);
    expect(canGrant(catalog, 'manufacturer', 'finance')).toBe(false); // finance:read is not theirs to give
  });

  it('withholds selling, buying and team management until the email is verified', () => {
    expect(effectivePermissions('manufacturer', 'owner', false)).not.toContain('catalog:write');
    expect(effectivePermissions('retailer', 'owner', false)).not.toContain('orders:place');
    expect(effectivePermissions('retailer', 'owner', false)).not.toContain('members:manage');
    expect(effectivePermissions('retailer', 'owner', false)).toContain('orders:read');
    expect(effectivePermissions('retailer', 'owner', true)).toContain('orders:place');
  });

  it('names the field when a role does not exist for the kind of company', () => {
    expect(() => permissionsFor('retailer', 'catalog_manager')).toThrow(/known: owner, admin/);
  });
});
