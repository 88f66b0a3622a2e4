/**
 * The executive dashboard's tables: the supplier leaderboard (drills down to a manufacturer's orders) and buyer
 * cohort retention (every cohort: the period does not apply).
 */
import { useMemo } from 'react';
import { Card, DataTable, EmptyState } from '../../marketplace/ui/components/index.ts';
import { centsToDecimal } from '../controls/csv.ts';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { useDrillDown } from '../controls/DrillDown.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { DrillCell } from '../controls/Figures.tsx';
import { scoped } from '../cube/scope.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { formatInteger, formatMonth, formatPercent, formatUsdFromCents, toNumber } from '../format.ts';
import { DAILY_MEMBERS } from './executive-kpis.tsx';
import { pageMessages as m } from './messages.ts';

const pivot = (rs: { tablePivot: () => Array<Record<string, unknown>> } | null) => rs?.tablePivot() ?? [];

export function SupplierLeaderboard() {
  const filters = useDashboardFilters(ALL_TIME);
  const drill = useDrillDown();
  const q = useLiveQuery(
    scoped(
      {
        measures: ['daily_gmv.gmv', 'daily_gmv.orders', 'daily_gmv.active_buyers'],
        dimensions: ['sellers.name', 'sellers.company_id'],
        order: { 'daily_gmv.gmv': 'desc' },
        limit: 10,
      },
      DAILY_MEMBERS,
      filters,
      filters.range,
    ),
  );
  const leaders = q.resultSet
    ? pivot(q.resultSet).map((r, i) => ({
        rank: i + 1,
        id: String(r['sellers.company_id'] ?? ''),
        name: String(r['sellers.name'] ?? ''),
        gmv: toNumber(r['daily_gmv.gmv']) ?? 0,
        orders: toNumber(r['daily_gmv.orders']) ?? 0,
        buyers: toNumber(r['daily_gmv.active_buyers']) ?? 0,
      }))
    : null;
  const open = drill
    ? (l: { id: string; name: string }) =>
        drill({
          kind: 'orders',
          title: m.executive.ordersOf(l.name),
          filters: [{ member: 'sellers.company_id', operator: 'equals', values: [l.id] }],
        })
    : undefined;
  return (
    <Card
      title={m.executive.leaderboard}
      subtitle={m.executive.leaderboardSubtitle}
      className="span-2"
      actions={
        <ExportButtons
          title={m.executive.leaderboard}
          rows={leaders}
          columns={[
            { header: m.executive.rank, value: (r) => r.rank },
            { header: m.executive.manufacturer, value: (r) => r.name },
            { header: m.gmvUsd, value: (r) => centsToDecimal(r.gmv) },
            { header: m.orders, value: (r) => r.orders },
            { header: m.buyers, value: (r) => r.buyers },
          ]}
        />
      }
    >
      <DataTable
        caption={m.executive.leaderboardSubtitle}
        captionHidden
        rows={q.error ? [] : leaders}
        rowKey={(r) => r.id || r.name}
        empty={<EmptyState title={m.noSales} />}
        columns={[
          { key: 'rank', header: m.executive.rankShort, numeric: true, render: (r) => r.rank },
          {
            key: 'name',
            header: m.executive.manufacturer,
            render: (r) => (
              <DrillCell label={r.name} action={m.showOrders} onDrill={open ? () => open(r) : undefined} />
            ),
          },
          { key: 'gmv', header: m.gmv, numeric: true, render: (r) => formatUsdFromCents(r.gmv) },
          { key: 'orders', header: m.orders, numeric: true, render: (r) => formatInteger(r.orders) },
          { key: 'buyers', header: m.buyers, numeric: true, render: (r) => formatInteger(r.buyers) },
        ]}
      />
    </Card>
  );
}

export function CohortRetention() {
  const filters = useDashboardFilters(ALL_TIME);
  const q = useLiveQuery({
    measures: ['buyer_cohorts.buyers'],
    dimensions: ['buyer_cohorts.months_since_first'],
    timeDimensions: [{ dimension: 'buyer_cohorts.cohort_month', granularity: 'month' }],
  });
  const { cohorts, maxOffset } = useMemo(() => {
    const byCohort = new Map<string, Map<number, number>>();
    let max = 0;
    for (const r of pivot(q.resultSet)) {
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
  const filtered = filters.range || filters.country || filters.category;
  return (
    <Card
      title={m.executive.cohorts}
      subtitle={m.executive.cohortsSubtitle}
      className="span-2"
      actions={
        <ExportButtons
          title={m.executive.cohorts}
          rows={q.resultSet ? cohorts : null}
          columns={[
            { header: m.executive.firstOrderMonth, value: (c) => c.month.slice(0, 7) },
            { header: m.buyers, value: (c) => c.size },
            ...offsets.map((o) => ({
              header: m.executive.monthRetained(o),
              value: (c: (typeof cohorts)[number]) => (c.size ? (c.cells.get(o) ?? 0) / c.size : null),
            })),
          ]}
        />
      }
    >
      {filtered && <p className="card-note">{m.executive.cohortsUnfiltered}</p>}
      <DataTable
        caption={m.executive.cohortsCaption}
        captionHidden
        rows={q.loading ? null : cohorts}
        rowKey={(c) => c.month}
        empty={<EmptyState title={m.executive.noCohorts}>{m.executive.noCohortsBody}</EmptyState>}
        columns={[
          { key: 'month', header: m.executive.firstOrder, render: (c) => formatMonth(c.month) },
          { key: 'size', header: m.buyers, numeric: true, render: (c) => formatInteger(c.size) },
          ...offsets.map((offset) => ({
            key: `m${offset}`,
            header: m.executive.monthN(offset),
            numeric: true,
            render: (c: (typeof cohorts)[number]) => {
              const buyers = c.cells.get(offset);
              if (buyers === undefined || c.size === 0)
                return (
                  <>
                    <span aria-hidden="true">·</span>
                    <span className="visually-hidden">{m.noData}</span>
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
