/**
 * An executive signs in and watches GMV; an order placed through the API shows up on the open dashboard within
 * seconds, without a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, buyerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import { kpiValue, launchBrowser, signIn, skipBrowserTests, startDemoPlatform } from './support/browser.ts';

describe.skipIf(skipBrowserTests)('the executive dashboard in a browser', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('shows an executive the platform GMV the semantic layer reports', async () => {
    await signIn(page, tp.url, 'exec@wholesail.demo', '/executive');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Executive dashboard');
    const shown = await kpiValue(page, 'kpi-gmv');
    const token = await tp.login('exec@wholesail.demo', DEMO_PASSWORD);
    const api = await tp.http('POST', '/cubejs-api/v1/load', {
      token,
      body: { query: { measures: ['orders.gmv'] } },
    });
    expect(shown).toBe(Number(api.body.data[0]['orders.gmv']));
    expect(shown).toBeGreaterThan(0);
    const text = await page.getByTestId('kpi-gmv').locator('.ws-kpi__value').textContent();
    expect(text).toBe(`$${Math.round(shown / 100).toLocaleString('en-US')}`);
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
});
