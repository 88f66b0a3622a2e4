/**
 * The platform's own dashboard (executives, admins, analysts): headline KPIs, GMV by month and by buyer region,
 * the supplier leaderboard and buyer cohort retention. Every figure is a Cube query; all of them refresh live.
 */
import type { ResultSet } from '@cubejs-client/core';
import { useMemo } from 'react';
import { Card, DataTable, EmptyState, KpiTile } from '../../marketplace/ui/components/index.ts';
import { EChart } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { AnalyticsProvider } from '../cube/AnalyticsProvider.tsx';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import {
  formatInteger,
  formatMonth,
  formatPercent,
  formatUsdCompactFromCents,
  formatUsdFromCents,
  toNumber,
} from '../format.ts';
import { PageHeader } from './PageHeader.tsx';

const rows = (rs: ResultSet | null) => rs?.tablePivot() ?? [];

export function Kpis() {
  const q = useLiveQuery({
    measures: ['orders.gmv', 'orders.count', 'orders.aov', 'orders.active_buyers', 'orders.active_sellers'],
  });
  const row = q.resultSet ? (rows(q.resultSet)[0] ?? {}) : null;
  const value = (member: string) => (row ? (toNumber(row[member]) ?? 0) : null);
  const show = <T,>(n: number | null, f: (n: number) => T) => (n === null ? null : f(n));
  const gmv = value('orders.gmv');
  return (
    <div className="kpi-row">
      <KpiTile label="GMV" value={show(gmv, (n) => formatUsdFromCents(n))} raw={gmv} testId="kpi-gmv" />
      <KpiTile
        label="Orders"
        value={show(value('orders.count'), formatInteger)}
        raw={value('orders.count')}
      />
      <KpiTile
        label="Average order value"
        value={show(value('orders.aov'), (n) => formatUsdFromCents(n))}
        raw={value('orders.aov')}
      />
      <KpiTile label="Active buyers" value={show(value('orders.active_buyers'), formatInteger)} />
      <KpiTile label="Active sellers" value={show(value('orders.active_sellers'), formatInteger)} />
    </div>
  );
}

export function GmvByMonth() {
  const q = useLiveQuery({
    measures: ['orders.gmv'],
    timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'month' }],
  });
  const points = useMemo(
    () =>
      rows(q.resultSet)
        .map((r) => ({ month: String(r['orders.placed_at.month']), gmv: toNumber(r['orders.gmv']) ?? 0 }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    [q.resultSet],
  );
  const option = useMemo(
    () => ({
      grid: { left: 64, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsdFromCents(v) },
      xAxis: { type: 'category', data: points.map((p) => formatMonth(p.month)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatUsdCompactFromCents(v) } },
      series: [{ type: 'line', name: 'GMV', data: points.map((p) => p.gmv), smooth: true, areaStyle: {} }],
    }),
    [points],
  );
  return (
    <Card title="GMV by month" subtitle="Gross merchandise value in USD, all manufacturers">
      <QueryState query={q} isEmpty={points.length === 0} empty={<EmptyState title="No orders yet" />}>
        {() => (
          <EChart
            option={option}
            label={`GMV by month: ${points.map((p) => `${formatMonth(p.month)} ${formatUsdFromCents(p.gmv)}`).join(', ')}`}
          />
        )}
      </QueryState>
    </Card>
  );
}

export function GmvByRegion() {
  const q = useLiveQuery({ measures: ['daily_gmv.gmv'], dimensions: ['daily_gmv.buyer_region'] });
  const regions = useMemo(
    () =>
      rows(q.resultSet)
        .map((r) => ({
          region: String(r['daily_gmv.buyer_region'] || 'Unknown'),
          gmv: toNumber(r['daily_gmv.gmv']) ?? 0,
        }))
        .sort((a, b) => a.gmv - b.gmv),
    [q.resultSet],
  );
  const option = useMemo(
    () => ({
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsdFromCents(v) },
      xAxis: {
        type: 'value',
        splitNumber: 3,
        axisLabel: { formatter: (v: number) => formatUsdCompactFromCents(v), hideOverlap: true },
      },
      yAxis: { type: 'category', data: regions.map((r) => r.region) },
      series: [{ type: 'bar', name: 'GMV', data: regions.map((r) => r.gmv), barMaxWidth: 28 }],
    }),
    [regions],
  );
  return (
    <Card title="GMV by buyer region" subtitle="Where the buying retailers are">
      <QueryState query={q} isEmpty={regions.length === 0} empty={<EmptyState title="No orders yet" />}>
        {() => (
          <EChart
            option={option}
            label={`GMV by buyer region: ${regions.map((r) => `${r.region} ${formatUsdFromCents(r.gmv)}`).join(', ')}`}
          />
        )}
      </QueryState>
    </Card>
  );
}

export function SupplierLeaderboard() {
  const q = useLiveQuery({
    measures: ['orders.gmv', 'orders.count', 'orders.active_buyers'],
    dimensions: ['sellers.name'],
    order: { 'orders.gmv': 'desc' },
    limit: 10,
  });
  const leaders = q.resultSet
    ? rows(q.resultSet).map((r) => ({
        name: String(r['sellers.name'] ?? ''),
        gmv: toNumber(r['orders.gmv']) ?? 0,
        orders: toNumber(r['orders.count']) ?? 0,
        buyers: toNumber(r['orders.active_buyers']) ?? 0,
      }))
    : null;
  return (
    <Card title="Supplier leaderboard" subtitle="Top manufacturers by GMV" className="span-2">
      <DataTable
        caption="Top manufacturers by GMV"
        captionHidden
        rows={q.error ? [] : leaders}
        rowKey={(r) => r.name}
        empty={<EmptyState title="No sales yet" />}
        columns={[
          { key: 'rank', header: '#', numeric: true, render: (r) => (leaders?.indexOf(r) ?? 0) + 1 },
          { key: 'name', header: 'Manufacturer', render: (r) => r.name },
          { key: 'gmv', header: 'GMV', numeric: true, render: (r) => formatUsdFromCents(r.gmv) },
          { key: 'orders', header: 'Orders', numeric: true, render: (r) => formatInteger(r.orders) },
          { key: 'buyers', header: 'Buyers', numeric: true, render: (r) => formatInteger(r.buyers) },
        ]}
      />
    </Card>
  );
}

export function CohortRetention() {
  const q = useLiveQuery({
    measures: ['buyer_cohorts.buyers'],
    dimensions: ['buyer_cohorts.months_since_first'],
    timeDimensions: [{ dimension: 'buyer_cohorts.cohort_month', granularity: 'month' }],
  });
  const { cohorts, maxOffset } = useMemo(() => {
    const byCohort = new Map<string, Map<number, number>>();
    let max = 0;
    for (const r of rows(q.resultSet)) {
      const cohort = String(r['buyer_cohorts.cohort_month.month']);
      const offset = toNumber(r['buyer_cohorts.months_since_first']) ?? 0;
      max = Math.max(max, offset);
      if (!byCohort.has(cohort)) byCohort.set(cohort, new Map());
      byCohort.get(cohort)!.set(offset, toNumber(r['buyer_cohorts.buyers']) ?? 0);
    }
    const list = [...byCohort.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, cells]) => ({ month, cells, size: cells.get(0) ?? 0 }));
    return { cohorts: list, maxOffset: max };
  }, [q.resultSet]);
  const offsets = Array.from({ length: maxOffset + 1 }, (_, i) => i);
  return (
    <Card
      title="Cohort retention"
      subtitle="Share of each month's new buyers who ordered again N months later"
      className="span-2"
    >
      <DataTable
        caption="Buyer retention by first-order month"
        captionHidden
        rows={q.loading ? null : cohorts}
        rowKey={(c) => c.month}
        empty={<EmptyState title="No buyer cohorts yet">Cohorts appear after the first orders.</EmptyState>}
        columns={[
          { key: 'month', header: 'First order', render: (c) => formatMonth(c.month) },
          { key: 'size', header: 'Buyers', numeric: true, render: (c) => formatInteger(c.size) },
          ...offsets.map((offset) => ({
            key: `m${offset}`,
            header: `Month ${offset}`,
            numeric: true,
            render: (c: (typeof cohorts)[number]) => {
              const buyers = c.cells.get(offset);
              if (buyers === undefined || c.size === 0)
                return (
                  <>
                    <span aria-hidden="true">·</span>
                    <span className="visually-hidden">no data</span>
                  </>
                );
              const share = buyers / c.size;
              return (
                <span
                  className="retention-cell"
                  style={{
                    background: `color-mix(in srgb, var(--color-accent) ${Math.round(share * 45)}%, white)`,
                  }}
                >
                  {formatPercent(share)}
                </span>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

export default function ExecutiveDashboard() {
  return (
    <AnalyticsProvider>
      <PageHeader title="Executive dashboard" description="The whole marketplace, in US dollars." />
      <Kpis />
      <div className="dashboard-grid">
        <GmvByMonth />
        <GmvByRegion />
        <SupplierLeaderboard />
        <CohortRetention />
      </div>
    </AnalyticsProvider>
  );
}
