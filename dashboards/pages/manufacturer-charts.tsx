/**
 * The manufacturer dashboard's cards below the sales trend: top products, new vs returning customers and where
 * its buyers are. Each reads the page's period and filters (all time when embedded),
 * exports what it shows and drills down to the rows behind a product, a month or a city.
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
import {
  countryName,
  formatDayRange,
  formatInteger,
  formatMonth,
  formatUsdFromCents,
  toNumber,
} from '../format.ts';

const rows = (rs: { tablePivot: () => Array<Record<string, unknown>> } | null) => rs?.tablePivot() ?? [];
const periodText = (range: { from: string; to: string } | null) =>
  range ? formatDayRange(range) : 'all time';

/** "Not filtered by country": the card's cube has no member for a filter the page has on. */
function Unapplied(props: { missing: string[] }) {
  if (props.missing.length === 0) return null;
  return (
    <p className="card-note">Not filtered by {props.missing.join(' or ')}: this figure has no such detail.</p>
  );
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
          title: `Order lines of ${p.name}`,
          filters: [{ member: 'order_lines.product_id', operator: 'equals', values: [p.id] }],
        })
    : undefined;
  return (
    <Card
      title="Top products"
      subtitle={`By revenue, ${periodText(filters.range)}`}
      actions={
        <ExportButtons
          title="Top products"
          rows={products}
          columns={[
            { header: 'Product', value: (p) => p.name },
            { header: 'Units', value: (p) => p.units },
            { header: 'Revenue (USD)', value: (p) => centsToDecimal(p.revenue) },
          ]}
        />
      }
    >
      <DataTable
        caption="Top products by revenue"
        captionHidden
        rows={q.error ? [] : products}
        rowKey={(p) => p.id || p.name}
        empty={<EmptyState title="No products sold in this period" />}
        columns={[
          {
            key: 'name',
            header: 'Product',
            render: (p) => (
              <DrillCell
                label={p.name}
                action="show its order lines"
                onDrill={open ? () => open(p) : undefined}
              />
            ),
          },
          { key: 'units', header: 'Units', numeric: true, render: (p) => formatInteger(p.units) },
          { key: 'revenue', header: 'Revenue', numeric: true, render: (p) => formatUsdFromCents(p.revenue) },
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
      grid: { left: 40, right: 16, top: 36, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months.map((m) => formatMonth(m.month)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', stack: 'c', name: 'New', data: months.map((m) => m.fresh), barMaxWidth: 36 },
        { type: 'bar', stack: 'c', name: 'Returning', data: months.map((m) => m.returning), barMaxWidth: 36 },
      ],
    }),
    [months],
  );
  const open = drill
    ? (month: string) =>
        drill({
          kind: 'orders',
          title: `Orders placed in ${formatMonth(month)}`,
          filters: [],
          range: clampRange(bucketRange(month, 'month'), filters.range),
        })
    : undefined;
  return (
    <Card
      title="New vs returning customers"
      subtitle="Retailers ordering from you each month"
      actions={
        <ExportButtons
          title="New vs returning customers"
          rows={q.resultSet ? months : null}
          chart={chart}
          columns={[
            { header: 'Month', value: (m) => m.month.slice(0, 7) },
            { header: 'New customers', value: (m) => m.fresh },
            { header: 'Returning customers', value: (m) => m.returning },
          ]}
        />
      }
    >
      <Unapplied missing={unappliedFilters(ACTIVITY_MEMBERS, filters)} />
      <QueryState
        query={q}
        isEmpty={months.length === 0}
        empty={<EmptyState title="No customers in this period" />}
      >
        {() => (
          <EChart
            option={option}
            handle={chart}
            onSelect={open ? (p) => months[p.dataIndex] && open(months[p.dataIndex]!.month) : undefined}
            label={`Customers by month: ${months.map((m) => `${formatMonth(m.month)} ${m.fresh} new, ${m.returning} returning`).join('; ')}`}
          />
        )}
      </QueryState>
    </Card>
  );
}

export function BuyerMap() {
  const filters = useDashboardFilters(ALL_TIME);
  const drill = useDrillDown();
  const chart = useRef<ChartHandle | null>(null);
  const q = useLiveQuery(
    scoped(
      {
        measures: ['daily_gmv.gmv'],
        dimensions: [
          'daily_gmv.buyer_city',
          'daily_gmv.buyer_country',
          'daily_gmv.latitude',
          'daily_gmv.longitude',
        ],
      },
      { time: 'daily_gmv.day', country: 'daily_gmv.buyer_country' },
      filters,
      filters.range,
    ),
  );
  const cities = useMemo(
    () =>
      rows(q.resultSet)
        .map((r) => ({
          city: String(r['daily_gmv.buyer_city'] ?? ''),
          country: String(r['daily_gmv.buyer_country'] ?? ''),
          lat: toNumber(r['daily_gmv.latitude']),
          lon: toNumber(r['daily_gmv.longitude']),
          gmv: toNumber(r['daily_gmv.gmv']) ?? 0,
        }))
        .filter((c) => c.lat !== null && c.lon !== null)
        .sort((a, b) => b.gmv - a.gmv),
    [q.resultSet],
  );
  const option = useMemo(() => {
    const max = Math.max(1, ...cities.map((c) => c.gmv));
    // Frame the buyers, not the whole globe: their bounding box plus a margin, in whole tens of degrees.
    const bound = (values: number[], pad: number, lo: number, hi: number) => ({
      min: Math.max(lo, Math.floor((Math.min(...values) - pad) / 10) * 10),
      max: Math.min(hi, Math.ceil((Math.max(...values) + pad) / 10) * 10),
    });
    const lon = bound(
      cities.map((c) => c.lon!),
      15,
      -180,
      180,
    );
    const lat = bound(
      cities.map((c) => c.lat!),
      8,
      -90,
      90,
    );
    return {
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: [number, number, number, string] }) =>
          `${p.data[3]}: ${formatUsdFromCents(p.data[2])}`,
      },
      xAxis: { type: 'value', name: 'Longitude', ...lon, nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'value', name: 'Latitude', ...lat, nameLocation: 'middle', nameGap: 32 },
      series: [
        {
          type: 'scatter',
          data: cities.map((c) => [c.lon, c.lat, c.gmv, `${c.city}, ${c.country}`]),
          symbolSize: (d: [number, number, number]) => 8 + 32 * Math.sqrt(d[2] / max),
          itemStyle: { opacity: 0.75 },
        },
      ],
    };
  }, [cities]);
  const open = drill
    ? (c: { city: string; country: string }) =>
        drill({
          kind: 'orders',
          title: `Orders from buyers in ${c.city}, ${countryName(c.country)}`,
          filters: [
            { member: 'buyers.city', operator: 'equals', values: [c.city] },
            { member: 'buyers.country', operator: 'equals', values: [c.country] },
          ],
        })
    : undefined;
  return (
    <Card
      title="Where your buyers are"
      subtitle="Sales by buyer city, placed by longitude and latitude (bubble size = sales)"
      className="span-2"
      actions={
        <ExportButtons
          title="Where your buyers are"
          rows={q.resultSet ? cities : null}
          chart={chart}
          columns={[
            { header: 'City', value: (c) => c.city },
            { header: 'Country', value: (c) => c.country },
            { header: 'Sales (USD)', value: (c) => centsToDecimal(c.gmv) },
          ]}
        />
      }
    >
      <QueryState
        query={q}
        isEmpty={cities.length === 0}
        empty={<EmptyState title="No buyer locations in this period" />}
      >
        {() => (
          <div className="split">
            <EChart
              option={option}
              handle={chart}
              onSelect={open ? (p) => cities[p.dataIndex] && open(cities[p.dataIndex]!) : undefined}
              label={`Sales by buyer city: ${cities.map((c) => `${c.city} ${formatUsdFromCents(c.gmv)}`).join(', ')}`}
            />
            <DataTable
              caption="Sales by buyer city"
              captionHidden
              rows={cities}
              rowKey={(c) => `${c.country}-${c.city}`}
              columns={[
                {
                  key: 'city',
                  header: 'City',
                  render: (c) => (
                    <DrillCell
                      label={`${c.city}, ${c.country}`}
                      action="show the orders from buyers there"
                      onDrill={open ? () => open(c) : undefined}
                    />
                  ),
                },
                { key: 'gmv', header: 'Sales', numeric: true, render: (c) => formatUsdFromCents(c.gmv) },
              ]}
            />
          </div>
        )}
      </QueryState>
    </Card>
  );
}
