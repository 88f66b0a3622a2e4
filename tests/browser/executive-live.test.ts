/**
 * An executive signs in and watches the marketplace: the headline figures are what the semantic layer says for
 * the period in the URL, an order placed through the API shows up on the open dashboard within seconds without
 * a reload, the deck.gl map draws, a chart's figures export as CSV (and PNG), and a point of a chart opens the
 * orders behind it.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonRange, cubeDateRange, rangeOf, type DayRange } from '../../dashboards/controls/period.ts';
import { DEMO_PASSWORD, buyerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import {
  kpiValue,
  launchBrowser,
  screenshot,
  signIn,
  skipBrowserTests,
  startDemoPlatform,
} from './support/browser.ts';

describe.skipIf(skipBrowserTests)('the executive dashboard in a browser', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let page: Page;
  let token: string;

  /** What the semantic layer answers the executive for a measure over some days (null: all time). */
  const apiFigure = async (measure: string, range: DayRange | null, filters: object[] = []) => {
    const query = {
      measures: [measure],
      ...(range
        ? { timeDimensions: [{ dimension: 'orders.placed_at', dateRange: cubeDateRange(range) }] }
        : {}),
      filters,
    };
    const res = await tp.http('POST', '/cubejs-api/v1/load', { token, body: { query } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return Number(res.body.data[0]?.[measure] ?? 0);
  };
  const dollars = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    token = await tp.login('exec@wholesail.demo', DEMO_PASSWORD);
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    ).newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('shows an executive the GMV the semantic layer reports for the last 30 days', async () => {
    await signIn(page, tp.url, 'exec@wholesail.demo', '/executive');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Executive dashboard');
    const shown = await kpiValue(page, 'kpi-gmv');
    const last30 = rangeOf({ preset: '30d', compare: 'previous' });
    expect(shown).toBe(await apiFigure('orders.gmv', last30));
    expect(shown).toBeGreaterThan(0);
    // Less than all time: the period applies (the demo trades over 90 days).
    expect(shown).toBeLessThan(await apiFigure('orders.gmv', null));
    const text = await page.getByTestId('kpi-gmv').locator('.ws-kpi__value').textContent();
    expect(text).toBe(`$${Math.round(shown / 100).toLocaleString('en-US')}`);
  });

  it('shows each change against the period before, and "—" with the reason when a year before has no orders', async () => {
    const tile = page.getByTestId('kpi-gmv');
    const last30 = rangeOf({ preset: '30d', compare: 'previous' });
    const now = await apiFigure('orders.gmv', last30);
    const before = await apiFigure('orders.gmv', comparisonRange(last30, 'previous'));
    expect(before).toBeGreaterThan(0);
    const previous = tile.locator('.kpi-change').filter({ hasText: 'vs previous period' });
    await expect.poll(() => previous.getAttribute('data-change')).toBe(String((now - before) / before));
    // The demo has no trade a year ago: no made-up 0 %, a dash whose tooltip says why.
    const yearAgo = tile.locator('.kpi-change').filter({ hasText: 'vs a year before' });
    expect(await yearAgo.getAttribute('data-change')).toBe('none');
    await yearAgo.locator('.has-tip').focus();
    await yearAgo.getByRole('tooltip').waitFor({ state: 'visible' });
    expect(await yearAgo.getByRole('tooltip').textContent()).toMatch(/^No orders in .+ to compare with\.$/);
  });

  it('grows the GMV tile after a new order, without a reload', async () => {
    const before = await kpiValue(page, 'kpi-gmv');
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    const buyer = await tp.login(buyerEmail('cornerstore'), DEMO_PASSWORD);
    const products = await tp.http('GET', '/api/v1/products?limit=100');
    const usd = products.body.items.find((p: { currency: string }) => p.currency === 'USD');
    const placed = await tp.http('POST', '/api/v1/orders', {
      token: buyer,
      body: { lines: [{ productId: usd.id, quantity: 3 }] },
    });
    expect(placed.status).toBe(201);
    const placedAt = Date.now();

    await expect
      .poll(() => kpiValue(page, 'kpi-gmv'), { timeout: 10_000, interval: 100 })
      .toBe(before + placed.body.subtotalMinor);
    console.log(`GMV tile updated ${Date.now() - placedAt} ms after the order was placed`);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  });

  it('draws GMV by buyer location on a deck.gl world map', async () => {
    const map = page.getByTestId('gmv-map');
    await map.scrollIntoViewIfNeeded();
    const canvas = map.locator('canvas');
    await canvas.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('gmv-map-fallback').count()).toBe(0);
    // Decode a screenshot of the canvas in the page (a 2D canvas reads PNGs) and count its colours: many, none
    // covering nearly everything. SwiftShader compiles the shaders in software: the first frame may take a while.
    const pixelsOf = async () =>
      page.evaluate(
        async (base64) => {
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
        },
        (await canvas.screenshot()).toString('base64'),
      );
    let pixels = await pixelsOf();
    for (let tries = 0; tries < 20 && (pixels.colours <= 50 || pixels.dominant >= 0.9); tries++) {
      await page.waitForTimeout(1_000);
      pixels = await pixelsOf();
    }
    console.log(
      `deck.gl map: ${pixels.colours} colours, the commonest on ${(pixels.dominant * 100).toFixed(1)}%`,
    );
    expect(pixels.colours).toBeGreaterThan(50);
    expect(pixels.dominant).toBeLessThan(0.9);
    await screenshot(page, 'executive-map');
  });

  it('changes the figures to what the API says when the period changes, and keeps it in the URL', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByLabel('Period', { exact: true }).selectOption('90d');
    await page.waitForURL(/range=90d/);
    const last90 = rangeOf({ preset: '90d', compare: 'previous' });
    const api90 = await apiFigure('orders.gmv', last90);
    await expect.poll(() => kpiValue(page, 'kpi-gmv'), { timeout: 30_000 }).toBe(api90);
    expect(api90).toBeGreaterThan(
      await apiFigure('orders.gmv', rangeOf({ preset: '30d', compare: 'previous' })),
    );

    // Custom days, typed into the date fields.
    const custom = { from: last90.from, to: rangeOf({ preset: '30d', compare: 'previous' }).from };
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill(custom.from);
    await page.getByLabel('To', { exact: true }).fill(custom.to);
    await page.waitForURL(new RegExp(`from=${custom.from}&to=${custom.to}`));
    const apiCustom = await apiFigure('orders.gmv', custom);
    await expect.poll(() => kpiValue(page, 'kpi-gmv'), { timeout: 30_000 }).toBe(apiCustom);

    // A country filter narrows the figures to buyers there, as the API does.
    await page.getByLabel('Buyer country', { exact: true }).selectOption('FR');
    await page.waitForURL(/country=FR/);
    const apiFrance = await apiFigure('orders.gmv', custom, [
      { member: 'buyers.country', operator: 'equals', values: ['FR'] },
    ]);
    await expect.poll(() => kpiValue(page, 'kpi-gmv'), { timeout: 30_000 }).toBe(apiFrance);
    expect(apiFrance).toBeLessThan(apiCustom);

    // The URL alone restores the view (a shared link, a reload).
    await page.reload();
    await expect.poll(() => kpiValue(page, 'kpi-gmv'), { timeout: 30_000 }).toBe(apiFrance);
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe('custom');
    await page.getByLabel('Buyer country', { exact: true }).selectOption('');
    await page.getByLabel('Period', { exact: true }).selectOption('90d');
    await expect.poll(() => kpiValue(page, 'kpi-gmv'), { timeout: 30_000 }).toBe(api90);
  });

  it('exports the supplier leaderboard as the CSV of the rows shown, and a chart as a PNG', async () => {
    const card = page.getByRole('region', { name: 'Supplier leaderboard' });
    const table = card.getByRole('table', { name: 'Top manufacturers by GMV' });
    await table.locator('tbody tr').first().waitFor();
    const shown = await table.locator('tbody tr').evaluateAll((trs) =>
      // What a sighted person reads: without the words only screen readers hear.
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => {
          const seen = td.cloneNode(true) as HTMLElement;
          seen.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
          return seen.textContent ?? '';
        }),
      ),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Download Supplier leaderboard as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^supplier-leaderboard-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = await readFile((await download.path())!, 'utf8');
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(records.length).toBe(shown.length);
    expect(records.map((r) => r.Manufacturer)).toEqual(shown.map((cells) => cells[1]));
    expect(records.map((r) => Math.round(Number(r['GMV (USD)'])))).toEqual(
      shown.map((cells) => dollars(cells[2]!)),
    );
    expect(records.map((r) => Number(r.Orders))).toEqual(shown.map((cells) => dollars(cells[3]!)));
    expect(csv.split('\r\n')[0]).toBe('Rank,Manufacturer,GMV (USD),Orders,Buyers');

    const chartCard = page.getByRole('region', { name: /^GMV by (day|week|month)$/ });
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      chartCard.getByRole('button', { name: /as PNG$/ }).click(),
    ]);
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it('drills down from a week of the GMV chart to the orders behind it', async () => {
    const chartCard = page.getByRole('region', { name: /^GMV by (day|week|month)$/ });
    await chartCard.getByText('Show the figures').click();
    const rows = chartCard.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    // The busiest bucket of the chart, by the GMV the table shows.
    const gmvs = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''),
    );
    const busiest = gmvs.map(dollars).reduce((best, v, i, all) => (v > all[best]! ? i : best), 0);
    const button = rows.nth(busiest).getByRole('button');
    // The visible label (the rest of the button's name is for screen readers).
    const bucket = await button.evaluate((b) => b.firstChild?.textContent ?? '');
    await button.click();

    const dialog = page.getByTestId('drill-down');
    await dialog.waitFor({ state: 'visible' });
    const heading = (await dialog.getByRole('heading', { level: 2 }).textContent())!;
    expect(heading).toMatch(
      new RegExp(`^Orders placed (on |in )?${bucket.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    const lines = dialog.getByRole('table').locator('tbody tr');
    await lines.first().waitFor();
    const orderGmvs = await lines.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].at(-1)?.textContent ?? ''),
    );
    // The rows add up to the bucket's GMV (to the cent), and the first cell opens the order.
    const sum = orderGmvs.map((t) => Math.round(dollars(t) * 100)).reduce((s, v) => s + v, 0);
    expect(Math.round(sum / 100)).toBe(gmvs.map(dollars)[busiest]);
    expect(await dialog.getByRole('link').first().getAttribute('href')).toMatch(/^\/orders\/[0-9a-f-]{36}$/);
    await screenshot(page, 'executive-drill-down');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
