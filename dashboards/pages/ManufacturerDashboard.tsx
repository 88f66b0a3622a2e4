/**
 * A manufacturer's own sales: the last 30 days against the 30 before, top products, new vs returning
 * customers, where its buyers are, and its place among anonymised peers. The gateway's row rules keep every
 * query to this manufacturer's rows; nothing here filters by company.
 */
import type { ResultSet } from '@cubejs-client/core';
import { useMemo, useState } from 'react';
import { Card, DataTable, EmptyState, KpiTile } from '../../marketplace/ui/components/index.ts';
import { EChart } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { AnalyticsProvider } from '../cube/AnalyticsProvider.tsx';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import {
  change,
  formatDay,
  formatInteger,
  formatMonth,
  formatPercent,
  formatUsdCompactFromCents,
  formatUsdFromCents,
  periodWindows,
  toNumber,
} from '../format.ts';
import { PageHeader } from './PageHeader.tsx';

const PERIOD_DAYS = 30;
const rows = (rs: ResultSet | null) => rs?.tablePivot() ?? [];

export function SalesTrend() {
  const [windows] = useState(() => periodWindows(PERIOD_DAYS));
  const q = useLiveQuery({
    measures: ['orders.gmv', 'orders.count'],
    timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'day', dateRange: windows.both }],
  });
  const series = useMemo(() => {
    const byDay = new Map(
      rows(q.resultSet).map((r) => [
        String(r['orders.placed_at.day']).slice(0, 10),
        { gmv: toNumber(r['orders.gmv']) ?? 0, orders: toNumber(r['orders.count']) ?? 0 },
      ]),
    );
    const days = (startIso: string) =>
      Array.from({ length: PERIOD_DAYS }, (_, i) => {
        const day = new Date(Date.parse(`${startIso.slice(0, 10)}T00:00:00Z`) + i * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return { day, ...(byDay.get(day) ?? { gmv: 0, orders: 0 }) };
      });
    return { current: days(windows.current[0]), previous: days(windows.previous[0]) };
  }, [q.resultSet, windows]);
  const sum = (list: Array<{ gmv: number; orders: number }>, key: 'gmv' | 'orders') =>
    list.reduce((s, d) => s + d[key], 0);
  const ready = Boolean(q.resultSet);
  const gmv = ready ? sum(series.current, 'gmv') : null;
  const previousGmv = ready ? sum(series.previous, 'gmv') : null;
  const orders = ready ? sum(series.current, 'orders') : null;
  const previousOrders = ready ? sum(series.previous, 'orders') : null;
  const aov = gmv !== null && orders ? gmv / orders : ready ? 0 : null;
  const option = useMemo(
    () => ({
      grid: { left: 64, right: 16, top: 36, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsdFromCents(v) },
      xAxis: { type: 'category', data: series.current.map((d) => formatDay(d.day)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatUsdCompactFromCents(v) } },
      series: [
        { type: 'line', name: `Last ${PERIOD_DAYS} days`, data: series.current.map((d) => d.gmv) },
        {
          type: 'line',
          name: `Previous ${PERIOD_DAYS} days`,
          data: series.previous.map((d) => d.gmv),
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [series],
  );
  const vs = `vs previous ${PERIOD_DAYS} days`;
  return (
    <>
      <div className="kpi-row span-2">
        <KpiTile
          label={`Sales, last ${PERIOD_DAYS} days`}
          value={gmv === null ? null : formatUsdFromCents(gmv)}
          raw={gmv}
          delta={change(gmv, previousGmv)}
          deltaLabel={vs}
          testId="kpi-sales"
        />
        <KpiTile
          label={`Orders, last ${PERIOD_DAYS} days`}
          value={orders === null ? null : formatInteger(orders)}
          raw={orders}
          delta={change(orders, previousOrders)}
          deltaLabel={vs}
        />
        <KpiTile
          label="Average order value"
          value={aov === null ? null : formatUsdFromCents(aov)}
          raw={aov}
        />
        <Customers />
      </div>
      <Card
        title="Sales trend"
        subtitle={`Daily sales in USD, last ${PERIOD_DAYS} days against the ${PERIOD_DAYS} before`}
        className="span-2"
      >
        <QueryState query={q} isEmpty={false} empty={null}>
          {() => (
            <EChart
              option={option}
              label={`Daily sales: ${formatUsdFromCents(gmv)} in the last ${PERIOD_DAYS} days against ${formatUsdFromCents(previousGmv)} in the ${PERIOD_DAYS} before`}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}

function Customers() {
  const q = useLiveQuery({ measures: ['buyer_activity.buyers', 'buyer_activity.repeat_rate_90d'] });
  const row = q.resultSet ? (rows(q.resultSet)[0] ?? {}) : null;
  const buyers = row ? (toNumber(row['buyer_activity.buyers']) ?? 0) : null;
  const repeat = row ? toNumber(row['buyer_activity.repeat_rate_90d']) : null;
  return (
    <KpiTile
      label="Customers"
      value={buyers === null ? null : formatInteger(buyers)}
      raw={buyers}
      note={`Repeat rate in 90 days: ${formatPercent(repeat)}`}
    />
  );
}

export function NewVsReturning() {
  const q = useLiveQuery({
    measures: ['buyer_activity.new_customers', 'buyer_activity.returning_customers'],
    timeDimensions: [{ dimension: 'buyer_activity.placed_at', granularity: 'month' }],
  });
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
  return (
    <Card title="New vs returning customers" subtitle="Retailers ordering from you each month">
      <QueryState query={q} isEmpty={months.length === 0} empty={<EmptyState title="No customers yet" />}>
        {() => (
          <EChart
            option={option}
            label={`Customers by month: ${months.map((m) => `${formatMonth(m.month)} ${m.fresh} new, ${m.returning} returning`).join('; ')}`}
          />
        )}
      </QueryState>
    </Card>
  );
}

export function TopProducts() {
  const q = useLiveQuery({
    measures: ['order_lines.revenue', 'order_lines.units'],
    dimensions: ['products.name'],
    order: { 'order_lines.revenue': 'desc' },
    limit: 10,
  });
  const products = q.resultSet
    ? rows(q.resultSet).map((r) => ({
        name: String(r['products.name'] ?? ''),
        revenue: toNumber(r['order_lines.revenue']) ?? 0,
        units: toNumber(r['order_lines.units']) ?? 0,
      }))
    : null;
  return (
    <Card title="Top products" subtitle="By revenue, all time">
      <DataTable
        caption="Top products by revenue"
        captionHidden
        rows={q.error ? [] : products}
        rowKey={(p) => p.name}
        empty={<EmptyState title="No products sold yet" />}
        columns={[
          { key: 'name', header: 'Product', render: (p) => p.name },
          { key: 'units', header: 'Units', numeric: true, render: (p) => formatInteger(p.units) },
          { key: 'revenue', header: 'Revenue', numeric: true, render: (p) => formatUsdFromCents(p.revenue) },
        ]}
      />
    </Card>
  );
}

export function BuyerMap() {
  const q = useLiveQuery({
    measures: ['daily_gmv.gmv'],
    dimensions: [
      'daily_gmv.buyer_city',
      'daily_gmv.buyer_country',
      'daily_gmv.latitude',
      'daily_gmv.longitude',
    ],
  });
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
  return (
    <Card
      title="Where your buyers are"
      subtitle="Sales by buyer city, placed by longitude and latitude (bubble size = sales)"
      className="span-2"
    >
      <QueryState
        query={q}
        isEmpty={cities.length === 0}
        empty={<EmptyState title="No buyer locations yet" />}
      >
        {() => (
          <div className="split">
            <EChart
              option={option}
              label={`Sales by buyer city: ${cities.map((c) => `${c.city} ${formatUsdFromCents(c.gmv)}`).join(', ')}`}
            />
            <DataTable
              caption="Sales by buyer city"
              captionHidden
              rows={cities}
              rowKey={(c) => `${c.country}-${c.city}`}
              columns={[
                { key: 'city', header: 'City', render: (c) => `${c.city}, ${c.country}` },
                { key: 'gmv', header: 'Sales', numeric: true, render: (c) => formatUsdFromCents(c.gmv) },
              ]}
            />
          </div>
        )}
      </QueryState>
    </Card>
  );
}

interface BenchmarkRow {
  month: string;
  gmv: number;
  peers: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

export function Benchmarks() {
  const q = useLiveQuery({
    measures: [
      'seller_benchmarks.gmv',
      'seller_benchmarks.peers',
      'seller_benchmarks.peer_gmv_p25',
      'seller_benchmarks.peer_gmv_p50',
      'seller_benchmarks.peer_gmv_p75',
      'seller_benchmarks.peer_gmv_p90',
    ],
    timeDimensions: [{ dimension: 'seller_benchmarks.month', granularity: 'month' }],
  });
  // rawData, not tablePivot: tablePivot turns a withheld (null) band into 0, which would read as "peers sold nothing".
  const months: BenchmarkRow[] | null = q.resultSet
    ? q.resultSet
        .rawData()
        .map((r) => ({
          month: String(r['seller_benchmarks.month.month']),
          gmv: toNumber(r['seller_benchmarks.gmv']) ?? 0,
          peers: toNumber(r['seller_benchmarks.peers']),
          p25: toNumber(r['seller_benchmarks.peer_gmv_p25']),
          p50: toNumber(r['seller_benchmarks.peer_gmv_p50']),
          p75: toNumber(r['seller_benchmarks.peer_gmv_p75']),
          p90: toNumber(r['seller_benchmarks.peer_gmv_p90']),
        }))
        .sort((a, b) => b.month.localeCompare(a.month))
    : null;
  const withheld = months?.some((m) => m.p50 === null) ?? false;
  const band = (n: number | null) =>
    n === null ? (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">withheld, not enough peers</span>
      </>
    ) : (
      formatUsdFromCents(n)
    );
  const position = (m: BenchmarkRow) => {
    if (m.p25 === null || m.p50 === null || m.p75 === null || m.p90 === null) return 'Not enough peers';
    if (m.gmv >= m.p90) return 'Top 10%';
    if (m.gmv >= m.p75) return 'Top 25%';
    if (m.gmv >= m.p50) return 'Above median';
    if (m.gmv >= m.p25) return 'Below median';
    return 'Bottom 25%';
  };
  return (
    <Card
      title="Benchmark vs peers"
      subtitle="Your monthly sales next to anonymised peers in your group"
      className="span-2"
    >
      {withheld && (
        <p className="benchmark-note">
          Not enough peers: bands are shown only when your peer group has at least 5 other manufacturers, so
          no single competitor can be identified.
        </p>
      )}
      <DataTable
        caption="Monthly sales against peer bands"
        captionHidden
        rows={q.error ? [] : months}
        rowKey={(m) => m.month}
        empty={
          <EmptyState title="No benchmark yet">
            Benchmarks appear after your first month of sales, once the warehouse has compared it with your
            peers.
          </EmptyState>
        }
        columns={[
          { key: 'month', header: 'Month', render: (m) => formatMonth(m.month) },
          { key: 'gmv', header: 'Your sales', numeric: true, render: (m) => formatUsdFromCents(m.gmv) },
          { key: 'p25', header: 'Peers p25', numeric: true, render: (m) => band(m.p25) },
          { key: 'p50', header: 'Median', numeric: true, render: (m) => band(m.p50) },
          { key: 'p75', header: 'p75', numeric: true, render: (m) => band(m.p75) },
          { key: 'p90', header: 'p90', numeric: true, render: (m) => band(m.p90) },
          { key: 'position', header: 'You are', render: position },
        ]}
      />
    </Card>
  );
}

export default function ManufacturerDashboard() {
  return (
    <AnalyticsProvider>
      <PageHeader
        title="Sales dashboard"
        description="Your sales, customers and market position, in US dollars."
      />
      <div className="dashboard-grid">
        <SalesTrend />
        <TopProducts />
        <NewVsReturning />
        <BuyerMap />
        <Benchmarks />
      </div>
    </AnalyticsProvider>
  );
}
