/**
 * `npm run bench:web [-- --lines 10000000 --runs 7]`: does the executive dashboard show all its numbers within
 * 2 seconds of navigation on the 10M-line dataset, in headless Chromium? And how does that compare with the time
 * of the page's own API calls?
 *
 * 1. Loads a warehouse (chDB, in a temporary data folder) with `--lines` order lines in the product's facts and
 *    marts (warehouse-data.ts), and an executive in the OLTP side (PGlite), through the identity service.
 * 2. Starts the platform in process (embedded mode, as the browser tests do) serving the built web app
 *    (`--web-dir`, default WHOLESAIL_WEB_DIR or dist/web; built there first when missing).
 * 3. Signs in as the executive in Chromium, opens /executive once to warm the browser's and the gateway's
 *    compiled-query caches (not counted), then `--runs` times: about:blank (stops the page's live refreshes),
 *    bust the gateway's answer cache, navigate to /executive, and measure (page-probe.ts).
 *
 * The answer cache is keyed by the warehouse's data version (semantic-layer/data-version.ts): a row written to
 * `wholesail.bench_cache_buster` before each run changes that version, exactly as a new order would, so every
 * query of the run goes to ClickHouse; the run reports the cache hits it saw (should be 0 in the first load).
 * The marts' scheduled refreshes are stopped while measuring (`--live-marts` keeps them), since at 10M lines
 * each refresh is seconds of CPU on a shared 2-core machine; their cost is printed instead.
 */
// The app first: zod schemas get `.openapi()` only if created after api/openapi.ts extends zod.
import { createApp } from '../../api/app.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { chromium, type Page } from 'playwright-core';
import { createTokenIssuer } from '../../api/auth/tokens.ts';
import { DEFAULT_WEB_DIR } from '../../api/web.ts';
import { loadConfig } from '../../platform/config.ts';
import { createPlatform } from '../../platform/container.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { createLogger } from '../../platform/logger.ts';
import { loadModels } from '../../warehouse/models.ts';
import {
  describePage,
  firstCalls,
  installProbe,
  longTasks,
  recordLoadCalls,
  waitForMarks,
  type LoadCall,
  type Marks,
} from './page-probe.ts';
import { loadLine, machineLine, ms, percentile, table } from './report.ts';
import { loadDashboardWarehouse, loadUnits } from './warehouse-data.ts';

const { values: args } = parseArgs({
  options: {
    lines: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '7' },
    'web-dir': { type: 'string' },
    viewport: { type: 'string', default: '1280x900' },
    'live-marts': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '60000' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`npm run bench:web -- [--lines 10000000] [--runs 7] [--web-dir dist/web] [--viewport 1280x900]
  [--live-marts] [--timeout 60000]
Quick try: npm run bench:web -- --lines 100000 --runs 3`);
  process.exit(0);
}
const LINES = Number(args.lines);
const RUNS = Number(args.runs);
const TIMEOUT_MS = Number(args.timeout);
const [WIDTH, HEIGHT] = args.viewport.split('x').map(Number) as [number, number];
if (!(LINES >= 3) || !(RUNS >= 1) || !WIDTH || !HEIGHT) {
  console.error('--lines must be at least 3, --runs at least 1, --viewport WIDTHxHEIGHT');
  process.exit(2);
}
const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB_DIR = path.resolve(args['web-dir'] ?? DEFAULT_WEB_DIR);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXEC_EMAIL = 'exec@bench.wholesail.test';
const EXEC_PASSWORD = 'bench-dashboard-executive';

console.log(`Machine: ${machineLine()}`);
console.log(`Before the run: ${loadLine()}`);

if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
  console.log(`Building the web app into ${WEB_DIR} ...`);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, WHOLESAIL_WEB_DIR: WEB_DIR },
  });
}
if (!existsSync(CHROMIUM)) {
  console.error(
    `Chromium not found at ${CHROMIUM} (scripts/browser/ensure-chromium.sh, or set CHROMIUM_PATH)`,
  );
  process.exit(2);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-web-dashboard-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RELAY_POLL_MS: '50' });
const platform = await createPlatform(config, createLogger(config.logLevel));
let server: Server | undefined;
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;

try {
  await platform.startPipeline();
  // The OLTP side only needs someone to sign in: a platform company whose owner is an executive.
  await platform.services.identity.registerCompany(
    {
      kind: 'platform',
      name: 'Wholesail',
      country: 'US',
      city: 'San Francisco',
      owner: { email: EXEC_EMAIL, password: EXEC_PASSWORD, role: 'executive' },
    },
    systemActor,
  );
  await platform.relay.drain();

  const bar = new SingleBar(
    {
      format: 'Loading the warehouse [{bar}] {percentage}% | {duration_formatted} | {task}',
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    Presets.shades_classic,
  );
  bar.start(loadUnits(LINES), 0, { task: '' });
  const loaded = await loadDashboardWarehouse(platform.warehouse, LINES, (done, task) =>
    bar.update(done, { task }),
  );
  bar.stop();
  console.log(
    `Dataset: ${loaded.lines.toLocaleString('en')} order lines in ${loaded.orders.toLocaleString('en')} orders over two years up to now, ` +
      `${loaded.sellers.toLocaleString('en')} manufacturers, ${loaded.buyers.toLocaleString('en')} retailers, ` +
      `${loaded.refunds.toLocaleString('en')} refunds; loaded and marts built in ${loaded.seconds.toFixed(1)} s`,
  );
  console.log(
    `Marts at this size (one refresh by the warehouse build, schedules stopped): ${loaded.marts
      .map(
        (m) =>
          `${m.name} ${m.seconds.toFixed(1)} s (${m.refresh.toLowerCase()}; ${m.waitedSeconds.toFixed(1)} s waited)`,
      )
      .join(', ')}`,
  );

  // The load leaves the marts' schedules stopped; --live-marts runs them as the product does.
  if (args['live-marts'])
    for (const m of loadModels().filter((model) => model.config.materialized === 'refreshable'))
      await platform.warehouse.command({ query: `SYSTEM START VIEW wholesail.${m.name}` });
  await platform.warehouse.command({
    query:
      'CREATE TABLE IF NOT EXISTS wholesail.bench_cache_buster (at DateTime64(3)) ENGINE = MergeTree ORDER BY at',
  });
  const bustCache = async () => {
    await platform.warehouse.command({ query: 'INSERT INTO wholesail.bench_cache_buster VALUES (now64(3))' });
    // The gateway re-reads the data version at most every 250 ms.
    await new Promise((r) => setTimeout(r, 400));
  };

  // Server side: each gateway.load (one HTTP /load: its queries run at once) and each warehouse
  // query, with how many ran at once, and how long the event loop was held up.
  const serverLoads: Array<{ query: string; startMs: number; durationMs: number }> = [];
  const originalLoad = platform.gateway.load;
  platform.gateway.load = async (principal, rawQuery) => {
    const start = performance.now();
    try {
      return await originalLoad(principal, rawQuery);
    } finally {
      serverLoads.push({
        query: JSON.stringify(rawQuery),
        startMs: start,
        durationMs: performance.now() - start,
      });
    }
  };
  let inFlight = 0;
  let maxInFlight = 0;
  const sqlTimes: number[] = [];
  const originalQuery = platform.warehouse.query.bind(platform.warehouse);
  platform.warehouse.query = (async (params: Parameters<typeof originalQuery>[0]) => {
    const start = performance.now();
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      return await originalQuery(params);
    } finally {
      inFlight--;
      sqlTimes.push(performance.now() - start);
    }
  }) as typeof platform.warehouse.query;

  const app = createApp(platform, {
    tokens: createTokenIssuer('bench-web-dashboard-secret-long-enough-for-hs256'),
    publicUrl: 'http://127.0.0.1',
    webDir: WEB_DIR,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As tests/browser/support/browser.ts: a closed network, software WebGL (SwiftShader) for the map.
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  const page: Page = await (
    await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT } })
  ).newPage();
  await installProbe(page);
  const recorder = recordLoadCalls(page);

  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(EXEC_EMAIL);
  await page.getByLabel('Password').fill(EXEC_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/executive`);

  interface Run {
    marks: Marks;
    /** When the map card was scrolled on screen, after the tiles and cards (ms since navigation start). */
    mapScrolledAt: number;
    calls: LoadCall[];
    kpiCalls: LoadCall[];
    server: typeof serverLoads;
    cacheHits: number;
    cacheMisses: number;
    /** Main-thread long tasks before the tiles showed: total and longest. */
    busyBeforeKpisMs: number;
    longestTaskMs: number;
    sqlCount: number;
    sqlMax: number;
    maxInFlight: number;
    loopDelayMaxMs: number;
  }
  // The two requests behind the ten tiles: OrderTiles (daily_gmv.*, three windows) and RevenueTiles
  // (platform_revenue). Only the tiles ask for the take rate.
  const isKpiQuery = (q: string) =>
    q.includes('"daily_gmv.take_rate"') || q.includes('"platform_revenue.net_revenue"');
  /** Cube queries in a /load call (a compared card sends its windows together). */
  const queriesIn = (c: LoadCall) => {
    const parsed = JSON.parse(c.query) as unknown;
    return Array.isArray(parsed) ? parsed.length : 1;
  };
  const measure = async (): Promise<Run> => {
    await page.goto('about:blank');
    await bustCache();
    recorder.reset();
    serverLoads.length = 0;
    sqlTimes.length = 0;
    maxInFlight = inFlight;
    const cacheBefore = platform.gateway.cacheStats();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    await page.goto(`${baseUrl}/executive`, { waitUntil: 'commit' });
    const { marks, mapScrolledAt } = await waitForMarks(page, TIMEOUT_MS);
    loop.disable();
    const cacheAfter = platform.gateway.cacheStats();
    const reached = Object.values(marks);
    const done = reached.length ? Math.max(...reached) : Number.POSITIVE_INFINITY;
    // Responses that ended just before the last mark may still be in Playwright's event queue.
    await new Promise((r) => setTimeout(r, 300));
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    // The map's own query went out at navigation; only deck.gl waited for the scroll.
    const calls = firstCalls(recorder.calls(timeOrigin), Math.min(done, mapScrolledAt));
    const tasks = await longTasks(page);
    const kpisAt = marks.kpis ?? Number.POSITIVE_INFINITY;
    return {
      marks,
      mapScrolledAt,
      calls,
      kpiCalls: calls.filter((c) => isKpiQuery(c.query)),
      server: [...serverLoads],
      cacheHits: cacheAfter.hits - cacheBefore.hits,
      cacheMisses: cacheAfter.misses - cacheBefore.misses,
      busyBeforeKpisMs: tasks.filter(([start]) => start < kpisAt).reduce((sum, [, d]) => sum + d, 0),
      longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)),
      sqlCount: sqlTimes.length,
      sqlMax: Math.max(0, ...sqlTimes),
      maxInFlight,
      loopDelayMaxMs: loop.max / 1e6,
    };
  };

  process.stdout.write('Warm-up visit (not counted)... ');
  const warm = await measure();
  console.log(`all ten tiles at ${ms(warm.marks.kpis ?? Number.NaN)}, ${warm.calls.length} /load calls`);
  if (warm.marks.kpis === undefined)
    throw new Error(
      `the KPI tiles never all showed a number within ${TIMEOUT_MS} ms: ${await describePage(page)}`,
    );

  // Which warehouse tables the page's queries read: the SQL the gateway compiles for them (GET /cubejs-api/v1/sql).
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EXEC_EMAIL, password: EXEC_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const tablesRead = new Set<string>();
  for (const call of warm.calls) {
    const queries = JSON.parse(call.query) as unknown;
    for (const q of Array.isArray(queries) ? queries : [queries]) {
      const res = await fetch(`${baseUrl}/cubejs-api/v1/sql?query=${encodeURIComponent(JSON.stringify(q))}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const body = (await res.json()) as { sql?: { sql?: [string, unknown[]] } };
      for (const m of JSON.stringify(body).matchAll(/wholesail\.([a-z_0-9]+)/g)) tablesRead.add(m[1]!);
    }
  }
  const sizes = await (
    await platform.warehouse.query({
      query: `SELECT name, engine, total_rows FROM system.tables WHERE database = 'wholesail' AND name IN ({names:Array(String)})`,
      query_params: { names: [...tablesRead] },
      format: 'JSONEachRow',
    })
  ).json<{ name: string; engine: string; total_rows: string | null }>();
  console.log(
    `The page's ${warm.calls.length} /load calls read: ${sizes
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) =>
        t.total_rows === null ? `${t.name} (view)` : `${t.name} ${Number(t.total_rows).toLocaleString('en')}`,
      )
      .join(', ')}`,
  );
  const empty = sizes.filter(
    (t) => t.total_rows !== null && Number(t.total_rows) === 0 && t.name !== 'bench_cache_buster',
  );
  if (empty.length) console.log(`  (empty: ${empty.map((t) => t.name).join(', ')})`);

  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    process.stdout.write(`Run ${i + 1}/${RUNS}... `);
    const run = await measure();
    runs.push(run);
    const missing = (['kpis', 'firstChart', 'allCards'] as const).filter((m) => run.marks[m] === undefined);
    console.log(
      `tiles ${ms(run.marks.kpis ?? Number.NaN)}, all cards ${ms(run.marks.allCards ?? Number.NaN)}, map ${ms(run.marks.map ?? Number.NaN)}; ` +
        `${run.calls.length} calls, slowest ${ms(Math.max(...run.calls.map((c) => c.durationMs)))}; ` +
        `gateway cache ${run.cacheMisses} misses / ${run.cacheHits} hits` +
        (missing.length
          ? `; NOT REACHED within ${TIMEOUT_MS} ms: ${missing.join(', ')} (${await describePage(page)})`
          : ''),
    );
  }
  console.log(`After the runs: ${loadLine()}`);

  const metric = (f: (r: Run) => number | undefined) =>
    runs.map(f).filter((v): v is number => v !== undefined && !Number.isNaN(v));
  const row = (label: string, f: (r: Run) => number | undefined, fmt: (n: number) => string = ms) => {
    const v = metric(f);
    return [label, fmt(percentile(v, 50)), fmt(percentile(v, 95)), `${v.length}/${runs.length}`];
  };
  const end = (c: LoadCall) => c.startMs + c.durationMs;
  const slowest = (cs: LoadCall[]) => (cs.length ? Math.max(...cs.map((c) => c.durationMs)) : undefined);
  const lastEnd = (cs: LoadCall[]) => (cs.length ? Math.max(...cs.map(end)) : undefined);
  const firstStart = (cs: LoadCall[]) => (cs.length ? Math.min(...cs.map((c) => c.startMs)) : undefined);
  const x = (n: number) => `${n.toFixed(2)}x`;
  const count = (n: number) => n.toFixed(0);

  console.log(
    `\n/executive, cold gateway cache, viewport ${WIDTH}x${HEIGHT} (the map card scrolled on screen once the cards are in), ${RUNS} runs after a warm-up; times from navigation start:\n`,
  );
  console.log(
    table(
      ['measure', 'p50', 'p95', 'runs'],
      [
        row('(a) all 10 KPI tiles show a number', (r) => r.marks.kpis),
        row("(b) API: the KPI tiles' /load calls answered (last response end)", (r) => lastEnd(r.kpiCalls)),
        row('(b) API: slowest /load call (request to response)', (r) => slowest(r.calls)),
        row("(b) API: slowest of the KPI tiles' calls", (r) => slowest(r.kpiCalls)),
        row('(b) API: sum of all /load call durations', (r) => r.calls.reduce((s, c) => s + c.durationMs, 0)),
        row('(b) API: first /load request asked for', (r) => firstStart(r.calls)),
        row('(b) API: longest wait in the browser before a /load was sent', (r) =>
          Math.max(0, ...r.calls.map((c) => c.queuedMs)),
        ),
        row('(b) API: last /load response (all cards)', (r) => lastEnd(r.calls)),
        row('(b) API: /load calls (distinct queries)', (r) => r.calls.length, count),
        row('(c) first chart painted', (r) => r.marks.firstChart),
        row('(c) every card loaded, every chart drawn', (r) => r.marks.allCards),
        row('(c) map rendered (deck.gl canvas drawn), scrolled to after the cards', (r) => r.marks.map),
        row('(c) map: scrolled on screen -> drawn', (r) => (r.marks.map ?? NaN) - r.mapScrolledAt),
        row(
          'page / API: (a) / slowest KPI call',
          (r) => (r.marks.kpis ?? NaN) / (slowest(r.kpiCalls) ?? NaN),
          x,
        ),
        row(
          'page / API: (a) / KPI calls answered',
          (r) => (r.marks.kpis ?? NaN) / (lastEnd(r.kpiCalls) ?? NaN),
          x,
        ),
        row('server: slowest gateway.load', (r) => Math.max(0, ...r.server.map((s) => s.durationMs))),
        row('server: warehouse queries per visit', (r) => r.sqlCount, count),
        row('server: slowest warehouse query', (r) => r.sqlMax),
        row('server: warehouse queries running at once (max)', (r) => r.maxInFlight, count),
        row('server: longest event-loop stall', (r) => r.loopDelayMaxMs),
        row('browser: main-thread long tasks before (a), total', (r) => r.busyBeforeKpisMs),
        row('browser: longest main-thread task', (r) => r.longestTaskMs),
        row('gateway cache misses during the visit', (r) => r.cacheMisses, count),
        row('gateway cache hits (live 2 s refreshes of cards already shown)', (r) => r.cacheHits, count),
      ],
    ),
  );

  // Where the time goes: per distinct query, the browser's view and the server's, p50 over the runs.
  const label = (query: string) => {
    const parsed = JSON.parse(query) as Record<string, string[]> | Array<Record<string, string[]>>;
    const qs = Array.isArray(parsed) ? parsed : [parsed];
    const first = qs[0]!;
    const members = [...(first.measures ?? []), ...(first.dimensions ?? [])];
    return `${members.slice(0, 2).join(', ')}${members.length > 2 ? ` +${members.length - 2}` : ''}${qs.length > 1 ? ` (x${qs.length} windows)` : ''}`;
  };
  const byQuery = new Map<
    string,
    { browser: number[]; queued: number[]; server: number[]; start: number[] }
  >();
  for (const r of runs) {
    for (const c of r.calls) {
      const entry = byQuery.get(c.query) ?? { browser: [], queued: [], server: [], start: [] };
      entry.browser.push(c.durationMs);
      entry.queued.push(c.queuedMs);
      entry.start.push(c.startMs);
      const s = r.server.find((l) => l.query === JSON.stringify(JSON.parse(c.query)));
      if (s) entry.server.push(s.durationMs);
      byQuery.set(c.query, entry);
    }
  }
  console.log('\nPer query (p50 over the runs), slowest first:\n');
  console.log(
    table(
      [
        'query (first members)',
        'asked at',
        'browser: asked to response',
        'of which queued in browser',
        'server: gateway.load',
      ],
      [...byQuery.entries()]
        .sort((a, b) => percentile(b[1].browser, 50) - percentile(a[1].browser, 50))
        .map(([q, e]) => [
          label(q) + (isKpiQuery(q) ? ' [KPI]' : ''),
          ms(percentile(e.start, 50)),
          ms(percentile(e.browser, 50)),
          ms(percentile(e.queued, 50)),
          ms(percentile(e.server, 50)),
        ]),
    ),
  );
  // Cold means: every Cube query of the page's first calls went to the warehouse. A fresh data version makes
  // each first call a miss by construction; the misses counted say it happened.
  const cold = runs.every((r) => r.cacheMisses >= r.calls.reduce((s, c) => s + queriesIn(c), 0));
  console.log(
    `\nCache: ${cold ? 'cold in every run' : 'NOT cold in every run'} (misses >= the Cube queries of the page's first calls); ` +
      `busted by a row written to wholesail.bench_cache_buster before each navigation, which changes the data version the answers are keyed by.`,
  );
  const kpiP50 = percentile(
    metric((r) => r.marks.kpis),
    50,
  );
  console.log(
    `\nAim: every KPI number within 2 s of navigation: ${kpiP50 <= 2000 ? 'MET' : 'NOT MET'} at p50 (${ms(kpiP50)}), ` +
      `${
        percentile(
          metric((r) => r.marks.kpis),
          95,
        ) <= 2000
          ? 'met'
          : 'not met'
      } at p95.`,
  );
} finally {
  await browser?.close();
  if (server) await new Promise((r) => server!.close(r));
  await platform.close();
  rmSync(dataDir, { recursive: true, force: true });
}
