/**
 * What one navigation to the executive dashboard measures, in the page and on the wire.
 *
 * In the page (an init script, so it runs before the app's own scripts in every document): on every animation
 * frame it notes, as `performance.now()` (milliseconds since navigation start), the first frame in which
 *   - kpis: all ten KPI tiles show a value and none still has its skeleton (the tiles' data-testid, from
 *     dashboards/pages/executive-kpis.tsx; the skeleton is marketplace/ui/components/Skeleton.tsx's
 *     `.ws-skeleton`). The page has no "all loaded" marker of its own, so the DOM is what says it;
 *   - firstChart: the first ECharts canvas inside a `.chart`;
 *   - allCards: the tiles, no skeleton anywhere, and every `.chart` has its canvas;
 *   - map: the deck.gl canvas of the map card has drawn something (a 48x27 copy of it has more than 20 colours;
 *     deck.gl keeps its drawing buffer, so it can be read back); mapFallback if the card says it cannot draw.
 *
 * It also keeps the main thread's long tasks (over 50 ms), to tell waiting for answers from drawing them.
 *
 * On the wire: every /cubejs-api/v1/load request the page made, from Playwright's request events, with its
 * start relative to navigation start and its duration (request sent to response end).
 */
import type { Page, Request } from 'playwright-core';

export const KPI_TILES = [
  'kpi-gmv',
  'kpi-net-gmv',
  'kpi-take-rate',
  'kpi-orders',
  'kpi-aov',
  'kpi-active-buyers',
  'kpi-active-sellers',
  'kpi-net-revenue',
  'kpi-mrr',
  'kpi-arr',
] as const;

export type MarkName = 'kpis' | 'firstChart' | 'allCards' | 'map' | 'mapFallback';
export type Marks = Partial<Record<MarkName, number>>;

/** Runs in the browser: keep it self-contained (no imports, no closures over Node values). */
function probe(tiles: readonly string[]) {
  const marks: Record<string, number> = {};
  (window as unknown as { __dashboardMarks: Record<string, number> }).__dashboardMarks = marks;
  // Main-thread tasks over 50 ms (script, layout, ECharts, deck.gl): what keeps an answer from being painted.
  const longTasks: Array<[number, number]> = [];
  (window as unknown as { __dashboardLongTasks: Array<[number, number]> }).__dashboardLongTasks = longTasks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the report shows none
  }
  const mark = (name: string, at: number) => {
    if (!(name in marks)) marks[name] = at;
  };
  let lastMapCheck = 0;
  const sample = document.createElement('canvas');
  sample.width = 48;
  sample.height = 27;
  const mapDrawn = (canvas: HTMLCanvasElement) => {
    const ctx = sample.getContext('2d', { willReadFrequently: true });
    if (!ctx || canvas.width === 0) return false;
    ctx.clearRect(0, 0, sample.width, sample.height);
    ctx.drawImage(canvas, 0, 0, sample.width, sample.height);
    const data = ctx.getImageData(0, 0, sample.width, sample.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4)
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size > 20;
  };
  const check = () => {
    const now = performance.now();
    if (location.pathname === '/executive') {
      const tilesShown = tiles.every((id) => {
        const tile = document.querySelector(`[data-testid="${id}"]`);
        return tile && tile.querySelector('.ws-kpi__value') && !tile.querySelector('.ws-skeleton');
      });
      if (tilesShown) mark('kpis', now);
      const charts = [...document.querySelectorAll('.chart')];
      if (charts.some((c) => c.querySelector('canvas'))) mark('firstChart', now);
      if (
        tilesShown &&
        charts.length > 0 &&
        charts.every((c) => c.querySelector('canvas')) &&
        !document.querySelector('.ws-skeleton')
      )
        mark('allCards', now);
      if (document.querySelector('[data-testid="gmv-map-fallback"]')) mark('mapFallback', now);
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="gmv-map"] canvas');
      // Reading a WebGL canvas back costs a few ms in SwiftShader: at most every 50 ms.
      if (canvas && !('map' in marks) && now - lastMapCheck > 50) {
        lastMapCheck = now;
        if (mapDrawn(canvas)) mark('map', performance.now());
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

export async function installProbe(page: Page) {
  // As source text: tsx compiles functions with esbuild's `__name` helper, which the page does not have.
  await page.addInitScript({
    content: `var __name = (f) => f; (${probe.toString()})(${JSON.stringify(KPI_TILES)});`,
  });
}

/** What the page shows when a mark is missing: each tile's state, skeletons left, any card's error. */
export async function describePage(page: Page): Promise<string> {
  return page.evaluate((tiles) => {
    const state = tiles.map((id) => {
      const tile = document.querySelector(`[data-testid="${id}"]`);
      return `${id}: ${!tile ? 'absent' : tile.querySelector('.ws-skeleton') ? 'loading' : (tile.querySelector('.ws-kpi__value')?.textContent ?? '?')}`;
    });
    const errors = [...document.querySelectorAll('h2, h3, p')]
      .map((e) => e.textContent ?? '')
      .filter((t) => /could not|failed|error/i.test(t));
    return `${location.pathname}; ${state.join(', ')}; skeletons ${document.querySelectorAll('.ws-skeleton').length}; charts ${document.querySelectorAll('.chart').length}${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`;
  }, KPI_TILES);
}

export interface LoadCall {
  /** The Cube query as sent (JSON text), to match it with the server's side. */
  query: string;
  startMs: number;
  /** From the request's creation to its first byte on the wire: Chromium queues requests beyond 6 per host. */
  queuedMs: number;
  durationMs: number;
  status: number;
}

/** Records the page's Cube calls; `calls(timeOrigin)` gives those since `reset()`, relative to navigation start. */
export function recordLoadCalls(page: Page) {
  let calls: Array<Omit<LoadCall, 'startMs'> & { startEpochMs: number }> = [];
  const onFinished = async (request: Request) => {
    if (!request.url().includes('/cubejs-api/v1/load')) return;
    const timing = request.timing();
    const url = new URL(request.url());
    const query =
      request.method() === 'GET' ? (url.searchParams.get('query') ?? '') : (request.postData() ?? '');
    const response = await request.response();
    calls.push({
      query,
      startEpochMs: timing.startTime,
      queuedMs: Math.max(0, timing.requestStart),
      durationMs: timing.responseEnd,
      status: response?.status() ?? 0,
    });
  };
  page.on('requestfinished', (r) => void onFinished(r));
  return {
    reset() {
      calls = [];
    },
    /** `timeOrigin`: the page's performance.timeOrigin (epoch ms), the zero of its marks. */
    calls: (timeOrigin: number): LoadCall[] =>
      calls.map(({ startEpochMs, ...c }) => ({ ...c, startMs: startEpochMs - timeOrigin })),
  };
}

/** The page's first call of each distinct query (later ones are its 2-second live refreshes). */
export function firstCalls(calls: LoadCall[], before: number): LoadCall[] {
  const seen = new Map<string, LoadCall>();
  for (const c of [...calls].sort((a, b) => a.startMs - b.startMs))
    if (!seen.has(c.query) && c.startMs <= before) seen.set(c.query, c);
  return [...seen.values()];
}

/** Main-thread long tasks as [start, duration] since navigation start. */
export async function longTasks(page: Page): Promise<Array<[number, number]>> {
  return page.evaluate(
    () =>
      (window as unknown as { __dashboardLongTasks?: Array<[number, number]> }).__dashboardLongTasks ?? [],
  );
}

/**
 * Waits until the tiles and every card are in (or `timeoutMs`), then brings the map card on screen (it loads
 * deck.gl only when near the screen, as a person scrolling down would) and waits for it to draw. Returns the
 * marks and when the map was scrolled to (ms since navigation start).
 */
export async function waitForMarks(
  page: Page,
  timeoutMs: number,
): Promise<{ marks: Marks; mapScrolledAt: number }> {
  const deadline = Date.now() + timeoutMs;
  const read = async () =>
    (await page.evaluate(
      () => (window as unknown as { __dashboardMarks?: Marks }).__dashboardMarks ?? {},
    )) as Marks;
  let marks = await read();
  while ((marks.kpis === undefined || marks.allCards === undefined) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    marks = await read();
  }
  const mapScrolledAt = await page.evaluate(() => {
    document.querySelector('[data-testid="gmv-map"]')?.scrollIntoView({ block: 'center' });
    return performance.now();
  });
  while (marks.map === undefined && marks.mapFallback === undefined && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    marks = await read();
  }
  return { marks, mapScrolledAt };
}
