/** Which pages each kind of account has, in one place: the navigation and the route guards both read it. */
import type { CompanyKind, Me } from '../auth/session.ts';

export interface NavItem {
  path: string;
  label: string;
  kinds: CompanyKind[];
  /** Only members holding this permission (the cart: retailers who may buy). */
  permission?: string;
  /** A live count shown next to the label. */
  badge?: 'cartLines';
}

// Dashboards first: the first entry is where each kind of account lands after signing in.
export const NAV_ITEMS: NavItem[] = [
  { path: '/executive', label: 'Executive dashboard', kinds: ['platform'] },
  { path: '/seller', label: 'Sales dashboard', kinds: ['manufacturer'] },
  { path: '/spending', label: 'Spending', kinds: ['retailer'] },
  { path: '/catalog', label: 'Catalog', kinds: ['retailer', 'manufacturer', 'platform'] },
  { path: '/cart', label: 'Cart', kinds: ['retailer'], permission: 'orders:place', badge: 'cartLines' },
  { path: '/orders', label: 'Orders', kinds: ['retailer', 'manufacturer', 'platform'] },
];

export const navFor = (me: Me) =>
  NAV_ITEMS.filter(
    (item) =>
      item.kinds.includes(me.companyKind) && (!item.permission || me.permissions.includes(item.permission)),
  );

export const cartCountLabel = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'} in the cart`;

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
