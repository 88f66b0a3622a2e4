/**
 * A measure over the page's period, bucketed by day, week or month (whichever reads best for its length), with
 * the comparison period's values laid on the same buckets by position (day 1 against day 1). Buckets without
 * orders are 0, not missing. Embedded (no period), months over all time, as before.
 */
import { useMemo } from 'react';
import type { DashboardFilters } from '../controls/DashboardFilters.tsx';
import {
  bucketRange,
  bucketsOf,
  clampRange,
  granularityFor,
  type DayRange,
  type Granularity,
} from '../controls/period.ts';
import { scoped, type ScopeMembers } from '../cube/scope.ts';
import { useLiveQuery, type LiveQuery } from '../cube/useLiveQuery.ts';
import { formatDay, formatDayRange, formatMonth, toNumber } from '../format.ts';
import { pageMessages as m } from './messages.ts';

export interface SeriesPoint {
  /** First day of the bucket, `YYYY-MM-DD`. */
  start: string;
  /** On the axis: "Nov 3", "Nov 2" (a week), "Nov 2026". */
  label: string;
  /** In tables: "Nov 3, 2026", "Nov 2, 2026 – Nov 8, 2026", "Nov 2026". */
  rangeLabel: string;
  /** In headings: "on Nov 3, 2026", "Nov 2, 2026 – Nov 8, 2026", "in Nov 2026". */
  longLabel: string;
  value: number;
  compared: number | null;
  /** The bucket's days inside the period: what a drill-down from it shows. */
  range: DayRange;
}

export interface TimeSeries {
  query: LiveQuery;
  points: SeriesPoint[];
  granularity: Granularity;
  /** Header of the bucket column. */
  label: string;
}

const LABELS: Record<Granularity, string> = m.bucket;

function describe(start: string, g: Granularity, period: DayRange | null) {
  const days = clampRange(bucketRange(start, g), period);
  if (g === 'month') {
    const month = formatMonth(start);
    return { label: month, rangeLabel: month, longLabel: m.inMonth(month), range: days };
  }
  const rangeLabel = formatDayRange(days);
  return {
    label: formatDay(start),
    rangeLabel,
    longLabel: g === 'day' ? m.onDay(rangeLabel) : rangeLabel,
    range: days,
  };
}

export function useTimeSeries(
  measure: string,
  members: ScopeMembers & { time: string },
  filters: DashboardFilters,
): TimeSeries {
  const granularity: Granularity = filters.range ? granularityFor(filters.range) : 'month';
  const base = { measures: [measure], timeDimensions: [{ dimension: members.time, granularity }] };
  const queries = [scoped(base, members, filters, filters.range)];
  if (filters.comparison) queries.push(scoped(base, members, filters, filters.comparison));
  const query = useLiveQuery(queries.length === 1 ? queries[0]! : queries);
  const key = `${members.time}.${granularity}`;

  const points = useMemo(() => {
    if (!query.resultSet) return [];
    const parts = queries.length === 1 ? [query.resultSet] : query.resultSet.decompose();
    const byBucket = (i: number) =>
      new Map(
        (parts[i]?.rawData() ?? []).map((r) => [String(r[key]).slice(0, 10), toNumber(r[measure]) ?? 0]),
      );
    const current = byBucket(0);
    const starts = filters.range ? bucketsOf(filters.range, granularity) : [...current.keys()].sort();
    const compared = filters.comparison ? byBucket(1) : null;
    const comparedStarts = filters.comparison ? bucketsOf(filters.comparison, granularity) : [];
    return starts.map((start, i) => ({
      start,
      ...describe(start, granularity, filters.range),
      value: current.get(start) ?? 0,
      compared: compared ? (comparedStarts[i] ? (compared.get(comparedStarts[i]!) ?? 0) : null) : null,
    }));
    // queries derive from filters, granularity and measure, all listed.
  }, [query.resultSet, filters, granularity, key, measure]);

  return { query, points, granularity, label: LABELS[granularity] };
}
