import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Skeleton } from '../../marketplace/ui/components/index.ts';

// ECharts is the heaviest dependency: it loads with the first chart on screen, never with the login page.
const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

/**
 * A chart with a text alternative: `label` summarises it for screen readers (the canvas itself says nothing),
 * and pages put the same figures in a table next to it where the numbers matter.
 */
export function EChart(props: { option: EChartsCoreOption; label: string; height?: number }) {
  const height = props.height ?? 280;
  return (
    <div role="img" aria-label={props.label} className="chart">
      <Suspense fallback={<Skeleton height={height} label="Loading chart" />}>
        <EChartCanvas option={props.option} height={height} />
      </Suspense>
    </div>
  );
}
