/**
 * What the browser tests share: Debian's Chromium through playwright-core, the built web app, a seeded demo
 * marketplace, signing in through the login form, axe-core scans and screenshots for people to look at.
 * Under CI=true a Chromium that cannot start fails the tests; elsewhere they are skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
// The app first: zod schemas get `.openapi()` only if created after api/openapi.ts extends zod, and the seeder
// imports the catalog's schemas.
import { startTestPlatform, type TestPlatform } from '../../support/test-platform.ts';
import { DEFAULT_WEB_DIR } from '../../../api/web.ts';
import { DEMO_PASSWORD } from '../../../scripts/seed/demo-data.ts';
import { seedDemo, TEST_DEMO } from '../../../scripts/seed/seed-demo.ts';
import { refreshNow } from '../../../warehouse/build.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output/screenshots');
const WEB_INDEX = path.join(DEFAULT_WEB_DIR, 'index.html');
const WEB_SOURCES = ['marketplace/ui', 'dashboards', 'vite.config.ts'].map((p) => path.join(ROOT, p));

/** Why the browser tests cannot run here, or null. Checked once per file, before anything slow. */
export const chromiumProblem: string | null = existsSync(CHROMIUM_PATH)
  ? null
  : `Chromium not found at ${CHROMIUM_PATH} (run scripts/browser/ensure-chromium.sh)`;
if (chromiumProblem && process.env.CI !== 'true')
  console.warn(`\n*** Browser tests SKIPPED: ${chromiumProblem} ***\n`);
/** Skip only off CI; on CI a missing browser is a failure (launchBrowser throws). */
export const skipBrowserTests = chromiumProblem !== null && process.env.CI !== 'true';

export async function launchBrowser(): Promise<Browser> {
  if (chromiumProblem) throw new Error(chromiumProblem);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

function newestSourceTime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestSourceTime(path.join(entry, name))));
}

/**
 * Builds the web app when there is no build or a source is newer than it (`npm test` builds first through
 * `pretest`; this covers `npx vitest run`). Test files run in parallel, so the build takes a lock.
 */
export async function ensureWebBuild(): Promise<void> {
  const fresh = () =>
    existsSync(WEB_INDEX) && statSync(WEB_INDEX).mtimeMs >= Math.max(...WEB_SOURCES.map(newestSourceTime));
  const lock = `${DEFAULT_WEB_DIR}.build.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  while (!fresh()) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`web build lock ${lock} held for 2 minutes`);
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (!fresh())
        execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** A test platform with the demo marketplace seeded and loaded into the warehouse. */
export async function startDemoPlatform(): Promise<TestPlatform> {
  await ensureWebBuild();
  const tp = await startTestPlatform('embedded');
  await seedDemo(tp.platform, TEST_DEMO);
  await tp.platform.relay.drain();
  await refreshNow(tp.platform.warehouse);
  return tp;
}

/** Signs in through the login form, as a person would, and waits for the landing page. */
export async function signIn(page: Page, baseUrl: string, email: string, expectPath: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}${expectPath}`);
}

/** The number behind a KPI tile once it has loaded (tiles expose it as data-value). */
export async function kpiValue(page: Page, testId: string): Promise<number> {
  const tile = page.getByTestId(testId);
  await tile.locator('[data-value], .ws-kpi__value').first().waitFor();
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.hasAttribute('data-value'),
    testId,
  );
  return Number(await tile.getAttribute('data-value'));
}

/** Waits until no skeleton is left and every chart has drawn its canvas. */
export async function waitForDashboard(page: Page) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.ws-skeleton').length === 0 &&
      [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')),
    undefined,
    { timeout: 20_000 },
  );
  // Let ECharts finish its entry animation so screenshots show the final picture.
  await page.waitForTimeout(1_200);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true });
  } catch (error) {
    // Chromium sometimes refuses a full-page capture while a frame is still compositing ("Unable to capture
    // screenshot"). The picture is for people to look at, not an assertion: take it once more after a frame.
    if (!String(error).includes('Unable to capture screenshot')) throw error;
    await page.waitForTimeout(500);
    await page.screenshot({ path: file, fullPage: true });
  }
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * Screenshot and axe scan at desktop and phone width; at phone width nothing may push the page wider (tables
 * scroll inside their own wrapper, so they are exempt). `atPhone` runs once the page is at phone width (to check
 * what changes there). Leaves the page at desktop width.
 */
export async function checkAtDesktopAndPhone(page: Page, name: string, atPhone?: () => Promise<void>) {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    if (label === 'phone') await atPhone?.();
    await screenshot(page, `${name}-${label}`);
    const violations = await seriousAxeViolations(page);
    expect(violations, `${name} at ${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    const overflow = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      culprits: [...document.querySelectorAll('body *')]
        .filter(
          (e) => !e.closest('.ws-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1,
        )
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className} (${Math.round(e.getBoundingClientRect().width)} px)`),
    }));
    expect(overflow.width, `${name} at ${label}: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(
      viewport.width,
    );
  }
  await page.setViewportSize(DESKTOP);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core in the page (WCAG 2.x A and AA rules) and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
