/**
 * Money for people. Amounts travel as integer minor units with an ISO 4217 currency and are added up as
 * integers; they become text only here. The decimal string handed to Intl.NumberFormat is built from the integer
 * digits, so no float ever holds a price (Intl formats decimal strings exactly). The text follows the app's
 * chosen locale (i18n/locale.ts): "$1,234.56" in English, "1234,56 US$" in Spanish, "1 234,56 $US" in French.
 */
import { formatLocale } from '../i18n/locale.ts';

const digitsCache = new Map<string, number>();

/** How many minor digits a currency has (USD 2, JPY 0), as the browser's Intl data says. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** 123456 with 2 digits -> "1234.56"; -5 -> "-0.05". Exact for any safe integer. */
export function minorToDecimalString(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an amount in minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "$1,234.56" (in the app's locale, or `locale`) from 123456 USD. */
export function formatMoney(minor: number, currency: string, locale: string = formatLocale): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  // Intl.NumberFormat formats a decimal string exactly; the cast is for TypeScript's older lib signature.
  return formatter.format(minorToDecimalString(minor, minorDigits(currency)) as unknown as number);
}

/**
 * A canonical decimal string ("12.5": point, no grouping, as links and the API carry amounts) in minor units, or
 * null when it is not a plain non-negative amount with at most the currency's digits. What a person types goes
 * through money-input.ts, which reads the page's language ("12,50") and ends here.
 */
export function parseMajorToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Sums of amounts per currency, in first-seen order (integers only). */
export function totalsByCurrency(items: Array<{ currency: string; minor: number }>) {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0) + item.minor);
  return [...totals].map(([currency, minor]) => ({ currency, minor }));
}
