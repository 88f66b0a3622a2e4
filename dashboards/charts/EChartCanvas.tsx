import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type RefObject } from 'react';
import type { ChartHandle, ChartPoint } from './EChart.tsx';

// Only the pieces we draw with, so the lazy chunk stays small.
echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  CanvasRenderer,
]);

/** The palette and text colours come from the design tokens, so charts follow the theme. */
function themeFromTokens(element: HTMLElement) {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    color: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => token(`--color-chart-${i}`, '#0b7a75')),
    textStyle: {
      color: token('--color-ink-muted', '#4a5a6a'),
      fontFamily: token('--font-sans', 'sans-serif'),
    },
  };
}

export default function EChartCanvas({
  option,
  height,
  onSelect,
  handle,
}: {
  option: echarts.EChartsCoreOption;
  height: number;
  onSelect?: (point: ChartPoint) => void;
  handle?: RefObject<ChartHandle | null>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const element = container.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    // A click on a point, or on a category label (bars are thin when values are small), selects it.
    instance.on('click', (params) => {
      const p = params as { dataIndex?: number; seriesIndex?: number; name?: string };
      if (p.dataIndex === undefined || !select.current) return;
      select.current({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0, name: p.name ?? '' });
    });
    if (handle) {
      const background = getComputedStyle(element).getPropertyValue('--color-surface').trim() || '#ffffff';
      handle.current = {
        toPng: () => instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }),
      };
    }
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
      if (handle) handle.current = null;
    };
  }, [handle]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !container.current) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    instance.setOption(
      { ...themeFromTokens(container.current), animation: !reducedMotion, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={container}
      style={{ height, width: '100%', cursor: onSelect ? 'pointer' : undefined }}
      data-selectable={onSelect ? 'true' : undefined}
    />
  );
}
