/**
 * The period a dashboard shows and the period it is compared with, as whole UTC days (a month bucket in the
 * warehouse is a UTC month, so a UTC day is the only day that adds up). Pure functions: the filter bar, the
 * queries and the tests all derive the same windows from the same URL.
 */
import { controlMessages } from './messages.ts';

export const PRESETS = ['30d', '90d', 'ytd', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_LABELS: Record<Preset, string> = controlMessages.presets;

export const COMPARISONS = ['previous', 'year'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const COMPARISON_LABELS: Record<Comparison, string> = controlMessages.comparisons;

/** Inclusive first and last day, `YYYY-MM-DD` (UTC). */
export interface DayRange {
  from: string;
  to: string;
}

/** What the date controls hold: a preset, or custom days. */
export interface PeriodChoice {
  preset: Preset;
  /** Only for `custom`. */
  custom?: DayRange;
  compare: Comparison;
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const todayUtc = (now = Date.now()) => isoDay(Math.floor(now / DAY_MS) * DAY_MS);

/** A real calendar day in `YYYY-MM-DD` (2026-02-30 is not). */
export function isDay(value: string | null | undefined): value is string {
  return !!value && DAY.test(value) && isoDay(dayMs(value)) === value;
}

/** Number of days in a range, both ends included. */
export const lengthInDays = (r: DayRange) => Math.round((dayMs(r.to) - dayMs(r.from)) / DAY_MS) + 1;

/** The days a choice stands for, today (UTC) included in the presets. */
export function rangeOf(choice: PeriodChoice, now = Date.now()): DayRange {
  const today = todayUtc(now);
  switch (choice.preset) {
    case '30d':
      return { from: isoDay(dayMs(today) - 29 * DAY_MS), to: today };
    case '90d':
      return { from: isoDay(dayMs(today) - 89 * DAY_MS), to: today };
    case 'ytd':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'custom':
      return choice.custom ?? { from: isoDay(dayMs(today) - 29 * DAY_MS), to: today };
  }
}

/** The same calendar day a year earlier; 29 February becomes 28 February. */
function yearEarlier(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const candidate = new Date(Date.UTC(y - 1, m - 1, d));
  // Date.UTC rolls 2023-02-29 over to 1 March: step back to the month's last day instead.
  return candidate.getUTCMonth() === m - 1 ? isoDay(candidate.getTime()) : isoDay(Date.UTC(y - 1, m, 0));
}

/**
 * The period to compare with: the same number of days just before (previous), or the same calendar days a
 * year before (year).
 */
export function comparisonRange(range: DayRange, compare: Comparison): DayRange {
  if (compare === 'year') return { from: yearEarlier(range.from), to: yearEarlier(range.to) };
  const days = lengthInDays(range);
  return { from: isoDay(dayMs(range.from) - days * DAY_MS), to: isoDay(dayMs(range.from) - DAY_MS) };
}

/** A range as Cube's `dateRange`: explicit UTC timestamps, so the server never guesses a time zone. */
export const cubeDateRange = (r: DayRange): [string, string] => [
  `${r.from}T00:00:00.000`,
  `${r.to}T23:59:59.999`,
];

/** Every day of a range in order (for series that must show days without orders as 0). */
export function daysOf(r: DayRange): string[] {
  return Array.from({ length: lengthInDays(r) }, (_, i) => isoDay(dayMs(r.from) + i * DAY_MS));
}

export type Granularity = 'day' | 'week' | 'month';

/** A time series fine enough to show a shape and coarse enough to read: days up to two months, then weeks. */
export function granularityFor(r: DayRange): Granularity {
  const days = lengthInDays(r);
  return days <= 62 ? 'day' : days <= 190 ? 'week' : 'month';
}

/** The first and last day of the bucket that starts on `start` (a day, a Monday-started week, a month). */
export function bucketRange(start: string, granularity: Granularity): DayRange {
  const from = start.slice(0, 10);
  if (granularity === 'day') return { from, to: from };
  if (granularity === 'week') return { from, to: isoDay(dayMs(from) + 6 * DAY_MS) };
  const [y, m] = from.split('-').map(Number) as [number, number];
  return { from, to: isoDay(Date.UTC(y, m, 0)) };
}

/** Months are the grain of monthly facts (MRR, platform revenue): `YYYY-MM-01` of each. */
export interface MonthWindow {
  first: string;
  last: string;
  months: number;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDay(Date.UTC(y, m - 1 + n, 1));
};

/**
 * The calendar months that stand for a range in monthly facts: those that begin inside it, or, for a range
 * inside one month, that month. So "last 30 days" reads the current month and "this year" reads its months.
 */
export function monthWindow(r: DayRange): MonthWindow {
  const firstInside = monthStart(r.from) === r.from ? r.from : addMonths(monthStart(r.from), 1);
  const last = monthStart(r.to);
  if (firstInside > last) return { first: last, last, months: 1 };
  const months =
    (Number(last.slice(0, 4)) - Number(firstInside.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(firstInside.slice(5, 7)) +
    1;
  return { first: firstInside, last, months };
}

/** The months to compare a month window with: as many just before, or the same months a year before. */
export function comparisonMonths(w: MonthWindow, compare: Comparison): MonthWindow {
  const shift = compare === 'year' ? -12 : -w.months;
  return { first: addMonths(w.first, shift), last: addMonths(w.last, shift), months: w.months };
}

export const monthRange = (w: MonthWindow): DayRange => ({
  from: w.first,
  to: isoDay(dayMs(addMonths(w.last, 1)) - DAY_MS),
});

/** Reads the period from URL parameters (`range`, `from`, `to`, `compare`); anything unreadable is the default. */
export function periodFromParams(params: URLSearchParams, fallback: PeriodChoice): PeriodChoice {
  const preset = PRESETS.find((p) => p === params.get('range')) ?? fallback.preset;
  const compare = COMPARISONS.find((c) => c === params.get('compare')) ?? fallback.compare;
  if (preset !== 'custom') return { preset, compare };
  const from = params.get('from');
  const to = params.get('to');
  if (!isDay(from) || !isDay(to)) return { ...fallback, compare };
  return { preset, compare, custom: from <= to ? { from, to } : { from: to, to: from } };
}

/** Writes the period into URL parameters, leaving other parameters (filters) as they are. */
export function periodToParams(choice: PeriodChoice, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('range', choice.preset);
  next.set('compare', choice.compare);
  if (choice.preset === 'custom' && choice.custom) {
    next.set('from', choice.custom.from);
    next.set('to', choice.custom.to);
  } else {
    next.delete('from');
    next.delete('to');
  }
  return next;
}

/**
 * The first day of every bucket that touches a range, in order: each day, each Monday-started week (as
 * ClickHouse's toMonday), or each month. Series are laid on these so a bucket without orders shows as 0.
 */
export function bucketsOf(r: DayRange, granularity: Granularity): string[] {
  if (granularity === 'day') return daysOf(r);
  const out: string[] = [];
  if (granularity === 'week') {
    const weekday = (new Date(dayMs(r.from)).getUTCDay() + 6) % 7; // Monday = 0
    for (let t = dayMs(r.from) - weekday * DAY_MS; t <= dayMs(r.to); t += 7 * DAY_MS) out.push(isoDay(t));
    return out;
  }
  for (let m = monthStart(r.from); m <= r.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The part of a bucket inside the range: a drill-down from a bucket never leaves the period shown. */
export function clampRange(inner: DayRange, outer: DayRange | null): DayRange {
  if (!outer) return inner;
  return {
    from: inner.from < outer.from ? outer.from : inner.from,
    to: inner.to > outer.to ? outer.to : inner.to,
  };
}
