/**
 * A manufacturer's monthly sales next to the bands of its anonymised peers (withheld, with the reason, when the
 * peer group is too small to hide any one competitor). Monthly and platform-computed: the page's period and
 * filters do not apply, and the card says so.
 */
import { Card, DataTable, EmptyState } from '../../marketplace/ui/components/index.ts';
import { centsToDecimal } from '../controls/csv.ts';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { formatMonth, formatUsdFromCents, toNumber } from '../format.ts';
import { manufacturerMessages as t } from './manufacturer-messages.ts';
import { pageMessages } from './messages.ts';

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
  const filters = useDashboardFilters(ALL_TIME);
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
        <span className="visually-hidden">{t.withheld}</span>
      </>
    ) : (
      formatUsdFromCents(n)
    );
  const position = (m: BenchmarkRow) => {
    if (m.p25 === null || m.p50 === null || m.p75 === null || m.p90 === null) return t.notEnoughPeers;
    if (m.gmv >= m.p90) return t.top10;
    if (m.gmv >= m.p75) return t.top25;
    if (m.gmv >= m.p50) return t.aboveMedian;
    if (m.gmv >= m.p25) return t.belowMedian;
    return t.bottom25;
  };
  const filtered = filters.range || filters.country || filters.category;
  return (
    <Card
      title={t.benchmarks}
      subtitle={t.benchmarksSubtitle}
      className="span-2"
      actions={
        <ExportButtons
          title={t.benchmarks}
          rows={months}
          columns={[
            { header: pageMessages.month, value: (m) => m.month.slice(0, 7) },
            { header: t.yourSalesUsd, value: (m) => centsToDecimal(m.gmv) },
            { header: t.p25Usd, value: (m) => centsToDecimal(m.p25) },
            { header: t.medianUsd, value: (m) => centsToDecimal(m.p50) },
            { header: t.p75Usd, value: (m) => centsToDecimal(m.p75) },
            { header: t.p90Usd, value: (m) => centsToDecimal(m.p90) },
            { header: t.youAre, value: position },
          ]}
        />
      }
    >
      {filtered && <p className="card-note">{t.everyMonth}</p>}
      {withheld && <p className="benchmark-note">{t.withheldNote}</p>}
      <DataTable
        caption={t.benchmarksCaption}
        captionHidden
        rows={q.error ? [] : months}
        rowKey={(m) => m.month}
        empty={<EmptyState title={t.noBenchmark}>{t.noBenchmarkBody}</EmptyState>}
        columns={[
          { key: 'month', header: pageMessages.month, render: (m) => formatMonth(m.month) },
          { key: 'gmv', header: t.yourSales, numeric: true, render: (m) => formatUsdFromCents(m.gmv) },
          { key: 'p25', header: t.p25, numeric: true, render: (m) => band(m.p25) },
          { key: 'p50', header: t.median, numeric: true, render: (m) => band(m.p50) },
          { key: 'p75', header: t.p75, numeric: true, render: (m) => band(m.p75) },
          { key: 'p90', header: t.p90, numeric: true, render: (m) => band(m.p90) },
          { key: 'position', header: t.youAre, render: position },
        ]}
      />
    </Card>
  );
}
