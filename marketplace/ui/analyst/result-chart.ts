/**
 * Which chart an explorer answer gets, as an ECharts option: a line over time when the query groups by a time
 * dimension, horizontal bars when it compares dimension values, nothing when there is no measure or nothing to
 * compare. Values are the API's own units (USD cents for money, as in the table), so chart and table agree.
 * Kept free of React so the choice can be tested.
 */
import { cellText, type LoadAnswer, type ResultColumn } from './result-table.ts';
import { formatLocale } from '../i18n/index.ts';
import { analystMessages } from './messages.ts';

const m = analystMessages.explore;
export const MAX_SERIES = 8;
export const MAX_CATEGORIES = 40;
/** Points named in the chart's text alternative before "and N more". */
const SPOKEN_POINTS = 12;

export interface ChartPlan {
  kind: 'line' | 'bar';
  option: Record<string, unknown>;
  /** The text alternative: what the chart shows, with its first figures. */
  label: string;
  height: number;
  /** Series left out (more than MAX_SERIES). */
  seriesCut: boolean;
}

const compact = new Intl.NumberFormat(formatLocale, { notation: 'compact', maximumFractionDigits: 1 });
const percentAxis = new Intl.NumberFormat(formatLocale, { style: 'percent', maximumFractionDigits: 1 });
const toNumber = (v: string | null | undefined) =>
  v === null || v === undefined || v === '' ? null : Number(v);

export function chartFor(answer: LoadAnswer, columns: ResultColumn[]): ChartPlan | null {
  const measures = columns.filter((c) => c.kind === 'measure');
  const time = columns.find((c) => c.kind === 'time');
  const dimensions = columns.filter((c) => c.kind === 'dimension');
  if (measures.length === 0 || answer.data.length === 0 || (!time && dimensions.length === 0)) return null;
  const what = measures.map((c) => c.title).join(', ');
  const tooltip = (c: ResultColumn | undefined) => (v: number | null) =>
    v === null ? '–' : c ? cellText(c, String(v)) : String(v);
  // Two measures usually differ in scale (GMV in cents next to a count): each gets its own axis.
  const dual = measures.length === 2;
  const axisFor = (c: ResultColumn | undefined, second = false) => ({
    type: 'value',
    ...(second ? { splitLine: { show: false } } : {}),
    axisLabel: {
      hideOverlap: true,
      formatter: (v: number) => (c?.format === 'percent' ? percentAxis : compact).format(v),
    },
  });
  const valueAxes = dual ? [axisFor(measures[0]), axisFor(measures[1], true)] : axisFor(measures[0]);
  const axisIndex = (c: ResultColumn) => (dual ? measures.indexOf(c) : 0);
  const dimensionLabel = (row: Record<string, string | null>) =>
    dimensions.map((d) => cellText(d, row[d.key])).join(' · ');

  if (time) {
    const buckets = [...new Set(answer.data.map((r) => r[time.key] ?? ''))].sort();
    const series = new Map<
      string,
      { name: string; measure: ResultColumn; points: Map<string, number | null> }
    >();
    for (const row of answer.data) {
      for (const measure of measures) {
        const group = dimensionLabel(row);
        const id = `${group}\u0000${measure.key}`;
        const name = [group, measures.length > 1 || !group ? measure.title : ''].filter(Boolean).join(' – ');
        if (!series.has(id)) series.set(id, { name, measure, points: new Map() });
        series.get(id)!.points.set(row[time.key] ?? '', toNumber(row[measure.key]));
      }
    }
    const all = [...series.values()];
    const shown = all.slice(0, MAX_SERIES);
    const labels = buckets.map((b) => cellText(time, b));
    const first = shown[0]!;
    const spoken = buckets
      .slice(0, SPOKEN_POINTS)
      .map((b, i) => `${labels[i]} ${tooltip(first.measure)(first.points.get(b) ?? null)}`);
    if (buckets.length > SPOKEN_POINTS) spoken.push(m.chartMore(buckets.length - SPOKEN_POINTS));
    return {
      kind: 'line',
      height: 300,
      seriesCut: all.length > shown.length,
      label: `${m.chartLine(what, time.title)}: ${spoken.join(', ')}`,
      option: {
        grid: { left: 56, right: dual ? 56 : 16, top: shown.length > 1 ? 40 : 16, bottom: 32 },
        legend: shown.length > 1 ? { type: 'scroll', top: 0 } : undefined,
        tooltip: { trigger: 'axis', valueFormatter: tooltip(measures[0]) },
        xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
        yAxis: valueAxes,
        series: shown.map((s) => ({
          type: 'line',
          name: s.name,
          yAxisIndex: axisIndex(s.measure),
          data: buckets.map((b) => s.points.get(b) ?? null),
          connectNulls: false,
          showSymbol: buckets.length <= 60,
        })),
      },
    };
  }

  const rows = answer.data.slice(0, MAX_CATEGORIES);
  const categories = rows.map(dimensionLabel);
  const shownMeasures = measures.slice(0, MAX_SERIES);
  const firstMeasure = shownMeasures[0]!;
  const spoken = rows
    .slice(0, SPOKEN_POINTS)
    .map((row, i) => `${categories[i]} ${tooltip(firstMeasure)(toNumber(row[firstMeasure.key]))}`);
  if (answer.data.length > SPOKEN_POINTS) spoken.push(m.chartMore(answer.data.length - SPOKEN_POINTS));
  return {
    kind: 'bar',
    height: Math.max(200, rows.length * (16 + 8 * Math.min(shownMeasures.length, 3)) + 60),
    seriesCut: measures.length > shownMeasures.length,
    label: `${m.chartBar(what, dimensions.map((d) => d.title).join(', '))}: ${spoken.join(', ')}`,
    option: {
      grid: { left: 120, right: 24, top: dual ? 64 : shownMeasures.length > 1 ? 40 : 8, bottom: 24 },
      legend: shownMeasures.length > 1 ? { type: 'scroll', top: 0 } : undefined,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltip(firstMeasure) },
      xAxis: dual
        ? [
            { ...axisFor(measures[0]), splitNumber: 3 },
            { ...axisFor(measures[1], true), splitNumber: 3, position: 'top' },
          ]
        : { ...axisFor(measures[0]), splitNumber: 3 },
      // The first row on top, as in the table.
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories,
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: shownMeasures.map((c) => ({
        type: 'bar',
        name: c.title,
        xAxisIndex: axisIndex(c),
        data: rows.map((r) => toNumber(r[c.key])),
        barMaxWidth: 24,
      })),
    },
  };
}
