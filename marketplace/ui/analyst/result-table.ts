/**
 * The explorer's answer as a table: which columns a Cube load answer has (time first, then dimensions, then
 * measures, as people read a report) and how each value is shown. Values stay exactly what the API answered
 * (strings; money in USD cents, as the member titles say); only digit grouping and time labels are added, and
 * the raw value travels with each cell for tests and exports. Digits are grouped the page's way ("12.345" in
 * Spanish); time labels are ISO-like and the same in every language.
 */
import { formatLocale } from '../i18n/index.ts';
import type { CubeQuery } from './explore-query.ts';

export interface Annotation {
  title: string;
  shortTitle: string;
  type: string;
  meta?: { unit?: string; currency?: string };
}

/** What `POST /cubejs-api/v1/load` answers for one query (Cube's REST format). */
export interface LoadAnswer {
  query: CubeQuery & { limit?: number };
  data: Array<Record<string, string | null>>;
  annotation: {
    measures: Record<string, Annotation>;
    dimensions: Record<string, Annotation>;
    timeDimensions: Record<string, Annotation>;
  };
}

export interface ResultColumn {
  /** The key of the value in each row (`orders.placed_at.month` for a grouped time dimension). */
  key: string;
  title: string;
  kind: 'time' | 'dimension' | 'measure';
  type: string;
  granularity?: string;
  /** A member's format from the meta (`percent`). */
  format?: string;
  money: boolean;
}

export function resultColumns(
  query: CubeQuery,
  annotation: LoadAnswer['annotation'],
  formatOf: (member: string) => string | undefined = () => undefined,
  granularityLabel: (granularity: string) => string = (g) => g,
): ResultColumn[] {
  const columns: ResultColumn[] = [];
  for (const td of query.timeDimensions ?? []) {
    if (!td.granularity) continue;
    const key = `${td.dimension}.${td.granularity}`;
    const a = annotation.timeDimensions[key] ?? annotation.timeDimensions[td.dimension];
    columns.push({
      key,
      title: `${a?.title ?? td.dimension} (${granularityLabel(td.granularity)})`,
      kind: 'time',
      type: 'time',
      granularity: td.granularity,
      money: false,
    });
  }
  for (const d of query.dimensions ?? []) {
    const a = annotation.dimensions[d];
    columns.push({
      key: d,
      title: a?.title ?? d,
      kind: 'dimension',
      type: a?.type ?? 'string',
      money: false,
    });
  }
  for (const m of query.measures ?? []) {
    const a = annotation.measures[m];
    columns.push({
      key: m,
      title: a?.title ?? m,
      kind: 'measure',
      type: a?.type ?? 'number',
      format: formatOf(m),
      money: a?.meta?.unit === 'minor',
    });
  }
  return columns;
}

export const isNumericColumn = (c: ResultColumn) => c.type === 'number';

const formatters = new Map<
  string,
  { whole: Intl.NumberFormat; decimal: Intl.NumberFormat; percent: Intl.NumberFormat }
>();

function formattersFor(locale: string) {
  let found = formatters.get(locale);
  if (!found) {
    found = {
      whole: new Intl.NumberFormat(locale),
      decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
    };
    formatters.set(locale, found);
  }
  return found;
}

/**
 * Digit grouping in the page's locale, without passing whole numbers through a float (cents can exceed 2^53 in a
 * long history: they are formatted as a BigInt).
 */
export function formatNumberText(value: string, format?: string, locale: string = formatLocale): string {
  const f = formattersFor(locale);
  if (format === 'percent') {
    const n = Number(value);
    return Number.isFinite(n) ? f.percent.format(n) : value;
  }
  if (/^-?\d+$/.test(value)) return f.whole.format(BigInt(value));
  const n = Number(value);
  return Number.isFinite(n) ? f.decimal.format(n) : value;
}

/** A UTC time bucket as an unambiguous label: 2026, 2026-Q3, 2026-09, 2026-09-07, 2026-09-07 13:00. */
export function formatTimeBucket(value: string, granularity?: string): string {
  const iso = value.replace(' ', 'T');
  const day = iso.slice(0, 10);
  switch (granularity) {
    case 'year':
      return iso.slice(0, 4);
    case 'quarter':
      return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
    case 'month':
      return iso.slice(0, 7);
    case 'week':
    case 'day':
      return day;
    case 'hour':
    case 'minute':
      return `${day} ${iso.slice(11, 16)}`;
    default:
      return `${day} ${iso.slice(11, 19)}`;
  }
}

export function cellText(column: ResultColumn, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (column.kind === 'time' || column.type === 'time') return formatTimeBucket(value, column.granularity);
  if (isNumericColumn(column)) return formatNumberText(value, column.format);
  return value;
}

/** True when the answer has as many rows as the limit allowed: there may be more. */
export const reachedLimit = (answer: LoadAnswer) =>
  answer.data.length > 0 && answer.data.length >= (answer.query.limit ?? Infinity);
