/**
 * Formatting for dashboards. The semantic layer answers money in USD minor units (cents) and numbers as strings;
 * everything shown to people passes through here, in the page's locale (marketplace/ui/i18n formatLocale: "$1,235"
 * in English, "1235 US$" in Spanish, "1 235 $US" in French). Every function takes the locale as its last
 * argument so tests can ask for any language; the pages use the default. Times arrive in UTC; months and days are
 * labelled in UTC too, since a month bucket is a UTC month.
 */
import { formatLocale } from '../marketplace/ui/i18n/index.ts';
import { formatWordsFor } from './messages.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

/** One formatter per kind and locale, made on first use (Intl constructors are slow; formats are not). */
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
  kind: string,
  locale: string,
  make: () => T,
): T {
  const key = `${kind}|${locale}`;
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

const number = (kind: string, locale: string, options: Intl.NumberFormatOptions) =>
  cached(kind, locale, () => new Intl.NumberFormat(locale, options));
const date = (kind: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(kind, locale, () => new Intl.DateTimeFormat(locale, options));

const USD = { style: 'currency', currency: 'USD' } as const;
const utc = (iso: string) => new Date(iso.endsWith('Z') ? iso : `${iso}Z`);

/** A Cube number (string, number or null) as a number; null stays null so "no data" is not shown as 0. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export const formatUsdFromCents = (cents: number | null, withCents = false, locale = formatLocale) =>
  cents === null
    ? '–'
    : (withCents
        ? number('usdCents', locale, USD)
        : number('usd', locale, { ...USD, maximumFractionDigits: 0, minimumFractionDigits: 0 })
      ).format(cents / 100);
/** Axis labels: "$1.2K", "1,2 mil US$", "1,2 k $US". */
export const formatUsdCompactFromCents = (cents: number | null, locale = formatLocale) =>
  cents === null
    ? '–'
    : number('usdCompact', locale, { ...USD, notation: 'compact', maximumFractionDigits: 1 }).format(
        cents / 100,
      );
export const formatInteger = (n: number | null, locale = formatLocale) =>
  n === null ? '–' : number('integer', locale, { maximumFractionDigits: 0 }).format(n);
export const formatPercent = (fraction: number | null, locale = formatLocale) =>
  fraction === null
    ? '–'
    : number('percent', locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
/** "Nov 2026", "nov 2026", "nov. 2026". */
export const formatMonth = (iso: string, locale = formatLocale) =>
  date('month', locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc(iso));
/** "Nov 3", "3 nov", "3 nov.". */
export const formatDay = (iso: string, locale = formatLocale) =>
  date('day', locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(utc(iso));

/** Fractional change from `previous` to `current`; null when there is nothing to compare with. */
export const change = (current: number | null, previous: number | null) =>
  current === null || previous === null || previous === 0 ? null : (current - previous) / previous;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The last `days` whole UTC days up to and including today, and the same number of days before them: the
 * windows of "this period vs previous period". Explicit timestamps, so the server never guesses a time zone.
 */
export function periodWindows(days: number, now = Date.now()) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const currentStart = today - (days - 1) * DAY_MS;
  const previousStart = currentStart - days * DAY_MS;
  const end = `${isoDay(today)}T23:59:59.999`;
  return {
    current: [`${isoDay(currentStart)}T00:00:00.000`, end] as [string, string],
    previous: [`${isoDay(previousStart)}T00:00:00.000`, `${isoDay(currentStart - DAY_MS)}T23:59:59.999`] as [
      string,
      string,
    ],
    both: [`${isoDay(previousStart)}T00:00:00.000`, end] as [string, string],
    currentStartDay: isoDay(currentStart),
  };
}

/** "Oct 30, 2026 – Nov 28, 2026", "30 oct 2026 – 28 nov 2026" (UTC days, as the periods are). */
export function formatDayRange(r: { from: string; to: string }, locale = formatLocale): string {
  const day = date('rangeDay', locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const from = day.format(new Date(`${r.from}T00:00:00Z`));
  const to = day.format(new Date(`${r.to}T00:00:00Z`));
  return from === to ? from : `${from} – ${to}`;
}

/** A timestamp the API sent in UTC, shown in the browser's time zone (a row of orders: when it was placed). */
export const formatDateTime = (iso: string, locale = formatLocale, timeZone?: string) =>
  cached(
    `dateTime${timeZone ?? ''}`,
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(utc(iso));

/**
 * A change as people read it: "+12.3%" for amounts and counts, "+0.4 pp" for rates (a change of a share);
 * "+12,3 %" and "+0,4 p. p." in Spanish. The sign is written apart so a fall reads "−" (a true minus) and no
 * change "±" in every language.
 */
export function formatChange(delta: number, unit: 'percent' | 'points', locale = formatLocale): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  if (unit === 'percent')
    return `${sign}${number('change', locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(size)}`;
  const points = number('points', locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    size * 100,
  );
  return `${sign}${points} ${formatWordsFor(locale).points}`;
}

/** "US" -> "United States", "Estados Unidos", "États-Unis"; anything that is not a region code as it is. */
export function countryName(code: string | null | undefined, locale = formatLocale): string {
  if (!code) return formatWordsFor(locale).unknownCountry;
  try {
    return (
      cached('region', locale, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code
    );
  } catch {
    return code;
  }
}
