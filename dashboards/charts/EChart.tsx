import { lazy, Suspense, type RefObject } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Skeleton } from '../../marketplace/ui/components/index.ts';

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
}) {
  const height = props.height ?? 280;
  return (
    <div role="img" aria-label={props.label} className="chart">
      <Suspense fallback={<Skeleton height={height} label="Loading chart" />}>
        <EChartCanvas option={props.option} height={height} onSelect={props.onSelect} handle={props.handle} />
      </Suspense>
    </div>
  );
}
