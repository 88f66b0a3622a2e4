/**
 * Each kind of account sees its own figures: a manufacturer its own sales (the number on the page is the one the
 * API gives that manufacturer, and less than the platform's), never the executive dashboard; a retailer its own
 * spending.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodWindows } from '../../dashboards/format.ts';
import { DEMO_PASSWORD, MANUFACTURERS, buyerEmail, sellerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import { kpiValue, launchBrowser, signIn, skipBrowserTests, startDemoPlatform } from './support/browser.ts';

describe.skipIf(skipBrowserTests)('what each account sees in the browser', () => {
  let tp: TestPlatform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const freshPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };
  const cubeTotal = async (email: string, query: object, member: string) => {
    const token = await tp.login(email, DEMO_PASSWORD);
    const res = await tp.http('POST', '/cubejs-api/v1/load', { token, body: { query } });
    expect(res.status).toBe(200);
    return (res.body.data as Array<Record<string, string>>).reduce((s, r) => s + Number(r[member] ?? 0), 0);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await tp?.close();
  });

  it('shows a manufacturer only its own sales, and not the executive dashboard', async () => {
    const page = await freshPage();
    await signIn(page, tp.url, sellerEmail('alpine'), '/seller');
    const shown = await kpiValue(page, 'kpi-sales');

    const last30 = {
      measures: ['orders.gmv'],
      timeDimensions: [{ dimension: 'orders.placed_at', dateRange: periodWindows(30).current }],
    };
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBe(await cubeTotal(sellerEmail('alpine'), last30, 'orders.gmv'));
    expect(shown).toBeLessThan(await cubeTotal('exec@wholesail.demo', last30, 'orders.gmv'));

    // Its top products are its own products. Which of them rank highest depends on the demo's random orders and
    // on today's date, so the test checks ownership rather than one product's rank.
    const catalogueOf = (slug: string) =>
      MANUFACTURERS.find((m) => m.slug === slug)!.products.map(([name]) => name);
    const productNames = await page
      .getByRole('table', { name: 'Top products by revenue' })
      .locator('tbody tr td:first-child')
      .allTextContents()
      // Each name is a drill-down button whose screen-reader text names the action after the product.
      .then((cells) => cells.map((text) => text.replace(/, show its order lines$/, '')));
    expect(productNames.length).toBeGreaterThan(0);
    for (const name of productNames) expect(catalogueOf('alpine')).toContain(name);

    await expect
      .poll(() => page.getByRole('navigation', { name: 'Main' }).textContent())
      .not.toContain('Executive');
    await page.goto(`${tp.url}/executive`);
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    expect(await page.locator('[data-testid="kpi-gmv"]').count()).toBe(0);
  });

  it('shows a retailer its own spending by supplier', async () => {
    const page = await freshPage();
    await signIn(page, tp.url, buyerEmail('cornerstore'), '/spending');
    const shown = await kpiValue(page, 'kpi-spend');
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBe(
      await cubeTotal(buyerEmail('cornerstore'), { measures: ['orders.gmv'] }, 'orders.gmv'),
    );
    expect(shown).toBeLessThan(
      await cubeTotal('exec@wholesail.demo', { measures: ['orders.gmv'] }, 'orders.gmv'),
    );
    await page.getByRole('table', { name: 'Spending by supplier and month' }).waitFor();
  });

  it('sends a visitor who is not signed in to the login page, and back after signing in', async () => {
    const page = await freshPage();
    await page.goto(`${tp.url}/executive`);
    await page.waitForURL(/\/login\?next=%2Fexecutive$/);
    await page.getByLabel('Email').fill('exec@wholesail.demo');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${tp.url}/executive`);
    // A reload keeps the session (refresh token in this tab's sessionStorage, access token in memory).
    await page.reload();
    await page.getByRole('heading', { name: 'Executive dashboard' }).waitFor();
  });

  it('still answers API paths with problem+json, not the app', async () => {
    const res = await fetch(`${tp.url}/api/v1/nope`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('problem+json');
    const app = await fetch(`${tp.url}/seller/anything`, { headers: { accept: 'text/html' } });
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('id="root"');
  });
});
