/** Which pages each kind of account has, in one place: the navigation and the route guards both read it. */
import type { CompanyKind, Me } from '../auth/session.ts';
import { shellMessages as m } from './messages.ts';

export interface NavItem {
  path: string;
  /** The English label; other languages find theirs by path in messages.ts (this one is the fallback). */
  label: string;
  kinds: CompanyKind[];
  /** Only members holding this permission (the cart: retailers who may buy). */
  permission?: string;
  /** A live count shown next to the label. */
  badge?: 'cartLines' | 'unreadMessages';
  /** Active only on this exact path, not below it (`/seller` must not light up on `/seller/verification`). */
  end?: boolean;
}

// Dashboards first: the first entry is where each kind of account lands after signing in.
export const NAV_ITEMS: NavItem[] = [
  { path: '/executive', label: 'Executive dashboard', kinds: ['platform'] },
  // The analysts' tools: every platform role holds analytics:all-companies (analyst, executive, admin).
  {
    path: '/analytics/explore',
    label: 'Explore',
    kinds: ['platform'],
    permission: 'analytics:all-companies',
  },
  { path: '/analytics/sql', label: 'SQL', kinds: ['platform'], permission: 'analytics:all-companies' },
  { path: '/seller', label: 'Sales dashboard', kinds: ['manufacturer'], end: true },
  { path: '/spending', label: 'Spending', kinds: ['retailer'] },
  { path: '/catalog', label: 'Catalog', kinds: ['retailer', 'manufacturer', 'platform'] },
  { path: '/cart', label: 'Cart', kinds: ['retailer'], permission: 'orders:place', badge: 'cartLines' },
  { path: '/orders', label: 'Orders', kinds: ['retailer', 'manufacturer', 'platform'] },
  { path: '/claims', label: 'Claims', kinds: ['retailer', 'manufacturer'] },
  { path: '/messages', label: 'Messages', kinds: ['retailer', 'manufacturer'], badge: 'unreadMessages' },
  // The seller portal. Every member of a manufacturer sees these; the API decides what each role may do there.
  { path: '/products', label: 'Products', kinds: ['manufacturer'] },
  { path: '/inventory', label: 'Inventory', kinds: ['manufacturer'] },
  { path: '/settlements', label: 'Settlements', kinds: ['manufacturer'] },
  { path: '/team', label: 'Team', kinds: ['manufacturer'] },
  { path: '/billing', label: 'Plan and billing', kinds: ['manufacturer'] },
  { path: '/seller/verification', label: 'Verification', kinds: ['manufacturer'] },
  { path: '/admin', label: 'Admin', kinds: ['platform'], permission: 'platform:admin' },
];

export const navFor = (me: Me) =>
  NAV_ITEMS.filter(
    (item) =>
      item.kinds.includes(me.companyKind) && (!item.permission || me.permissions.includes(item.permission)),
  );

/** An entry's label in the page's language; an entry whose path has no translation yet keeps its English. */
export const navLabel = (item: NavItem) => m.nav[item.path] ?? item.label;

export const cartCountLabel = m.cartCount;

export const homePathFor = (me: Me) => navFor(me)[0]?.path ?? '/';

export const ROLE_LABEL: Record<string, string> = m.roles;

export const KIND_LABEL: Record<CompanyKind, string> = m.kinds;
