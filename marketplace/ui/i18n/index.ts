export { localized, type Catalog } from './catalog.ts';
export { formatLocale, locale, LOCALES, LOCALE_NAMES, saveLocale, type Locale } from './locale.ts';
export { formatNumber, formatPercent, formatRate } from './numbers.ts';
export { plural } from './plural.ts';
export { withColon } from './punctuation.ts';
