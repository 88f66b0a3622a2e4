/**
 * Every main page passes an axe-core scan with no serious or critical violation, at desktop and phone width,
 * and leaves a screenshot in test-output/screenshots/ for a person to look at.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyerEmail, sellerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import {
  launchBrowser,
  screenshot,
  seriousAxeViolations,
  signIn,
  skipBrowserTests,
  startDemoPlatform,
  waitForDashboard,
} from './support/browser.ts';

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

describe.skipIf(skipBrowserTests)('accessibility and screenshots of the main pages', () => {
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

  const pageAt = async (viewport: keyof typeof VIEWPORTS): Promise<Page> =>
    (await browser.newContext({ viewport: VIEWPORTS[viewport], reducedMotion: 'reduce' })).newPage();

  const expectNoSeriousViolations = async (page: Page, name: string) => {
    const violations = await seriousAxeViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  };

  it('the login page', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await pageAt(viewport);
      await page.goto(`${tp.url}/login`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await screenshot(page, `login-${viewport}`);
      await expectNoSeriousViolations(page, `login at ${viewport}`);
      await page.context().close();
    }
  });

  for (const [name, email, path] of [
    ['executive', 'exec@wholesail.demo', '/executive'],
    ['manufacturer', sellerEmail('alpine'), '/seller'],
    ['retailer', buyerEmail('cornerstore'), '/spending'],
  ] as const) {
    it(`the ${name} dashboard`, async () => {
      for (const viewport of ['desktop', 'phone'] as const) {
        const page = await pageAt(viewport);
        await signIn(page, tp.url, email, path);
        // The executive map (deck.gl) loads only when scrolled to: show it once, let it draw, back to the top.
        await page.getByRole('heading', { level: 1 }).waitFor();
        for (const map of await page.getByTestId('gmv-map').all()) {
          await map.scrollIntoViewIfNeeded();
          await map.locator('canvas, [data-testid="gmv-map-fallback"]').first().waitFor({ timeout: 30_000 });
          await page.waitForTimeout(3_000);
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        await waitForDashboard(page);
        await screenshot(page, `${name}-${viewport}`);
        await expectNoSeriousViolations(page, `${name} at ${viewport}`);
        // Responsive: nothing pushes the page wider than the screen (wide tables scroll inside their card).
        const overflow = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          culprits: [...document.querySelectorAll('body *')]
            .filter(
              (e) => !e.closest('.ws-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1,
            )
            .slice(0, 5)
            .map((e) => `${e.tagName}.${e.className} (${Math.round(e.getBoundingClientRect().width)} px)`),
        }));
        expect(overflow.width, overflow.culprits.join(', ')).toBeLessThanOrEqual(VIEWPORTS[viewport].width);
        // Keyboard: the first Tab reaches the skip link, and it leads to the main content.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
        await page.context().close();
      }
    });
  }

  // Company verification (demo sellers still in KYB: not submitted, sent back for changes) and the admin panel.
  const waitForContent = (page: Page) =>
    page.waitForFunction(() => document.querySelectorAll('.ws-skeleton').length === 0, undefined, {
      timeout: 20_000,
    });
  for (const [name, email, landing, pages] of [
    ['verification-new', sellerEmail('delta'), '/seller', [['/seller/verification', 'verification-new']]],
    [
      'verification-changes',
      sellerEmail('andes'),
      '/seller',
      [['/seller/verification', 'verification-changes']],
    ],
    [
      'admin',
      'admin@wholesail.demo',
      '/executive',
      [
        ['/admin/kyb', 'admin-kyb-queue'],
        ['case', 'admin-kyb-case'],
        ['/admin/companies', 'admin-companies'],
        ['/admin/users', 'admin-users'],
        ['/admin/risk-flags', 'admin-risk-flags'],
        ['/admin/audit-log', 'admin-audit-log'],
        ['/admin/products?q=mug', 'admin-listings'],
      ],
    ],
  ] as const) {
    it(`the ${name} pages`, async () => {
      for (const viewport of ['desktop', 'phone'] as const) {
        const page = await pageAt(viewport);
        await signIn(page, tp.url, email, landing);
        for (const [path, shot] of pages) {
          // The case page: the first case waiting in the queue (a demo seller's submission).
          if (path === 'case') {
            await page.goto(`${tp.url}/admin/kyb`);
            await page.locator('.ws-table a').first().click();
            await page.getByRole('heading', { name: 'Decision' }).waitFor();
          } else await page.goto(`${tp.url}${path}`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await waitForContent(page);
          await screenshot(page, `${shot}-${viewport}`);
          await expectNoSeriousViolations(page, `${shot} at ${viewport}`);
          const overflow = await page.evaluate(() => ({
            width: document.documentElement.scrollWidth,
            culprits: [...document.querySelectorAll('body *')]
              .filter(
                (e) =>
                  !e.closest('.ws-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1,
              )
              .slice(0, 5)
              .map((e) => `${e.tagName}.${e.className} (${Math.round(e.getBoundingClientRect().width)} px)`),
          }));
          expect(overflow.width, `${shot}: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(
            VIEWPORTS[viewport].width,
          );
        }
        await page.context().close();
      }
    });
  }
  // The seller portal, as a demo manufacturer's owner with 90 days of trade: one page after the other.
  it('the seller portal pages', async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const sellerPages = [
      ['/products', 'seller-products'],
      ['product', 'seller-product'],
      ['/products/new', 'seller-product-new'],
      ['/products/import', 'seller-import'],
      ['/inventory', 'seller-inventory-demo'],
      ['/team', 'seller-team-demo'],
      ['/billing', 'seller-billing-demo'],
      [`/settlements?from=${day(89)}&to=${day(0)}`, 'seller-settlements'],
    ] as const;
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await pageAt(viewport);
      await signIn(page, tp.url, sellerEmail('alpine'), '/seller');
      for (const [path, shot] of sellerPages) {
        if (path === 'product') {
          // The edit page of the newest product in the list.
          await page.goto(`${tp.url}/products`);
          await page.getByRole('table', { name: 'Products' }).getByRole('link').first().click();
          await page.getByRole('heading', { name: 'Variants and prices' }).waitFor();
        } else await page.goto(`${tp.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForFunction(() => document.querySelectorAll('.ws-skeleton').length === 0, undefined, {
          timeout: 20_000,
        });
        await screenshot(page, `${shot}-${viewport}`);
        await expectNoSeriousViolations(page, `${shot} at ${viewport}`);
        const overflow = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          culprits: [...document.querySelectorAll('body *')]
            .filter(
              (e) => !e.closest('.ws-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1,
            )
            .slice(0, 5)
            .map((e) => `${e.tagName}.${e.className} (${Math.round(e.getBoundingClientRect().width)} px)`),
        }));
        expect(overflow.width, `${shot}: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(
          VIEWPORTS[viewport].width,
        );
      }
      await page.context().close();
    }
  }, 180_000);

  // The analysts' tools, as the demo analyst: the explorer with GMV by month run, the SQL console with a result.
  it('the analysts’ tools', async () => {
    const gmvByMonth = JSON.stringify({
      measures: ['orders.gmv'],
      timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'month' }],
    });
    const byStatus = 'SELECT status, count() AS orders FROM wholesail.fct_orders_current GROUP BY status';
    const analystPages = [
      ['/analytics/explore', 'analyst-explore-empty'],
      [`/analytics/explore?query=${encodeURIComponent(gmvByMonth)}`, 'analyst-explore'],
      [`/analytics/sql?sql=${encodeURIComponent(byStatus)}`, 'analyst-sql'],
    ] as const;
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await pageAt(viewport);
      await signIn(page, tp.url, 'analyst@wholesail.demo', '/executive');
      for (const [path, shot] of analystPages) {
        await page.goto(`${tp.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('form', { name: 'Query' }).or(page.getByLabel('SQL query')).waitFor();
        await waitForDashboard(page);
        await screenshot(page, `${shot}-${viewport}`);
        await expectNoSeriousViolations(page, `${shot} at ${viewport}`);
        const overflow = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          culprits: [...document.querySelectorAll('body *')]
            .filter(
              (e) => !e.closest('.ws-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1,
            )
            .slice(0, 5)
            .map((e) => `${e.tagName}.${e.className} (${Math.round(e.getBoundingClientRect().width)} px)`),
        }));
        expect(overflow.width, `${shot}: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(
          VIEWPORTS[viewport].width,
        );
      }
      await page.context().close();
    }
  }, 180_000);
});
