/**
 * The manufacturer dashboard's cards below the sales trend: top products, new vs returning customers and where
 * its buyers are (a deck.gl map, ../maps/BuyerMap.tsx). Each reads the page's period and filters (all time when
 * embedded), exports what it shows and drills down to the rows behind a product, a month or a city.
 */
import { useMemo, useRef } from 'react';
import { Card, DataTable, EmptyState } from '../../marketplace/ui/components/index.ts';
import { EChart, type ChartHandle } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { centsToDecimal } from '../controls/csv.ts';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { useDrillDown } from '../controls/DrillDown.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { DrillCell } from '../controls/Figures.tsx';
import { bucketRange, clampRange } from '../controls/period.ts';
import { scoped, unappliedFilters } from '../cube/scope.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { formatDayRange, formatInteger, formatMonth, formatUsdFromCents, toNumber } from '../format.ts';
import { manufacturerMessages as mm } from './manufacturer-messages.ts';
import { pageMessages as m } from './messages.ts';

export { BuyerMap } from '../maps/BuyerMap.tsx';

const rows = (rs: { tablePivot: () => Array<Record<string, unknown>> } | null) => rs?.tablePivot() ?? [];
const periodText = (range: { from: string; to: string } | null) =>
  range ? formatDayRange(range) : m.allTime;

/** "Not filtered by country": the card's cube has no member for a filter the page has on. */
function Unapplied(props: { missing: Array<'country' | 'category'> }) {
  if (props.missing.length === 0) return null;
  return <p className="card-note">{mm.notFiltered(props.missing)}</p>;
}

export function TopProducts() {
  const filters = useDashboardFilters(ALL_TIME);
  const drill = useDrillDown();
  const q = useLiveQuery(
    scoped(
      {
        measures: ['order_lines.revenue', 'order_lines.units'],
        dimensions: ['products.name', 'order_lines.product_id'],
        order: { 'order_lines.revenue': 'desc' },
        limit: 10,
      },
      { time: 'order_lines.placed_at', country: 'buyers.country', category: 'order_lines.category_l1' },
      filters,
      filters.range,
    ),
  );
  const products = q.resultSet
    ? rows(q.resultSet).map((r) => ({
        id: String(r['order_lines.product_id'] ?? ''),
        name: String(r['products.name'] ?? ''),
        revenue: toNumber(r['order_lines.revenue']) ?? 0,
        units: toNumber(r['order_lines.units']) ?? 0,
      }))
    : null;
  const open = drill
    ? (p: { id: string; name: string }) =>
        drill({
          kind: 'lines',
          title: mm.linesOf(p.name),
          filters: [{ member: 'order_lines.product_id', operator: 'equals', values: [p.id] }],
        })
    : undefined;
  return (
    <Card
      title={mm.topProducts}
      subtitle={mm.topProductsSubtitle(periodText(filters.range))}
      actions={
        <ExportButtons
          title={mm.topProducts}
          rows={products}
          columns={[
            { header: m.drill.product, value: (p) => p.name },
            { header: m.units, value: (p) => p.units },
            { header: m.revenueUsd, value: (p) => centsToDecimal(p.revenue) },
          ]}
        />
      }
    >
      <DataTable
        caption={mm.topProductsCaption}
        captionHidden
        rows={q.error ? [] : products}
        rowKey={(p) => p.id || p.name}
        empty={<EmptyState title={mm.noProducts} />}
        columns={[
          {
            key: 'name',
            header: m.drill.product,
            render: (p) => (
              <DrillCell label={p.name} action={m.showLines} onDrill={open ? () => open(p) : undefined} />
            ),
          },
          { key: 'units', header: m.units, numeric: true, render: (p) => formatInteger(p.units) },
          { key: 'revenue', header: m.revenue, numeric: true, render: (p) => formatUsdFromCents(p.revenue) },
        ]}
      />
    </Card>
  );
}

const ACTIVITY_MEMBERS = { time: 'buyer_activity.placed_at' };

export function NewVsReturning() {
  const filters = useDashboardFilters(ALL_TIME);
  const drill = useDrillDown();
  const chart = useRef<ChartHandle | null>(null);
  const q = useLiveQuery(
    scoped(
      {
        measures: ['buyer_activity.new_customers', 'buyer_activity.returning_customers'],
        timeDimensions: [{ dimension: 'buyer_activity.placed_at', granularity: 'month' }],
      },
      ACTIVITY_MEMBERS,
      filters,
      filters.range,
    ),
  );
  const months = useMemo(
    () =>
      rows(q.resultSet)
        .map((r) => ({
          month: String(r['buyer_activity.placed_at.month']),
          fresh: toNumber(r['buyer_activity.new_customers']) ?? 0,
          returning: toNumber(r['buyer_activity.returning_customers']) ?? 0,
        }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    [q.resultSet],
  );
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatInteger(v) },
      xAxis: { type: 'category', data: months.map((month) => formatMonth(month.month)) },
      // ECharts' own number labels are English ("1,000"): counts go through the page's formatter too.
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatInteger(v) } },
      series: [
        {
          type: 'bar',
          stack: 'c',
          name: mm.newCustomers,
          data: months.map((month) => month.fresh),
          barMaxWidth: 36,
        },
        {
          type: 'bar',
          stack: 'c',
          name: mm.returningCustomers,
          data: months.map((month) => month.returning),
          barMaxWidth: 36,
        },
      ],
    }),
    [months],
  );
  const open = drill
    ? (month: string) =>
        drill({
          kind: 'orders',
          title: m.ordersPlaced(m.inMonth(formatMonth(month))),
          filters: [],
          range: clampRange(bucketRange(month, 'month'), filters.range),
        })
    : undefined;
  return (
    <Card
      title={mm.newVsReturning}
      subtitle={mm.newVsReturningSubtitle}
      actions={
        <ExportButtons
          title={mm.newVsReturning}
          rows={q.resultSet ? months : null}
          chart={chart}
          columns={[
            { header: m.month, value: (month) => month.month.slice(0, 7) },
            { header: mm.newCustomersColumn, value: (month) => month.fresh },
            { header: mm.returningCustomersColumn, value: (month) => month.returning },
          ]}
        />
      }
    >
      <Unapplied missing={unappliedFilters(ACTIVITY_MEMBERS, filters)} />
      <QueryState query={q} isEmpty={months.length === 0} empty={<EmptyState title={mm.noCustomers} />}>
        {() => (
          <EChart
            option={option}
            handle={chart}
            legend={[{ name: mm.newCustomers }, { name: mm.returningCustomers }]}
            onSelect={open ? (p) => months[p.dataIndex] && open(months[p.dataIndex]!.month) : undefined}
            label={mm.customersLabel(
              months
                .map((month) =>
                  mm.customersMonth(
                    formatMonth(month.month),
                    formatInteger(month.fresh),
                    formatInteger(month.returning),
                  ),
                )
                .join('; '),
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}
