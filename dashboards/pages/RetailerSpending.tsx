/**
 * A retailer's spending: what it bought from whom, month by month, for the period in the URL against the
 * previous one and the same one a year before. The gateway's row rule keeps it to the retailer's own purchases.
 */
import { useMemo, useRef } from 'react';
import { Card, DataTable, EmptyState } from '../../marketplace/ui/components/index.ts';
import { CompareTile } from '../charts/CompareTile.tsx';
import { EChart, type ChartHandle } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { centsToDecimal } from '../controls/csv.ts';
import { DashboardFiltersProvider, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { DrillDownProvider, useDrillDown } from '../controls/DrillDown.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { DrillCell } from '../controls/Figures.tsx';
import { FilterBar, type ChoiceFilter } from '../controls/FilterBar.tsx';
import { bucketRange, clampRange, type PeriodChoice } from '../controls/period.ts';
import { AnalyticsProvider } from '../cube/AnalyticsProvider.tsx';
import { scoped } from '../cube/scope.ts';
import { changesOf, numberOf, useComparedQuery, type Figures } from '../cube/useComparedQuery.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import {
  countryName,
  formatDayRange,
  formatInteger,
  formatMonth,
  formatUsdCompactFromCents,
  formatUsdFromCents,
  toNumber,
} from '../format.ts';
import { RETAILER_DRILLS } from './drill-kinds.ts';
import { pageMessages as m } from './messages.ts';
import { retailerMessages as mr } from './retailer-messages.ts';
import { PageHeader } from './PageHeader.tsx';

const MEMBERS = { time: 'orders.placed_at', country: 'sellers.country' };
const noOrders = (row: Figures) => (toNumber(row['orders.count']) ?? 0) === 0;

function Totals() {
  const filters = useDashboardFilters();
  const figures = useComparedQuery(
    { measures: ['orders.gmv', 'orders.count', 'orders.aov', 'orders.active_sellers'] },
    MEMBERS,
    filters,
  );
  const row = figures.current;
  const value = (member: string) => (row ? (toNumber(row[member]) ?? 0) : null);
  const changes = (member: string) => changesOf(figures, filters, numberOf(member), { emptyThen: noOrders });
  const spend = value('orders.gmv');
  const aov = row ? toNumber(row['orders.aov']) : null;
  return (
    <div className="kpi-row">
      <CompareTile
        label={mr.totalSpend}
        value={spend === null ? null : formatUsdFromCents(spend)}
        raw={spend}
        testId="kpi-spend"
        changes={changes('orders.gmv')}
      />
      <CompareTile
        label={m.orders}
        value={row ? formatInteger(value('orders.count')) : null}
        raw={value('orders.count')}
        changes={changes('orders.count')}
      />
      <CompareTile
        label={m.aov}
        value={row ? (aov === null ? '–' : formatUsdFromCents(aov)) : null}
        raw={aov}
        changes={changes('orders.aov')}
      />
      <CompareTile
        label={mr.suppliers}
        value={row ? formatInteger(value('orders.active_sellers')) : null}
        raw={value('orders.active_sellers')}
        changes={changes('orders.active_sellers')}
      />
    </div>
  );
}

function SpendBySupplier() {
  const filters = useDashboardFilters();
  const drill = useDrillDown();
  const chart = useRef<ChartHandle | null>(null);
  const q = useLiveQuery(
    scoped(
      {
        measures: ['orders.gmv'],
        dimensions: ['sellers.name', 'sellers.company_id'],
        timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'month' }],
      },
      MEMBERS,
      filters,
      filters.range,
    ),
  );
  const { months, suppliers, cell, totals, ids } = useMemo(() => {
    const data = new Map<string, number>();
    const monthSet = new Set<string>();
    const supplierTotals = new Map<string, number>();
    const supplierIds = new Map<string, string>();
    for (const r of q.resultSet?.tablePivot() ?? []) {
      const month = String(r['orders.placed_at.month']);
      const supplier = String(r['sellers.name'] ?? mr.unknownSupplier);
      const gmv = toNumber(r['orders.gmv']) ?? 0;
      monthSet.add(month);
      supplierIds.set(supplier, String(r['sellers.company_id'] ?? ''));
      data.set(`${supplier}|${month}`, gmv);
      supplierTotals.set(supplier, (supplierTotals.get(supplier) ?? 0) + gmv);
    }
    return {
      months: [...monthSet].sort(),
      suppliers: [...supplierTotals.keys()].sort((a, b) => supplierTotals.get(b)! - supplierTotals.get(a)!),
      cell: (supplier: string, month: string) => data.get(`${supplier}|${month}`) ?? 0,
      totals: supplierTotals,
      ids: supplierIds,
    };
  }, [q.resultSet]);
  const option = useMemo(
    () => ({
      grid: { left: 64, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsdFromCents(v) },
      xAxis: { type: 'category', data: months.map((month) => formatMonth(month)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatUsdCompactFromCents(v) } },
      series: suppliers.map((s) => ({
        type: 'bar',
        stack: 'spend',
        name: s,
        data: months.map((m) => cell(s, m)),
        barMaxWidth: 48,
      })),
    }),
    [months, suppliers, cell],
  );
  const open = drill
    ? (supplier: string | null, month: string | null) =>
        drill({
          kind: 'orders',
          title: mr.ordersTitle(supplier, month ? formatMonth(month) : null),
          filters: supplier
            ? [{ member: 'sellers.company_id', operator: 'equals', values: [ids.get(supplier) ?? ''] }]
            : [],
          range: month ? clampRange(bucketRange(month, 'month'), filters.range) : undefined,
        })
    : undefined;
  const empty = <EmptyState title={mr.noPurchases}>{mr.noPurchasesBody}</EmptyState>;
  const period = filters.range ? formatDayRange(filters.range) : m.allTime;
  return (
    <>
      <Card
        title={mr.spending}
        subtitle={mr.spendingSubtitle(period)}
        className="span-2"
        actions={
          <ExportButtons
            title={mr.spending}
            rows={q.resultSet ? suppliers : null}
            chart={chart}
            columns={[
              { header: mr.supplier, value: (s) => s },
              ...months.map((month) => ({
                header: mr.monthUsd(month.slice(0, 7)),
                value: (s: string) => centsToDecimal(cell(s, month)),
              })),
              { header: mr.totalUsd, value: (s) => centsToDecimal(totals.get(s) ?? 0) },
            ]}
          />
        }
      >
        <QueryState query={q} isEmpty={suppliers.length === 0} empty={empty}>
          {() => (
            <EChart
              option={option}
              handle={chart}
              legend={suppliers.map((name) => ({ name }))}
              onSelect={
                open ? (p) => open(suppliers[p.seriesIndex] ?? null, months[p.dataIndex] ?? null) : undefined
              }
              label={mr.spendingLabel(
                suppliers.map((s) => `${s} ${formatUsdFromCents(totals.get(s) ?? 0)}`).join(', '),
              )}
            />
          )}
        </QueryState>
      </Card>
      <Card title={mr.table} subtitle={mr.tableSubtitle} className="span-2">
        <DataTable
          caption={mr.spending}
          captionHidden
          rows={q.loading ? null : q.error ? [] : suppliers}
          rowKey={(s) => s}
          empty={empty}
          columns={[
            {
              key: 'supplier',
              header: mr.supplier,
              render: (s) => (
                <DrillCell label={s} action={m.showOrders} onDrill={open ? () => open(s, null) : undefined} />
              ),
            },
            ...months.map((month) => ({
              key: month,
              header: formatMonth(month),
              numeric: true,
              render: (s: string) => formatUsdFromCents(cell(s, month)),
            })),
            {
              key: 'total',
              header: mr.total,
              numeric: true,
              render: (s) => formatUsdFromCents(totals.get(s) ?? 0),
            },
          ]}
        />
      </Card>
    </>
  );
}

// Retailers buy a few times a month: a quarter shows a pattern where 30 days shows a couple of orders.
const DEFAULT_PERIOD: PeriodChoice = { preset: '90d', compare: 'previous' };

const CHOICES: ChoiceFilter[] = [
  {
    name: 'country',
    label: m.supplierCountry,
    allLabel: m.allCountries,
    options: { measures: ['orders.count'], dimensions: ['sellers.country'] },
    valueMember: 'sellers.country',
    describe: countryName,
  },
];

export default function RetailerSpending() {
  return (
    <AnalyticsProvider>
      <DashboardFiltersProvider defaultPeriod={DEFAULT_PERIOD}>
        <DrillDownProvider kinds={RETAILER_DRILLS}>
          <PageHeader title={mr.title} description={mr.description} />
          <FilterBar choices={CHOICES} />
          <Totals />
          <div className="dashboard-grid">
            <SpendBySupplier />
          </div>
        </DrillDownProvider>
      </DashboardFiltersProvider>
    </AnalyticsProvider>
  );
}
