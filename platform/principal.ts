/**
 * The caller. Every request resolves to exactly one principal (from an access token today, an API key or an
 * embed token later), and the same principal becomes the semantic layer's security context.
 */
export type CompanyKind = 'manufacturer' | 'retailer' | 'platform';

export type Permission =
  'catalog:write' | 'orders:place' | 'orders:read' | 'analytics:read' | 'analytics:all-companies';

export interface Principal {
  userId: string;
  companyId: string;
  companyKind: CompanyKind;
  role: string;
  permissions: Permission[];
}

export const can = (principal: Principal, permission: Permission): boolean =>
  principal.permissions.includes(permission);
