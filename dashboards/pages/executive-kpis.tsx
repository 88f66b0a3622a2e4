/**
 * The executive dashboard's headline figures, each with its change against the previous period and the same
 * period a year before. Order figures (GMV, net GMV, take rate, AOV, active buyers and sellers) come from
 * `orders` for the exact days of the period; platform revenue, MRR and ARR are monthly facts
 * (`platform_revenue`), so they read the calendar months that begin in the period (see period.ts monthWindow).
 */
import { CompareTile } from '../charts/CompareTile.tsx';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { comparisonMonths, monthRange, monthWindow } from '../controls/period.ts';
import { changesOf, numberOf, useComparedQuery, type Figures } from '../cube/useComparedQuery.ts';
import { cubeMessages } from '../cube/messages.ts';
import { formatInteger, formatMonth, formatPercent, formatUsdFromCents, toNumber } from '../format.ts';
import { pageMessages as m } from './messages.ts';

export const DAILY_MEMBERS = { time: 'daily_gmv.day', country: 'daily_gmv.buyer_country' };

const ORDER_MEASURES = [
  'daily_gmv.gmv',
  'daily_gmv.net_gmv',
  'daily_gmv.orders',
  'daily_gmv.take_rate',
  'daily_gmv.aov',
  'daily_gmv.active_buyers',
  'daily_gmv.active_sellers',
];

const noOrders = (row: Figures) => (toNumber(row['daily_gmv.orders']) ?? 0) === 0;

/** The order tiles (the embed's "Headline figures": all time there, with no changes). */
export function OrderTiles() {
  const filters = useDashboardFilters(ALL_TIME);
  const figures = useComparedQuery({ measures: ORDER_MEASURES }, DAILY_MEMBERS, filters);
  const row = figures.current;
  const value = (member: string) => (row ? (toNumber(row[member]) ?? 0) : null);
  const ratio = (member: string) => (row ? toNumber(row[member]) : null);
  const changes = (member: string, unit: 'percent' | 'points' = 'percent') =>
    changesOf(figures, filters, numberOf(member), { unit, emptyThen: noOrders });
  const tile = (
    member: string,
    label: string,
    format: (n: number) => string,
    testId: string,
    options: { ratio?: boolean; unit?: 'percent' | 'points' } = {},
  ) => {
    const n = options.ratio ? ratio(member) : value(member);
    return (
      <CompareTile
        key={member}
        label={label}
        value={row ? (n === null ? '–' : format(n)) : null}
        raw={n}
        testId={testId}
        changes={changes(member, options.unit)}
      />
    );
  };
  return (
    <>
      {tile('daily_gmv.gmv', m.gmv, (n) => formatUsdFromCents(n), 'kpi-gmv')}
      {tile('daily_gmv.net_gmv', m.executive.netGmv, (n) => formatUsdFromCents(n), 'kpi-net-gmv')}
      {tile('daily_gmv.take_rate', m.executive.takeRate, formatPercent, 'kpi-take-rate', {
        ratio: true,
        unit: 'points',
      })}
      {tile('daily_gmv.orders', m.orders, formatInteger, 'kpi-orders')}
      {tile('daily_gmv.aov', m.aov, (n) => formatUsdFromCents(n), 'kpi-aov', { ratio: true })}
      {tile('daily_gmv.active_buyers', m.executive.activeBuyers, formatInteger, 'kpi-active-buyers')}
      {tile('daily_gmv.active_sellers', m.executive.activeSellers, formatInteger, 'kpi-active-sellers')}
    </>
  );
}

/** The embeddable headline row: order figures only (the embed token opens the `daily_gmv` cube for it). */
export function Kpis() {
  return (
    <div className="kpi-row">
      <OrderTiles />
    </div>
  );
}

const REVENUE_MEMBERS = { time: 'platform_revenue.month' };

/**
 * Platform net revenue over the months of the period, and MRR / ARR at its last month (ARR = MRR x 12, the
 * semantic layer's definition). Not split by buyer country: revenue is per manufacturer.
 */
export function RevenueTiles() {
  const filters = useDashboardFilters(ALL_TIME);
  const months = filters.range ? monthWindow(filters.range) : null;
  const previous = months ? comparisonMonths(months, 'previous') : null;
  const yearAgo = months ? comparisonMonths(months, 'year') : null;
  const windows =
    months && previous && yearAgo
      ? { current: monthRange(months), previous: monthRange(previous), yearAgo: monthRange(yearAgo) }
      : null;
  const figures = useComparedQuery(
    {
      measures: ['platform_revenue.net_revenue', 'platform_revenue.subscription_mrr'],
      timeDimensions: [{ dimension: 'platform_revenue.month', granularity: 'month' }],
    },
    REVENUE_MEMBERS,
    filters,
    windows,
  );
  // Rows are months: revenue adds up over them; MRR is the last month's.
  const parts = figures.query.resultSet
    ? windows
      ? figures.query.resultSet.decompose()
      : [figures.query.resultSet]
    : null;
  const monthsOf = (i: number) =>
    parts?.[i]
      ? (parts[i]!.rawData() as Figures[]).sort((a, b) =>
          String(a['platform_revenue.month.month']).localeCompare(String(b['platform_revenue.month.month'])),
        )
      : null;
  const summarise = (i: number): Figures | null => {
    const rows = monthsOf(i);
    if (!rows) return null;
    if (rows.length === 0) return { empty: true };
    const revenue = rows.reduce((s, r) => s + (toNumber(r['platform_revenue.net_revenue']) ?? 0), 0);
    const mrr = toNumber(rows.at(-1)!['platform_revenue.subscription_mrr']) ?? 0;
    return { revenue, mrr, arr: mrr * 12 };
  };
  const summed = { ...figures, current: summarise(0), previous: summarise(1), yearAgo: summarise(2) };
  const current = summed.current;
  const ranges = windows ? { previous: windows.previous, yearAgo: windows.yearAgo } : undefined;
  const changes = (key: string) =>
    changesOf(summed, filters, (r) => toNumber(r[key]), {
      emptyThen: (r) => r.empty === true,
      nothing: cubeMessages.noRevenueIn,
      ranges,
    });
  const figure = (key: string) => (current ? (current.empty ? 0 : (toNumber(current[key]) ?? 0)) : null);
  const monthsLabel = months
    ? months.months === 1
      ? formatMonth(months.first)
      : `${formatMonth(months.first)} – ${formatMonth(months.last)}`
    : m.executive.allTime;
  const note = filters.country ? m.executive.allCountries(monthsLabel) : monthsLabel;
  return (
    <>
      <CompareTile
        label={m.executive.netRevenue}
        value={current ? formatUsdFromCents(figure('revenue')) : null}
        raw={figure('revenue')}
        note={note}
        testId="kpi-net-revenue"
        changes={changes('revenue')}
      />
      <CompareTile
        label={m.executive.mrr}
        value={current ? formatUsdFromCents(figure('mrr')) : null}
        raw={figure('mrr')}
        note={months ? m.executive.atEndOf(formatMonth(months.last)) : m.executive.latestMonth}
        testId="kpi-mrr"
        changes={changes('mrr')}
      />
      <CompareTile
        label={m.executive.arr}
        value={current ? formatUsdFromCents(figure('arr')) : null}
        raw={figure('arr')}
        note={m.executive.arrNote}
        testId="kpi-arr"
        changes={changes('arr')}
      />
    </>
  );
}
