import { lazy, Suspense, type RefObject } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Skeleton } from '../../marketplace/ui/components/index.ts';
import '../controls/controls.css';
import { chartMessages as m } from './messages.ts';

// ECharts is the heaviest dependency: it loads with the first chart on screen, never with the login page.
const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

/** What a card may ask of its drawn chart: a PNG of it (for "Download PNG"). Null until ECharts has loaded. */
export interface ChartHandle {
  toPng: () => string;
}

/** The point a person clicked: its category (x or y axis label index) and series. */
export interface ChartPoint {
  dataIndex: number;
  seriesIndex: number;
  name: string;
}

/** A series as its legend shows it: the same colour order as the chart's palette; comparisons dashed. */
export interface LegendItem {
  name: string;
  dashed?: boolean;
}

/**
 * The legend in HTML rather than ECharts' (a chunk the dashboards then never load): one swatch per series in the
 * palette's order (EChartCanvas themes ECharts with --color-chart-1..8 in that order).
 */
function Legend(props: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {props.items.map((item, i) => (
        <li key={item.name}>
          <span
            className={
              item.dashed ? 'chart-legend__swatch chart-legend__swatch--dashed' : 'chart-legend__swatch'
            }
            style={{ ['--swatch' as string]: `var(--color-chart-${(i % 8) + 1})` }}
            aria-hidden="true"
          />
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * A chart with a text alternative: `label` summarises it for screen readers (the canvas itself says nothing),
 * and pages put the same figures in a table next to it where the numbers matter. `onSelect` makes points
 * clickable (drill-down); `handle` receives the PNG export once ECharts is there.
 */
export function EChart(props: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  onSelect?: (point: ChartPoint) => void;
  handle?: RefObject<ChartHandle | null>;
  /** The series to name above the chart, when there is more than one. */
  legend?: LegendItem[];
}) {
  const height = props.height ?? 280;
  return (
    <>
      {props.legend && props.legend.length > 0 && <Legend items={props.legend} />}
      <div role="img" aria-label={props.label} className="chart">
        <Suspense fallback={<Skeleton height={height} label={m.loadingChart} />}>
          <EChartCanvas
            option={props.option}
            height={height}
            onSelect={props.onSelect}
            handle={props.handle}
          />
        </Suspense>
      </div>
    </>
  );
}
