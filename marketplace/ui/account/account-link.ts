/**
 * The one word the shell needs from the account page, "Account", kept apart from the page's catalogs so the
 * initial bundle (which every page pays for) carries three short strings and not the whole page's words.
 */
import { localized, type Catalog } from '../i18n/index.ts';

const en = { account: 'Account' };
const es = { account: 'Cuenta' } satisfies Catalog<typeof en>;
const fr = { account: 'Compte' } satisfies Catalog<typeof en>;

export const accountLinkMessages = localized({ en, es, fr });
export const ACCOUNT_PATH = '/account';
