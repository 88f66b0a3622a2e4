/**
 * Relative date ranges ("today", "last 7 days", "this quarter", "from 2 weeks ago to today"), resolved the way
 * Cube's API gateway resolves them (its dateParser: fixed patterns first, then chrono-node for free text), but in
 * UTC and against the gateway's clock rather than the machine's, so a test can pin "now" and every process agrees.
 * Absolute ranges are checked too: a date ClickHouse cannot read would otherwise fail there, as a server error.
 */
import * as chrono from 'chrono-node';
import { DateTime, type DateTimeUnit } from 'luxon';
import { DomainError } from '../platform/errors.ts';

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Cube's wire format for a resolved bound: local (here UTC) time with milliseconds, no zone suffix. */
const FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS";

const PERIOD = /(this|last|next)\s+(day|week|month|year|quarter|hour|minute|second)/;
const SPAN = /(last|next)\s+(\d+)\s+(day|week|month|year|quarter|hour|minute|second)/;
const BETWEEN = /^from (.*) to (.*)$/;

// Cube's weeks are ISO weeks (Monday first); luxon's startOf('week') is ISO too.
const span = (unit: Unit): DateTimeUnit => unit;

/** The finest unit the text names, as Cube decides how far to round a free-text bound (day by default). */
const exactUnit = (text: string): Unit =>
  (['second', 'minute', 'hour'] as const).find((u) => text.includes(u)) ?? 'day';

/** chrono-node's reading of one moment, as a UTC date-time (its components are in the reference's zone, UTC). */
function toDateTime(c: chrono.ParsedComponents): DateTime {
  return DateTime.fromObject(
    {
      year: c.get('year')!,
      month: c.get('month')!,
      day: c.get('day')!,
      hour: c.get('hour') ?? 0,
      minute: c.get('minute') ?? 0,
      second: c.get('second') ?? 0,
      millisecond: c.get('millisecond') ?? 0,
    },
    { zone: 'utc' },
  );
}

/** Free text ("2 weeks ago", "now", "March 3", "2026-01-01 - 2026-02-01"), read in UTC at `now`; null if none. */
function freeText(text: string, now: Date): { start: DateTime; end?: DateTime } | null {
  const [result] = chrono.parse(text, { instant: now, timezone: 'UTC' });
  if (!result) return null;
  return { start: toDateTime(result.start), ...(result.end ? { end: toDateTime(result.end) } : {}) };
}

function unparsable(field: string, text: string): DomainError {
  return new DomainError(
    'invalid_input',
    'invalid_date_range',
    `${field} "${text}" is not a date range: use two dates ["2026-01-01", "2026-01-31"] or words such as "today", "last 7 days", "this month" or "from 2 weeks ago to now".`,
    [{ field, message: `cannot read "${text}" as a date range` }],
  );
}

/** A relative date range as [from, to] in Cube's format, inclusive at both ends, computed at `now` in UTC. */
export function resolveRelativeRange(text: string, now: Date, field = 'dateRange'): [string, string] {
  const lower = text.toLowerCase().trim();
  const at = DateTime.fromJSDate(now, { zone: 'utc' });
  let range: [DateTime, DateTime];

  const between = BETWEEN.exec(lower);
  const period = PERIOD.exec(lower);
  const spanMatch = SPAN.exec(lower);
  // "from ... to ..." first: Cube tests for "today" before it, so "from 2 weeks ago to today" meant just today.
  if (between) {
    const unit = exactUnit(lower);
    const from = freeText(between[1]!, now);
    const to = freeText(between[2]!, now);
    if (!from || !to) throw unparsable(field, text);
    range = [from.start.startOf(span(unit)), to.start.endOf(span(unit))];
  } else if (period) {
    const unit = period[2] as Unit;
    const shift = period[1] === 'last' ? -1 : period[1] === 'next' ? 1 : 0;
    const moved = at.plus({ [unit]: shift });
    range = [moved.startOf(span(unit)), moved.endOf(span(unit))];
  } else if (spanMatch) {
    const count = Number(spanMatch[2]);
    const unit = spanMatch[3] as Unit;
    // "last 7 days" is the seven whole days before today; "next 7 days" the seven after it (Cube's reading).
    range =
      spanMatch[1] === 'last'
        ? [at.minus({ [unit]: count }).startOf(span(unit)), at.minus({ [unit]: 1 }).endOf(span(unit))]
        : [at.plus({ [unit]: 1 }).startOf(span(unit)), at.plus({ [unit]: count }).endOf(span(unit))];
  } else if (/today/.test(lower)) {
    range = [at.startOf('day'), at.endOf('day')];
  } else if (/yesterday/.test(lower)) {
    const day = at.minus({ days: 1 });
    range = [day.startOf('day'), day.endOf('day')];
  } else if (/tomorrow/.test(lower)) {
    const day = at.plus({ days: 1 });
    range = [day.startOf('day'), day.endOf('day')];
  } else {
    const unit = exactUnit(lower);
    const found = freeText(lower, now);
    if (!found) throw unparsable(field, text);
    range = [found.start.startOf(span(unit)), (found.end ?? found.start).endOf(span(unit))];
  }
  if (range[0] > range[1]) throw unparsable(field, text);
  return [range[0].toFormat(FORMAT), range[1].toFormat(FORMAT)];
}

/** An absolute bound as Cube takes it: an ISO 8601 date or date-time (UTC; a `Z` is allowed). */
export function checkAbsoluteDate(value: string, field: string): string {
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || !parsed.isValid) {
    throw new DomainError(
      'invalid_input',
      'invalid_date',
      `${field} "${value}" is not a date: use ISO 8601, such as 2026-11-30 or 2026-11-30T12:00:00.000.`,
      [{ field, message: `"${value}" is not an ISO 8601 date` }],
    );
  }
  return value;
}
