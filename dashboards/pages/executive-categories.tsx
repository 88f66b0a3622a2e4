/**
 * The executive dashboard's sales by category: top-level categories, or the subcategories of the one chosen,
 * with a drill-down to the order lines behind a category.
 */
import { useMemo, useRef } from 'react';
import { Card, EmptyState } from '../../marketplace/ui/components/index.ts';
import { EChart, type ChartHandle } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { centsToDecimal } from '../controls/csv.ts';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { useDrillDown } from '../controls/DrillDown.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { DrillCell, Figures } from '../controls/Figures.tsx';
import { scoped } from '../cube/scope.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import {
  formatInteger,
  formatPercent,
  formatUsdCompactFromCents,
  formatUsdFromCents,
  toNumber,
} from '../format.ts';
import { pageMessages as m } from './messages.ts';

interface CategoryRow {
  slug: string;
  name: string;
  revenue: number;
  units: number;
  margin: number | null;
}

/**
 * Line revenue by top-level category, or by the second level inside the chosen category. From the daily
 * category mart; with a buyer country chosen, from the order lines (the mart has no buyer country), so every
 * figure on the page is for the same buyers.
 */
export function CategoryBreakdown() {
  const filters = useDashboardFilters(ALL_TIME);
  const drill = useDrillDown();
  const chart = useRef<ChartHandle | null>(null);
  const cube = filters.country ? 'order_lines' : 'category_sales';
  const level = filters.category ? 'category_l2' : 'category_l1';
  const q = useLiveQuery(
    scoped(
      {
        measures: [`${cube}.revenue`, `${cube}.units`, `${cube}.margin_rate`],
        dimensions: [`${cube}.${level}`, `${cube}.${level}_name`],
        order: { [`${cube}.revenue`]: 'desc' },
      },
      {
        time: cube === 'order_lines' ? 'order_lines.placed_at' : 'category_sales.day',
        country: cube === 'order_lines' ? 'buyers.country' : undefined,
        category: `${cube}.category_l1`,
      },
      filters,
      filters.range,
    ),
  );
  const rows: CategoryRow[] = useMemo(() => {
    // Uncategorised lines ('' slug) can come with an empty and a missing name: one row per slug.
    const bySlug = new Map<string, CategoryRow>();
    for (const r of q.resultSet?.rawData() ?? []) {
      const row = {
        slug: String(r[`${cube}.${level}`] ?? ''),
        name: String(r[`${cube}.${level}_name`] || m.executive.uncategorised),
        revenue: toNumber(r[`${cube}.revenue`]) ?? 0,
        units: toNumber(r[`${cube}.units`]) ?? 0,
        margin: toNumber(r[`${cube}.margin_rate`]),
      };
      const seen = bySlug.get(row.slug);
      bySlug.set(
        row.slug,
        seen
          ? // Two margins cannot be added up without their revenue with cost: leave it unsaid.
            { ...seen, revenue: seen.revenue + row.revenue, units: seen.units + row.units, margin: null }
          : row,
      );
    }
    return [...bySlug.values()].sort((a, b) => b.revenue - a.revenue);
  }, [q.resultSet, cube, level]);
  const option = useMemo(() => {
    const shown = [...rows].slice(0, 12).reverse();
    return {
      grid: { left: 140, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsdFromCents(v) },
      xAxis: {
        type: 'value',
        splitNumber: 3,
        axisLabel: { formatter: (v: number) => formatUsdCompactFromCents(v), hideOverlap: true },
      },
      yAxis: {
        type: 'category',
        data: shown.map((r) => r.name),
        axisLabel: { width: 128, overflow: 'truncate' },
      },
      series: [{ type: 'bar', name: m.revenue, data: shown.map((r) => r.revenue), barMaxWidth: 24 }],
    };
  }, [rows]);
  const open = drill
    ? (row: CategoryRow) =>
        drill({
          kind: 'lines',
          title: m.executive.linesIn(row.name),
          filters: [{ member: `order_lines.${level}`, operator: 'equals', values: [row.slug] }],
        })
    : undefined;
  const title = filters.category ? m.executive.bySubcategory : m.executive.byCategory;
  return (
    <Card
      title={title}
      subtitle={m.executive.categorySubtitle}
      actions={
        <ExportButtons
          title={title}
          rows={q.resultSet ? rows : null}
          chart={chart}
          columns={[
            { header: m.category, value: (r) => r.name },
            { header: m.executive.categorySlug, value: (r) => r.slug },
            { header: m.revenueUsd, value: (r) => centsToDecimal(r.revenue) },
            { header: m.units, value: (r) => r.units },
            { header: m.executive.marginRate, value: (r) => r.margin },
          ]}
        />
      }
    >
      <QueryState query={q} isEmpty={rows.length === 0} empty={<EmptyState title={m.noSales} />}>
        {() => (
          <>
            <EChart
              option={option}
              handle={chart}
              onSelect={
                open
                  ? (p) => {
                      const shown = [...rows].slice(0, 12).reverse();
                      const r = shown[p.dataIndex];
                      if (r) open(r);
                    }
                  : undefined
              }
              label={m.chartLabel(
                title,
                rows.map((r) => `${r.name} ${formatUsdFromCents(r.revenue)}`).join(', '),
              )}
            />
            <Figures
              caption={title}
              rows={rows}
              rowKey={(r) => r.slug || 'uncategorised'}
              columns={[
                {
                  key: 'name',
                  header: m.category,
                  render: (r) => (
                    <DrillCell
                      label={r.name}
                      action={m.showLines}
                      onDrill={open ? () => open(r) : undefined}
                    />
                  ),
                },
                {
                  key: 'revenue',
                  header: m.revenue,
                  numeric: true,
                  render: (r) => formatUsdFromCents(r.revenue),
                },
                { key: 'units', header: m.units, numeric: true, render: (r) => formatInteger(r.units) },
                {
                  key: 'margin',
                  header: m.executive.margin,
                  numeric: true,
                  render: (r) => formatPercent(r.margin),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
