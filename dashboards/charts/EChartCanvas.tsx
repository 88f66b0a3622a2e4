import { BarChart, LineChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ChartHandle, ChartPoint } from './EChart.tsx';

// Only the pieces we draw with, so the lazy chunk stays small: line and bar charts on a grid.
echarts.use([LineChart, BarChart, GridSimpleComponent, CanvasRenderer]);

/**
 * Tooltips (and the axis pointer) load on the first pointer over any chart: a page that is only read never
 * fetches them, and they keep the dashboards' first load under its budget (bench/web-bundle/size.ts). Charts
 * draw the same without them; the `tooltip` of an option takes effect once they are there.
 */
let tooltips: Promise<unknown> | null = null;
const loadTooltips = () => (tooltips ??= import('./echarts-tooltips.ts'));
/** ECharts' legend only for an option that asks for one; the dashboards draw theirs in HTML (EChart.tsx). */
let legends: Promise<unknown> | null = null;
const loadLegends = () => (legends ??= import('./echarts-legend.ts'));

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
  const [pointable, setPointable] = useState(false);
  const wantTooltips = () => {
    if (!pointable) void loadTooltips().then(() => setPointable(true));
  };

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
    const element = container.current;
    if (!chart.current || !element) return;
    let current = true;
    const draw = () => {
      const instance = chart.current;
      if (!current || !instance) return;
      const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      instance.setOption(
        { ...themeFromTokens(element), animation: !reducedMotion, ...option },
        { notMerge: true },
      );
    };
    if ('legend' in option && option.legend) void loadLegends().then(draw);
    else draw();
    return () => {
      current = false;
    };
  }, [option, pointable]);

  return (
    <div
      ref={container}
      onPointerEnter={wantTooltips}
      onTouchStart={wantTooltips}
      style={{ height, width: '100%', cursor: onSelect ? 'pointer' : undefined }}
      data-selectable={onSelect ? 'true' : undefined}
    />
  );
}
