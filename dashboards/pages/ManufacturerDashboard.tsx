/**
 * A manufacturer's own sales: the period against the previous one and the same one a year before, top products,
 * new vs returning customers, where its buyers are, and its place among anonymised peers. The gateway's row
 * rules keep every query to this manufacturer's rows; nothing here filters by company. Embedded (no filter
 * bar), the sales trend keeps its last 30 days against the 30 before and the other charts all time, as before.
 */
import { useMemo, useRef } from 'react';
import { Card } from '../../marketplace/ui/components/index.ts';
import { CompareTile } from '../charts/CompareTile.tsx';
import { EChart, type ChartHandle } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { centsToDecimal } from '../controls/csv.ts';
import {
  ALL_TIME,
  DashboardFiltersProvider,
  LAST_30_DAYS_CHOICE,
  resolveFilters,
  useDashboardFilters,
} from '../controls/DashboardFilters.tsx';
import { DrillDownProvider, useDrillDown } from '../controls/DrillDown.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { FilterBar, type ChoiceFilter } from '../controls/FilterBar.tsx';
import { COMPARISON_LABELS } from '../controls/period.ts';
import { AnalyticsProvider } from '../cube/AnalyticsProvider.tsx';
import { changesOf, numberOf, useComparedQuery, type Figures } from '../cube/useComparedQuery.ts';
import {
  countryName,
  formatDayRange,
  formatInteger,
  formatPercent,
  formatUsdCompactFromCents,
  formatUsdFromCents,
  toNumber,
} from '../format.ts';
import { MANUFACTURER_DRILLS } from './drill-kinds.ts';
import { manufacturerMessages as mm } from './manufacturer-messages.ts';
import { pageMessages as m } from './messages.ts';
import { BuyerMap, NewVsReturning, TopProducts } from './manufacturer-charts.tsx';
import { Benchmarks } from './seller-benchmarks.tsx';
import { PageHeader } from './PageHeader.tsx';
import { useTimeSeries } from './time-series.ts';

export { BuyerMap, NewVsReturning, TopProducts } from './manufacturer-charts.tsx';
export { Benchmarks } from './seller-benchmarks.tsx';

const ORDER_MEMBERS = { time: 'orders.placed_at', country: 'buyers.country' };
/** Embedded, the sales trend is what it always was: the last 30 days against the 30 before. */
const EMBED_PERIOD = resolveFilters(LAST_30_DAYS_CHOICE);
const noOrders = (row: Figures) => (toNumber(row['orders.count']) ?? 0) === 0;

export function SalesTrend() {
  const filters = useDashboardFilters(EMBED_PERIOD);
  const drill = useDrillDown();
  const chart = useRef<ChartHandle | null>(null);
  const figures = useComparedQuery(
    { measures: ['orders.gmv', 'orders.count', 'orders.aov'] },
    ORDER_MEMBERS,
    filters,
  );
  const series = useTimeSeries('orders.gmv', ORDER_MEMBERS, filters);
  const { points, granularity } = series;
  const row = figures.current;
  const value = (member: string) => (row ? (toNumber(row[member]) ?? 0) : null);
  const changes = (member: string) => changesOf(figures, filters, numberOf(member), { emptyThen: noOrders });
  const gmv = value('orders.gmv');
  const orders = value('orders.count');
  const aov = row ? toNumber(row['orders.aov']) : null;
  const compareName = COMPARISON_LABELS[filters.period!.compare];
  const option = useMemo(
    () => ({
      grid: { left: 64, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsdFromCents(v) },
      xAxis: { type: 'category', data: points.map((p) => p.label) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatUsdCompactFromCents(v) } },
      series: [
        { type: 'line', name: mm.thisPeriod, data: points.map((p) => p.value) },
        {
          type: 'line',
          name: compareName,
          data: points.map((p) => p.compared),
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [points, compareName],
  );
  const open = drill
    ? (i: number) => {
        const p = points[i];
        if (p) drill({ kind: 'orders', title: m.ordersPlaced(p.longLabel), filters: [], range: p.range });
      }
    : undefined;
  const range = filters.range!;
  return (
    <>
      <div className="kpi-row span-2">
        <CompareTile
          label={mm.sales}
          value={gmv === null ? null : formatUsdFromCents(gmv)}
          raw={gmv}
          changes={changes('orders.gmv')}
          testId="kpi-sales"
        />
        <CompareTile
          label={m.orders}
          value={orders === null ? null : formatInteger(orders)}
          raw={orders}
          changes={changes('orders.count')}
          testId="kpi-orders"
        />
        <CompareTile
          label={m.aov}
          value={row ? (aov === null ? '–' : formatUsdFromCents(aov)) : null}
          raw={aov}
          changes={changes('orders.aov')}
        />
        <Customers />
      </div>
      <Card
        title={mm.trend}
        subtitle={mm.trendSubtitle(granularity, formatDayRange(range), compareName)}
        className="span-2"
        actions={
          <ExportButtons
            title={mm.trend}
            rows={series.query.resultSet ? points : null}
            chart={chart}
            columns={[
              { header: series.label, value: (p) => p.start },
              { header: mm.salesUsd, value: (p) => centsToDecimal(p.value) },
              { header: mm.comparedUsd(compareName), value: (p) => centsToDecimal(p.compared) },
            ]}
          />
        }
      >
        <QueryState query={series.query} isEmpty={false} empty={null}>
          {() => (
            <EChart
              option={option}
              handle={chart}
              legend={[{ name: mm.thisPeriod }, { name: compareName, dashed: true }]}
              onSelect={open ? (p) => open(p.dataIndex) : undefined}
              label={mm.trendLabel(granularity, formatUsdFromCents(gmv), formatDayRange(range))}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}

function Customers() {
  const filters = useDashboardFilters(ALL_TIME);
  const figures = useComparedQuery(
    { measures: ['buyer_activity.buyers', 'buyer_activity.repeat_rate_90d'] },
    { time: 'buyer_activity.placed_at' },
    filters,
  );
  const row = figures.current;
  const buyers = row ? (toNumber(row['buyer_activity.buyers']) ?? 0) : null;
  const repeat = row ? toNumber(row['buyer_activity.repeat_rate_90d']) : null;
  return (
    <CompareTile
      label={mm.customers}
      value={buyers === null ? null : formatInteger(buyers)}
      raw={buyers}
      note={mm.repeatRate(formatPercent(repeat), filters.country !== null)}
      changes={changesOf(figures, filters, numberOf('buyer_activity.buyers'), {
        emptyThen: (r) => (toNumber(r['buyer_activity.buyers']) ?? 0) === 0,
      })}
    />
  );
}

const CHOICES: ChoiceFilter[] = [
  {
    name: 'country',
    label: m.buyerCountry,
    allLabel: m.allCountries,
    options: { measures: ['daily_gmv.orders'], dimensions: ['daily_gmv.buyer_country'] },
    valueMember: 'daily_gmv.buyer_country',
    describe: countryName,
  },
  {
    name: 'category',
    label: m.category,
    allLabel: m.allCategories,
    hint: mm.categoryHint,
    options: {
      measures: ['order_lines.count'],
      dimensions: ['order_lines.category_l1', 'order_lines.category_l1_name'],
    },
    valueMember: 'order_lines.category_l1',
    labelMember: 'order_lines.category_l1_name',
  },
];

export default function ManufacturerDashboard() {
  return (
    <AnalyticsProvider>
      <DashboardFiltersProvider defaultPeriod={LAST_30_DAYS_CHOICE}>
        <DrillDownProvider kinds={MANUFACTURER_DRILLS}>
          <PageHeader title={mm.title} description={mm.description} />
          <FilterBar choices={CHOICES} />
          <div className="dashboard-grid">
            <SalesTrend />
            <TopProducts />
            <NewVsReturning />
            <BuyerMap />
            <Benchmarks />
          </div>
        </DrillDownProvider>
      </DashboardFiltersProvider>
    </AnalyticsProvider>
  );
}
