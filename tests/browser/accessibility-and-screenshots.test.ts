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
});
