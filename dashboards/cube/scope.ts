/**
 * Puts a dashboard's filters into a Cube query. Each card names the members that carry the period, the country
 * and the category in the cube it reads (they differ: `orders.placed_at` vs `daily_gmv.day`, `buyers.country`
 * vs `daily_gmv.buyer_country`); a filter the cube has no member for is left out, and the card says so.
 * The gateway still adds the caller's row rules: these filters only ever narrow.
 */
import type { Filter, Query } from '@cubejs-client/core';
import type { DashboardFilters } from '../controls/DashboardFilters.tsx';
import { cubeDateRange, type DayRange } from '../controls/period.ts';

export interface ScopeMembers {
  /** The time dimension the period applies to. */
  time?: string;
  country?: string;
  category?: string;
}

/** The query with `range` on its time dimension (kept granularity) and the country/category filters. */
export function scoped(
  query: Query,
  members: ScopeMembers,
  filters: Pick<DashboardFilters, 'country' | 'category'>,
  range: DayRange | null,
): Query {
  const extra: Filter[] = [];
  if (members.country && filters.country)
    extra.push({ member: members.country, operator: 'equals', values: [filters.country] });
  if (members.category && filters.category)
    extra.push({ member: members.category, operator: 'equals', values: [filters.category] });
  let timeDimensions = query.timeDimensions ?? [];
  if (members.time && range) {
    const dateRange = cubeDateRange(range);
    const existing = timeDimensions.find((t) => t.dimension === members.time);
    timeDimensions = existing
      ? timeDimensions.map((t) => (t.dimension === members.time ? { ...t, dateRange } : t))
      : [...timeDimensions, { dimension: members.time, dateRange }];
  }
  return {
    ...query,
    ...(timeDimensions.length ? { timeDimensions } : {}),
    ...(extra.length || query.filters ? { filters: [...(query.filters ?? []), ...extra] } : {}),
  };
}

/** Which of the page's filters a card cannot apply, for its "not filtered by …" note. */
export function unappliedFilters(
  members: ScopeMembers,
  filters: DashboardFilters,
): Array<'country' | 'category'> {
  const missing: Array<'country' | 'category'> = [];
  if (filters.country && !members.country) missing.push('country');
  if (filters.category && !members.category) missing.push('category');
  return missing;
}
