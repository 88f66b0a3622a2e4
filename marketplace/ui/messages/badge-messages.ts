/**
 * The words of the "Messages" unread badge, in English, Spanish and French (see ../i18n/README.md). Apart from
 * the inbox's catalog (messages.ts) because the shell shows the badge on every page: only this sentence travels
 * in the initial bundle, the inbox's words stay in its lazy chunk.
 */
import { formatNumber as n, localized, plural, type Catalog } from '../i18n/index.ts';

const badgeEn = {
  unread: (count: number) => `${n(count)} unread ${plural(count, { one: 'message', other: 'messages' })}`,
};

const badgeEs = {
  unread: (count) => `${n(count)} ${plural(count, { one: 'mensaje sin leer', other: 'mensajes sin leer' })}`,
} satisfies Catalog<typeof badgeEn>;

const badgeFr = {
  unread: (count) => `${n(count)} ${plural(count, { one: 'message non lu', other: 'messages non lus' })}`,
} satisfies Catalog<typeof badgeEn>;

export const badgeMessages = localized({ en: badgeEn, es: badgeEs, fr: badgeFr });
