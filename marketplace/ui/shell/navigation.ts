/** Which pages each kind of account has, in one place: the navigation and the route guards both read it. */
import type { CompanyKind, Me } from '../auth/session.ts';

export interface NavItem {
  path: string;
  label: string;
  kinds: CompanyKind[];
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/executive', label: 'Executive dashboard', kinds: ['platform'] },
  { path: '/seller', label: 'Sales dashboard', kinds: ['manufacturer'] },
  { path: '/spending', label: 'Spending', kinds: ['retailer'] },
];

export const navFor = (me: Me) => NAV_ITEMS.filter((item) => item.kinds.includes(me.companyKind));

export const homePathFor = (me: Me) => navFor(me)[0]?.path ?? '/';

export const ROLE_LABEL: Record<string, string> = {
  owner: 'Owner',
  admin: 'Admin',
  executive: 'Executive',
  analyst: 'Data analyst',
  catalog_manager: 'Catalog manager',
  order_manager: 'Order manager',
  finance: 'Finance',
  viewer: 'Viewer',
};

export const KIND_LABEL: Record<CompanyKind, string> = {
  platform: 'Wholesail staff',
  manufacturer: 'Manufacturer',
  retailer: 'Retailer',
};
