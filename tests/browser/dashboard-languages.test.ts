/**
 * The dashboards in Spanish, in Chromium: a manufacturer and an executive who chose Español read their dashboards
 * with Spanish titles, month names and numbers written the Spanish way, each compared with what the browser's own
 * Intl writes for the same figure (never a hard-coded string), and the manufacturer's buyer map draws on deck.gl.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthWindow, rangeOf } from '../../dashboards/controls/period.ts';
import { DEMO_PASSWORD, sellerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import {
  kpiValue,
  launchBrowser,
  screenshot,
  skipBrowserTests,
  startDemoPlatform,
} from './support/browser.ts';

const LAST_30 = rangeOf({ preset: '30d', compare: 'previous' });

/** A page whose saved language is Spanish (what the switcher stores), signed in through the Spanish form. */
async function spanishPage(browser: Browser, baseUrl: string, email: string, landing: string) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('wholesail.locale', 'es'));
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
  await page.waitForURL(`${baseUrl}${landing}`);
  expect(await page.locator('html').getAttribute('lang')).toBe('es');
  return page;
}

/** What the page's Intl writes in Spanish: the reference every shown figure is compared with. */
const spanish = {
  usd: (page: Page, cents: number) =>
    page.evaluate(
      (c) =>
        new Intl.NumberFormat('es', {
          style: 'currency',
          currency: 'USD',
          maximumFractionDigits: 0,
          minimumFractionDigits: 0,
        }).format(c / 100),
      cents,
    ),
  integer: (page: Page, n: number) =>
    page.evaluate((v) => new Intl.NumberFormat('es', { maximumFractionDigits: 0 }).format(v), n),
  dayRange: (page: Page, r: { from: string; to: string }) =>
    page.evaluate((range) => {
      const day = new Intl.DateTimeFormat('es', {
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        timeZone: 'UTC',
      });
      return `${day.format(new Date(`${range.from}T00:00:00Z`))} – ${day.format(new Date(`${range.to}T00:00:00Z`))}`;
    }, r),
  month: (page: Page, iso: string) =>
    page.evaluate(
      (day) =>
        new Intl.DateTimeFormat('es', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${day}T00:00:00Z`),
        ),
      iso,
    ),
};

/** Colours on a canvas's screenshot: a drawn map has many, a blank one few (see executive-live.test.ts). */
async function canvasColours(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < d.length; i += 4) {
      const key = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { colours: counts.size, dominant: Math.max(...counts.values()) / (d.length / 4) };
  }, png.toString('base64'));
}

describe.skipIf(skipBrowserTests)('the dashboards in Spanish', () => {
  let tp: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('shows a manufacturer its sales dashboard in Spanish, with its buyers on a deck.gl map', async () => {
    const page = await spanishPage(browser, tp.url, sellerEmail('alpine'), '/seller');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Panel de ventas');
    expect(await page.getByRole('heading', { name: 'Evolución de las ventas' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Dónde están sus compradores' }).count()).toBe(1);

    // Sales: the tile's number written as Spanish Intl writes it (dot groups, "US$" after).
    const sales = await kpiValue(page, 'kpi-sales');
    expect(sales).toBeGreaterThan(0);
    expect(await page.getByTestId('kpi-sales').locator('.ws-kpi__value').textContent()).toBe(
      await spanish.usd(page, sales),
    );
    const orders = await kpiValue(page, 'kpi-orders');
    expect(await page.getByTestId('kpi-orders').locator('.ws-kpi__value').textContent()).toBe(
      await spanish.integer(page, orders),
    );
    // The period with Spanish month names ("30 oct 2026 – 28 nov 2026").
    const summary = await page.getByTestId('period-summary').textContent();
    expect(summary).toContain(await spanish.dayRange(page, LAST_30));
    expect(summary).toContain('comparado con');

    const map = page.getByTestId('buyer-map');
    await map.scrollIntoViewIfNeeded();
    const canvas = map.locator('canvas');
    await canvas.waitFor({ timeout: 30_000 });
    expect(await map.getByTestId('gmv-map-fallback').count()).toBe(0);
    // SwiftShader compiles the shaders in software: the first frame may take a while.
    let pixels = await canvasColours(page, await canvas.screenshot());
    for (let tries = 0; tries < 20 && (pixels.colours <= 50 || pixels.dominant >= 0.9); tries++) {
      await page.waitForTimeout(1_000);
      pixels = await canvasColours(page, await canvas.screenshot());
    }
    expect(pixels.colours).toBeGreaterThan(50);
    expect(pixels.dominant).toBeLessThan(0.9);
    expect(await map.locator('.gmv-map__legend').textContent()).toContain('Ventas');
    // The city table under the map: Spanish headers, sales in Spanish dollars.
    const table = page.getByRole('table', { name: 'Ventas por ciudad del comprador' });
    expect(await table.locator('th').allTextContents()).toEqual(['Ciudad', 'Ventas', 'Compradores']);
    const firstSales = (await table.locator('tbody tr').first().locator('td').nth(1).textContent()) ?? '';
    expect(firstSales).toMatch(/^(\d{1,4}|\d{1,3}(\.\d{3})+)\sUS\$$/);
    await screenshot(page, 'dashboard-es-seller-map');
    await page.context().close();
  });

  it('shows an executive the executive dashboard in Spanish', async () => {
    const page = await spanishPage(browser, tp.url, 'exec@wholesail.demo', '/executive');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Panel ejecutivo');
    expect(await page.getByRole('heading', { name: 'Clasificación de proveedores' }).count()).toBe(1);

    const gmv = await kpiValue(page, 'kpi-gmv');
    expect(gmv).toBeGreaterThan(0);
    expect(await page.getByTestId('kpi-gmv').locator('.ws-kpi__value').textContent()).toBe(
      await spanish.usd(page, gmv),
    );
    // MRR is at the end of the period's last month: its Spanish name, as Intl writes it.
    const months = monthWindow(LAST_30);
    await expect
      .poll(() => page.getByTestId('kpi-mrr').locator('.ws-kpi__note').textContent())
      .toBe(`Al cierre de ${await spanish.month(page, months.last)}`);
    // The changes read "frente al periodo anterior", with a Spanish decimal comma.
    const change = page.getByTestId('kpi-gmv').locator('.kpi-change').first();
    expect(await change.textContent()).toMatch(/^[▲▼▶] [+−±]\d+,\d\s%\sfrente al periodo anterior$/);
    await screenshot(page, 'dashboard-es-executive');
    await page.context().close();
  });
});
