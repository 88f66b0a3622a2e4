/**
 * A retailer's spending: what it bought from whom, month by month. The gateway's row rule keeps it to the
 * retailer's own purchases.
 */
import { useMemo } from 'react';
import { Card, DataTable, EmptyState, KpiTile } from '../../marketplace/ui/components/index.ts';
import { EChart } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { AnalyticsProvider } from '../cube/AnalyticsProvider.tsx';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import {
  formatInteger,
  formatMonth,
  formatUsdCompactFromCents,
  formatUsdFromCents,
  toNumber,
} from '../format.ts';
import { PageHeader } from './PageHeader.tsx';

function Totals() {
  const q = useLiveQuery({ measures: ['orders.gmv', 'orders.count', 'orders.aov', 'orders.active_sellers'] });
  const row = q.resultSet ? (q.resultSet.tablePivot()[0] ?? {}) : null;
  const value = (member: string) => (row ? (toNumber(row[member]) ?? 0) : null);
  const spend = value('orders.gmv');
  return (
    <div className="kpi-row">
      <KpiTile
        label="Total spend"
        value={spend === null ? null : formatUsdFromCents(spend)}
        raw={spend}
        testId="kpi-spend"
      />
      <KpiTile label="Orders" value={row ? formatInteger(value('orders.count')) : null} />
      <KpiTile label="Average order value" value={row ? formatUsdFromCents(value('orders.aov')) : null} />
      <KpiTile label="Suppliers" value={row ? formatInteger(value('orders.active_sellers')) : null} />
    </div>
  );
}

function SpendBySupplier() {
  const q = useLiveQuery({
    measures: ['orders.gmv'],
    dimensions: ['sellers.name'],
    timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'month' }],
  });
  const { months, suppliers, cell, totals } = useMemo(() => {
    const data = new Map<string, number>();
    const monthSet = new Set<string>();
    const supplierTotals = new Map<string, number>();
    for (const r of q.resultSet?.tablePivot() ?? []) {
      const month = String(r['orders.placed_at.month']);
      const supplier = String(r['sellers.name'] ?? 'Unknown');
      const gmv = toNumber(r['orders.gmv']) ?? 0;
      monthSet.add(month);
      data.set(`${supplier}|${month}`, gmv);
      supplierTotals.set(supplier, (supplierTotals.get(supplier) ?? 0) + gmv);
    }
    return {
      months: [...monthSet].sort(),
      suppliers: [...supplierTotals.keys()].sort((a, b) => supplierTotals.get(b)! - supplierTotals.get(a)!),
      cell: (supplier: string, month: string) => data.get(`${supplier}|${month}`) ?? 0,
      totals: supplierTotals,
    };
  }, [q.resultSet]);
  const option = useMemo(
    () => ({
      grid: { left: 64, right: 16, top: 48, bottom: 32 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsdFromCents(v) },
      xAxis: { type: 'category', data: months.map(formatMonth) },
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
  const empty = (
    <EmptyState title="No purchases yet">Your spending appears here after your first order.</EmptyState>
  );
  return (
    <>
      <Card title="Spending by supplier and month" subtitle="In US dollars" className="span-2">
        <QueryState query={q} isEmpty={suppliers.length === 0} empty={empty}>
          {() => (
            <EChart
              option={option}
              label={`Spending by supplier: ${suppliers.map((s) => `${s} ${formatUsdFromCents(totals.get(s) ?? 0)}`).join(', ')}`}
            />
          )}
        </QueryState>
      </Card>
      <Card title="By supplier and month" subtitle="Every figure of the chart above" className="span-2">
        <DataTable
          caption="Spending by supplier and month"
          captionHidden
          rows={q.loading ? null : q.error ? [] : suppliers}
          rowKey={(s) => s}
          empty={empty}
          columns={[
            { key: 'supplier', header: 'Supplier', render: (s) => s },
            ...months.map((m) => ({
              key: m,
              header: formatMonth(m),
              numeric: true,
              render: (s: string) => formatUsdFromCents(cell(s, m)),
            })),
            {
              key: 'total',
              header: 'Total',
              numeric: true,
              render: (s) => formatUsdFromCents(totals.get(s) ?? 0),
            },
          ]}
        />
      </Card>
    </>
  );
}

export default function RetailerSpending() {
  return (
    <AnalyticsProvider>
      <PageHeader title="Spending" description="What you bought, from whom, month by month." />
      <Totals />
      <div className="dashboard-grid">
        <SpendBySupplier />
      </div>
    </AnalyticsProvider>
  );
}
