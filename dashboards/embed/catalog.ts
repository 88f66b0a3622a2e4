/**
 * The dashboards another site may embed, their charts, and the cubes each chart queries. One list serves both
 * sides: the embed page renders its charts from it, and the API scopes an embed token to exactly these cubes.
 * Keep a chart's `cubes` equal to what its component queries: a missing cube shows as an error in the embedded
 * chart (the browser test looks for it), an extra one would quietly widen what a token opens.
 * Pure data with no browser or server imports, so api/ can import it too.
 */

/** Whose security context an embedded dashboard runs in: one manufacturer's, or the platform's. */
export type EmbedAudience = 'manufacturer' | 'platform';

export interface EmbeddableChart {
  id: string;
  title: string;
  cubes: readonly string[];
}

export interface EmbeddableDashboard {
  id: string;
  title: string;
  audience: EmbedAudience;
  charts: readonly EmbeddableChart[];
}

export const EMBEDDABLE_DASHBOARDS = [
  {
    id: 'seller-overview',
    title: 'Sales dashboard',
    audience: 'manufacturer',
    charts: [
      // The sales trend card comes with its KPI row, whose customer tile reads buyer_activity.
      { id: 'sales-trend', title: 'Sales trend', cubes: ['orders', 'buyer_activity'] },
      { id: 'top-products', title: 'Top products', cubes: ['order_lines', 'products'] },
      { id: 'new-vs-returning', title: 'New vs returning customers', cubes: ['buyer_activity'] },
      // Sales by city from daily_gmv; distinct buyers by city from orders, grouped by the buyers' city.
      { id: 'buyer-map', title: 'Where your buyers are', cubes: ['daily_gmv', 'orders', 'buyers'] },
      { id: 'benchmarks', title: 'Benchmark vs peers', cubes: ['seller_benchmarks'] },
    ],
  },
  {
    id: 'executive',
    title: 'Executive dashboard',
    audience: 'platform',
    charts: [
      // The headline figures, trend and leaderboard read the daily rollup (see executive-kpis.tsx).
      { id: 'kpis', title: 'Headline figures', cubes: ['daily_gmv'] },
      { id: 'gmv-by-month', title: 'GMV by month', cubes: ['daily_gmv'] },
      { id: 'gmv-by-region', title: 'GMV by buyer region', cubes: ['daily_gmv'] },
      { id: 'supplier-leaderboard', title: 'Supplier leaderboard', cubes: ['daily_gmv', 'sellers'] },
      { id: 'cohort-retention', title: 'Cohort retention', cubes: ['buyer_cohorts'] },
    ],
  },
] as const satisfies readonly EmbeddableDashboard[];

/** The chart ids of one dashboard, so the page that draws them must draw every one (a typed record). */
export type ChartIdOf<D extends (typeof EMBEDDABLE_DASHBOARDS)[number]['id']> = Extract<
  (typeof EMBEDDABLE_DASHBOARDS)[number],
  { id: D }
>['charts'][number]['id'];

/** What an embed id (`seller-overview`, or one chart: `seller-overview/sales-trend`) shows. */
export interface EmbedTarget {
  id: string;
  dashboard: EmbeddableDashboard;
  /** Set when the id names one chart. */
  chart?: EmbeddableChart;
  /** The cubes its queries may touch, and no others. */
  cubes: string[];
}

/** Every id an embed token may name: each dashboard, then each of its charts. */
export const EMBED_IDS: string[] = EMBEDDABLE_DASHBOARDS.flatMap((d) => [
  d.id,
  ...d.charts.map((c) => `${d.id}/${c.id}`),
]);

export function resolveEmbedTarget(id: string): EmbedTarget | undefined {
  const [dashboardId, chartId, ...rest] = id.split('/');
  if (rest.length > 0) return undefined;
  const dashboard: EmbeddableDashboard | undefined = EMBEDDABLE_DASHBOARDS.find((d) => d.id === dashboardId);
  if (!dashboard) return undefined;
  if (chartId === undefined) {
    return { id, dashboard, cubes: [...new Set(dashboard.charts.flatMap((c) => c.cubes))] };
  }
  const chart = dashboard.charts.find((c) => c.id === chartId);
  return chart ? { id, dashboard, chart, cubes: [...chart.cubes] } : undefined;
}
