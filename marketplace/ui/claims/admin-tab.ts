/**
 * The admin panel's Disputes tab (admin/AdminFrame.tsx lists it with the other sections). Its one word lives
 * here rather than in messages.ts so every admin page does not carry the claims screens' catalogs.
 */
import { localized, type Catalog } from '../i18n/index.ts';

const en = { disputes: 'Disputes' };
const es = { disputes: 'Disputas' } satisfies Catalog<typeof en>;
const fr = { disputes: 'Litiges' } satisfies Catalog<typeof en>;

export const DISPUTES_TAB = { path: '/admin/disputes', label: localized({ en, es, fr }).disputes };
