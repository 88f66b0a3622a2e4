/**
 * Headline figures for the period and for the two periods they are compared with (the one just before, the same
 * one a year before), in one request: three Cube queries that differ only in their date range. Ratios (AOV,
 * take rate) and distinct counts (active buyers) cannot be added up from a finer series, so each window is
 * asked as a whole. Without a period (all time) only the current figures are asked.
 */
import type { Query } from '@cubejs-client/core';
import type { DashboardFilters } from '../controls/DashboardFilters.tsx';
import type { DayRange } from '../controls/period.ts';
import { change, formatDayRange, toNumber } from '../format.ts';
import type { TileChange } from '../charts/CompareTile.tsx';
import { cubeMessages as m } from './messages.ts';
import { scoped, type ScopeMembers } from './scope.ts';
import { useLiveQuery, type LiveQuery } from './useLiveQuery.ts';

export type Figures = Record<string, unknown>;

export interface ComparedFigures {
  query: LiveQuery;
  current: Figures | null;
  previous: Figures | null;
  yearAgo: Figures | null;
}

/** `windows` overrides the page's ranges (monthly facts read whole months). */
export function useComparedQuery(
  base: Query,
  members: ScopeMembers,
  filters: DashboardFilters,
  windows?: { current: DayRange; previous: DayRange; yearAgo: DayRange } | null,
): ComparedFigures {
  const ranges = windows
    ? [windows.current, windows.previous, windows.yearAgo]
    : filters.range
      ? [filters.range, filters.previous!, filters.yearAgo!]
      : [null];
  const queries = ranges.map((r) => scoped(base, members, filters, r));
  const query = useLiveQuery(queries.length === 1 ? queries[0]! : queries);
  const parts = query.resultSet
    ? queries.length === 1
      ? [query.resultSet]
      : query.resultSet.decompose()
    : null;
  // rawData keeps nulls (a ratio over nothing); tablePivot would make them 0.
  const rowsOf = (i: number): Figures[] | null => (parts?.[i] ? (parts[i]!.rawData() as Figures[]) : null);
  const first = (i: number) => {
    const rows = rowsOf(i);
    return rows ? (rows[0] ?? {}) : null;
  };
  return { query, current: first(0), previous: first(1), yearAgo: first(2) };
}

/** How one figure changed against both comparison periods, with the reason where it cannot be said. */
export function changesOf(
  figures: ComparedFigures,
  filters: DashboardFilters,
  read: (row: Figures) => number | null,
  options: {
    unit?: 'percent' | 'points';
    /** True when the comparison period had nothing to compare with (no orders then). */
    emptyThen?: (row: Figures) => boolean;
    /** Why a change is missing when the comparison period had nothing (default: no orders then). */
    nothing?: (period: string) => string;
    /** The comparison windows when they are not the page's (whole months). */
    ranges?: { previous: DayRange; yearAgo: DayRange };
  } = {},
): TileChange[] | undefined {
  if (!filters.range || !figures.current) return undefined;
  const unit = options.unit ?? 'percent';
  const now = read(figures.current);
  const one = (label: string, then: Figures | null, range: DayRange): TileChange => {
    const reason = (options.nothing ?? m.noOrdersIn)(formatDayRange(range));
    if (!then || options.emptyThen?.(then)) return { label, delta: null, unit, missing: reason };
    const before = read(then);
    if (before === null || now === null) return { label, delta: null, unit, missing: reason };
    if (unit === 'points') return { label, delta: now - before, unit };
    const delta = change(now, before);
    return delta === null
      ? {
          label,
          delta,
          unit,
          missing: m.zeroIn(formatDayRange(range)),
        }
      : { label, delta, unit };
  };
  return [
    one(m.vsPrevious, figures.previous, options.ranges?.previous ?? filters.previous!),
    one(m.vsYearBefore, figures.yearAgo, options.ranges?.yearAgo ?? filters.yearAgo!),
  ];
}

export const numberOf = (member: string) => (row: Figures) => toNumber(row[member]);
