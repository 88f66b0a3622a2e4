/**
 * Who may write, as the API decides it (marketplace/messaging/thread-access.ts): speaking for the company takes
 * `orders:place` at a retailer and `orders:manage` at a manufacturer. Everyone with `orders:read` reads. The UI
 * asks only to offer the right controls; the API refuses anyway, and its words are shown when it does.
 */
import type { Me } from '../auth/session.ts';

export const mayReadMessages = (me: Me | null) =>
  (me?.companyKind === 'retailer' || me?.companyKind === 'manufacturer') &&
  me.permissions.includes('orders:read');

export const maySendMessages = (me: Me | null) =>
  (me?.companyKind === 'retailer' && me.permissions.includes('orders:place')) ||
  (me?.companyKind === 'manufacturer' && me.permissions.includes('orders:manage'));
