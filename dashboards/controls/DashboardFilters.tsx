/**
 * The filters of a dashboard page (period, comparison, country, category), kept in the URL so a view can be
 * shared, bookmarked and gone back to. The page owns them through `DashboardFiltersProvider`; every card reads
 * them with `useDashboardFilters`.
 *
 * The embed page has no router and no filter bar: there a card gets the `fallback` it names, which is the fixed
 * period it always had (the executive figures all time, the manufacturer's last 30 days), and drill-downs are
 * off, since an embed token opens only the cubes its charts need.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import {
  comparisonRange,
  periodFromParams,
  periodToParams,
  rangeOf,
  type DayRange,
  type PeriodChoice,
} from './period.ts';

export interface DashboardFilters {
  /** Null: all time, nothing to compare with. */
  period: PeriodChoice | null;
  range: DayRange | null;
  comparison: DayRange | null;
  /** Year-ago and previous ranges, both, for figures that show both changes. */
  previous: DayRange | null;
  yearAgo: DayRange | null;
  country: string | null;
  category: string | null;
}

export interface FiltersApi {
  filters: DashboardFilters;
  setPeriod: (choice: PeriodChoice) => void;
  setFilter: (name: 'country' | 'category', value: string | null) => void;
}

const FiltersContext = createContext<FiltersApi | null>(null);

/** Resolves a period choice (and the other filters) into the day ranges the queries use. */
export function resolveFilters(
  period: PeriodChoice | null,
  others: { country?: string | null; category?: string | null } = {},
  now = Date.now(),
): DashboardFilters {
  const range = period ? rangeOf(period, now) : null;
  return {
    period,
    range,
    comparison: period && range ? comparisonRange(range, period.compare) : null,
    previous: range ? comparisonRange(range, 'previous') : null,
    yearAgo: range ? comparisonRange(range, 'year') : null,
    country: others.country ?? null,
    category: others.category ?? null,
  };
}

export const ALL_TIME: DashboardFilters = resolveFilters(null);
export const LAST_30_DAYS_CHOICE: PeriodChoice = { preset: '30d', compare: 'previous' };

const FILTER_PARAM = /^[A-Za-z0-9_\-/ .&]{1,120}$/;
const readFilter = (params: URLSearchParams, name: string) => {
  const value = params.get(name);
  return value && FILTER_PARAM.test(value) ? value : null;
};

export function DashboardFiltersProvider(props: { defaultPeriod: PeriodChoice; children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const { defaultPeriod } = props;
  const filters = useMemo(() => {
    const current = new URLSearchParams(key);
    return resolveFilters(periodFromParams(current, defaultPeriod), {
      country: readFilter(current, 'country'),
      category: readFilter(current, 'category'),
    });
  }, [key, defaultPeriod]);
  // react-router hands a functional update the params of the last render, so two changes made before the page
  // re-renders (clear the country, then pick a period) would each start from the same stale params and the
  // second would undo the first. Start from the address as it is now instead.
  const latest = () => new URLSearchParams(window.location.search);
  const setPeriod = useCallback(
    (choice: PeriodChoice) => setParams(() => periodToParams(choice, latest())),
    [setParams],
  );
  const setFilter = useCallback(
    (name: 'country' | 'category', value: string | null) =>
      setParams(() => {
        const next = latest();
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      }),
    [setParams],
  );
  const api = useMemo(() => ({ filters, setPeriod, setFilter }), [filters, setPeriod, setFilter]);
  return <FiltersContext.Provider value={api}>{props.children}</FiltersContext.Provider>;
}

/** The page's filters, or `fallback` outside a dashboard page (the embed). */
export function useDashboardFilters(fallback: DashboardFilters = ALL_TIME): DashboardFilters {
  return useContext(FiltersContext)?.filters ?? fallback;
}

/** The filters and their setters; null outside a dashboard page. */
export const useFiltersApi = () => useContext(FiltersContext);
