/**
 * Formatting for dashboards. The semantic layer answers money in USD minor units (cents) and numbers as strings;
 * everything shown to people passes through here. Times arrive in UTC; months are labelled in UTC too, since a
 * month bucket is a UTC month.
 */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const usdCompact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const monthLabel = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A Cube number (string, number or null) as a number; null stays null so "no data" is not shown as 0. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export const formatUsdFromCents = (cents: number | null, withCents = false) =>
  cents === null ? '–' : (withCents ? usdCents : usd).format(cents / 100);
export const formatUsdCompactFromCents = (cents: number | null) =>
  cents === null ? '–' : usdCompact.format(cents / 100);
export const formatInteger = (n: number | null) => (n === null ? '–' : integer.format(n));
export const formatPercent = (fraction: number | null) =>
  fraction === null ? '–' : percent.format(fraction);
export const formatMonth = (iso: string) => monthLabel.format(new Date(iso.endsWith('Z') ? iso : `${iso}Z`));
export const formatDay = (iso: string) => dayLabel.format(new Date(iso.endsWith('Z') ? iso : `${iso}Z`));

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

const rangeDay = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "Oct 30, 2026 – Nov 28, 2026" (UTC days, as the periods are). */
export function formatDayRange(r: { from: string; to: string }): string {
  const from = rangeDay.format(new Date(`${r.from}T00:00:00Z`));
  const to = rangeDay.format(new Date(`${r.to}T00:00:00Z`));
  return from === to ? from : `${from} – ${to}`;
}

/** A timestamp the API sent in UTC, shown in the browser's time zone (a row of orders: when it was placed). */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso.endsWith('Z') ? iso : `${iso}Z`));

/** A change as people read it: "+12.3%" for amounts and counts, "+0.4 pp" for rates (a change of a share). */
export function formatChange(delta: number, unit: 'percent' | 'points'): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta * 100).toFixed(1);
  return unit === 'points' ? `${sign}${size} pp` : `${sign}${size}%`;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/** "US" -> "United States"; anything that is not a region code is shown as it is. */
export function countryName(code: string | null | undefined): string {
  if (!code) return 'Unknown';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
