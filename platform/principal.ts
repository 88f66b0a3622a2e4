/**
 * The caller. Every request resolves to exactly one principal (from an access token today, an API key or an
 * embed token later), and the same principal becomes the semantic layer's security context.
 */
export type CompanyKind = 'manufacturer' | 'retailer' | 'platform';

export type Permission =
  | 'catalog:write' // list and edit the company's products
  | 'orders:place' // buy (retailers)
  | 'orders:read' // see the company's orders
  | 'orders:manage' // act on received orders: confirm, ship, cancel (manufacturers)
  | 'finance:read' // invoices, payouts, commissions
  | 'analytics:read' // dashboards over the company's own rows
  | 'analytics:all-companies' // dashboards over every company (platform staff)
  | 'members:read' // see the company's members and invitations
  | 'members:manage' // invite, change roles, remove members (never beyond the actor's own rights)
  | 'company:manage' // company profile and verification documents
  | 'company:own' // ownership: appoint and remove owners
  | 'platform:admin' // list, suspend and reinstate users and companies
  | 'audit:read'; // query the audit log

export interface Principal {
  userId: string;
  companyId: string;
  companyKind: CompanyKind;
  role: string;
  permissions: Permission[];
}

export const can = (principal: Principal, permission: Permission): boolean =>
  principal.permissions.includes(permission);
