/** Numbers for people, in the chosen locale ("12,345" in English, "12.345" in Spanish, "12 345" in French). */
import { formatLocale } from './locale.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(key: string, locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${key}|${locale}`;
  let found = formatters.get(id);
  if (!found) {
    found = new Intl.NumberFormat(locale, options);
    formatters.set(id, found);
  }
  return found;
}

/** A count or quantity: what `n.toLocaleString()` did, but in the app's language rather than the browser's. */
export const formatNumber = (n: number, locale = formatLocale) => formatter('number', locale, {}).format(n);

/** A fraction as a percentage with one decimal: 0.1234 -> "12.3%" (English), "12,3 %" (Spanish, French). */
export const formatPercent = (fraction: number, locale = formatLocale) =>
  formatter('percent1', locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(fraction);

/**
 * A rate the API sends as a decimal string ("0.08875") as a percentage with every digit it has ("8.875%",
 * "8,875 %"). Intl formats a decimal string exactly, so no float ever holds the rate; the cast is for
 * TypeScript's older lib signature.
 */
export const formatRate = (rate: string, locale = formatLocale) =>
  formatter('rate', locale, { style: 'percent', maximumFractionDigits: 20 }).format(
    rate as unknown as number,
  );
