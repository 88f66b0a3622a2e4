/**
 * The executive dashboard's GMV charts: over time against the comparison period, and by buyer region. Each reads
 * the page's filters (or, embedded, the all-time view it always had), exports its figures, and drills down to the
 * orders behind a point.
 */
import type { Filter } from '@cubejs-client/core';
import { useMemo, useRef } from 'react';
import { Card, EmptyState } from '../../marketplace/ui/components/index.ts';
import { EChart, type ChartHandle } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { centsToDecimal } from '../controls/csv.ts';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { useDrillDown } from '../controls/DrillDown.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { DrillCell, Figures } from '../controls/Figures.tsx';
import { COMPARISON_LABELS } from '../controls/period.ts';
import { scoped } from '../cube/scope.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { formatDayRange, formatUsdCompactFromCents, formatUsdFromCents, toNumber } from '../format.ts';
import { DAILY_MEMBERS } from './executive-kpis.tsx';
import { pageMessages as m } from './messages.ts';
import { useTimeSeries } from './time-series.ts';

const pivot = (rs: { tablePivot: () => Array<Record<string, unknown>> } | null) => rs?.tablePivot() ?? [];

/**
 * GMV over the period (by day, week or month, whichever reads best) with the comparison period dashed. `wide`
 * spans the page's grid (the app page; the embed keeps it beside the region chart).
 */
export function GmvByMonth({ wide = false }: { wide?: boolean }) {
  const filters = useDashboardFilters(ALL_TIME);
  const drill = useDrillDown();
  const chart = useRef<ChartHandle | null>(null);
  const series = useTimeSeries('daily_gmv.gmv', DAILY_MEMBERS, filters);
  const { points, granularity, label } = series;
  const compareName = filters.period ? COMPARISON_LABELS[filters.period.compare] : null;
  const option = useMemo(
    () => ({
      grid: { left: 64, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsdFromCents(v) },
      xAxis: { type: 'category', data: points.map((p) => p.label) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatUsdCompactFromCents(v) } },
      series: [
        {
          type: 'line',
          name: m.gmv,
          data: points.map((p) => p.value),
          smooth: true,
          areaStyle: { opacity: 0.15 },
          symbolSize: 6,
        },
        ...(compareName
          ? [
              {
                type: 'line',
                name: compareName,
                data: points.map((p) => p.compared),
                lineStyle: { type: 'dashed' },
                symbol: 'none',
              },
            ]
          : []),
      ],
    }),
    [points, compareName],
  );
  const title = m.executive.gmvBy[granularity];
  const open = drill
    ? (i: number) => {
        const p = points[i];
        if (p) drill({ kind: 'orders', title: m.ordersPlaced(p.longLabel), filters: [], range: p.range });
      }
    : undefined;
  return (
    <Card
      title={title}
      className={wide ? 'span-2' : undefined}
      subtitle={
        filters.range
          ? m.executive.gmvSubtitle(formatDayRange(filters.range), compareName)
          : m.executive.gmvSubtitleAllTime
      }
      actions={
        <ExportButtons
          title={title}
          rows={series.query.resultSet ? points : null}
          chart={chart}
          columns={[
            { header: label, value: (p) => p.start },
            { header: m.gmvUsd, value: (p) => centsToDecimal(p.value) },
            ...(compareName
              ? [
                  {
                    header: m.executive.comparedGmvUsd(compareName),
                    value: (p: (typeof points)[number]) => centsToDecimal(p.compared),
                  },
                ]
              : []),
          ]}
        />
      }
    >
      <QueryState
        query={series.query}
        isEmpty={points.every((p) => !p.value)}
        empty={<EmptyState title={m.noOrders} />}
      >
        {() => (
          <>
            <EChart
              option={option}
              handle={chart}
              legend={compareName ? [{ name: m.gmv }, { name: compareName, dashed: true }] : undefined}
              onSelect={open ? (p) => open(p.dataIndex) : undefined}
              label={m.chartLabel(
                title,
                points.map((p) => `${p.label} ${formatUsdFromCents(p.value)}`).join(', '),
              )}
            />
            <Figures
              caption={title}
              rows={points}
              rowKey={(p) => p.start}
              columns={[
                {
                  key: 'bucket',
                  header: label,
                  render: (p) => (
                    <DrillCell
                      label={p.rangeLabel}
                      action={m.showOrdersThen}
                      onDrill={open ? () => open(points.indexOf(p)) : undefined}
                    />
                  ),
                },
                { key: 'gmv', header: m.gmv, numeric: true, render: (p) => formatUsdFromCents(p.value) },
                ...(compareName
                  ? [
                      {
                        key: 'compared',
                        header: compareName,
                        numeric: true,
                        render: (p: (typeof points)[number]) => formatUsdFromCents(p.compared),
                      },
                    ]
                  : []),
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}

/** Filters that pick a buyer region in the orders cube: '' is a buyer whose city has no region. */
const regionFilter = (region: string): Filter =>
  region === ''
    ? {
        or: [
          { member: 'buyers.region', operator: 'notSet' },
          { member: 'buyers.region', operator: 'equals', values: [''] },
        ],
      }
    : { member: 'buyers.region', operator: 'equals', values: [region] };

const regionName = (region: string) => region || m.executive.unknownRegion;

export function GmvByRegion() {
  const filters = useDashboardFilters(ALL_TIME);
  const drill = useDrillDown();
  const chart = useRef<ChartHandle | null>(null);
  const q = useLiveQuery(
    scoped(
      { measures: ['daily_gmv.gmv'], dimensions: ['daily_gmv.buyer_region'] },
      { time: 'daily_gmv.day', country: 'daily_gmv.buyer_country' },
      filters,
      filters.range,
    ),
  );
  const regions = useMemo(
    () =>
      pivot(q.resultSet)
        .map((r) => ({
          region: String(r['daily_gmv.buyer_region'] ?? ''),
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
      yAxis: { type: 'category', data: regions.map((r) => regionName(r.region)), triggerEvent: true },
      series: [{ type: 'bar', name: m.gmv, data: regions.map((r) => r.gmv), barMaxWidth: 28 }],
    }),
    [regions],
  );
  const open = drill
    ? (region: string) =>
        drill({ kind: 'orders', title: m.ordersFrom(regionName(region)), filters: [regionFilter(region)] })
    : undefined;
  return (
    <Card
      title={m.executive.byRegion}
      subtitle={m.executive.byRegionSubtitle}
      actions={
        <ExportButtons
          title={m.executive.byRegion}
          rows={q.resultSet ? [...regions].reverse() : null}
          chart={chart}
          columns={[
            { header: m.executive.region, value: (r) => regionName(r.region) },
            { header: m.gmvUsd, value: (r) => centsToDecimal(r.gmv) },
          ]}
        />
      }
    >
      <QueryState query={q} isEmpty={regions.length === 0} empty={<EmptyState title={m.noOrders} />}>
        {() => (
          <>
            <EChart
              option={option}
              handle={chart}
              onSelect={open ? (p) => open(regions[p.dataIndex]?.region ?? p.name) : undefined}
              label={m.chartLabel(
                m.executive.byRegion,
                regions.map((r) => `${regionName(r.region)} ${formatUsdFromCents(r.gmv)}`).join(', '),
              )}
            />
            <Figures
              caption={m.executive.byRegion}
              rows={[...regions].reverse()}
              rowKey={(r) => r.region || 'unknown'}
              columns={[
                {
                  key: 'region',
                  header: m.executive.region,
                  render: (r) => (
                    <DrillCell
                      label={regionName(r.region)}
                      action={m.showOrdersThere}
                      onDrill={open ? () => open(r.region) : undefined}
                    />
                  ),
                },
                { key: 'gmv', header: m.gmv, numeric: true, render: (r) => formatUsdFromCents(r.gmv) },
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
