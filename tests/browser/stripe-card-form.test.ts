/**
 * The payment page with Stripe and a publishable key configured (stripe-mock behind the API): it loads Stripe.js
 * for the card form. Stripe.js comes from js.stripe.com, which these machines cannot reach, so the test makes the
 * outcome certain by aborting every request there (as an ad blocker would) and checks what the buyer then sees:
 * a plain "could not be loaded" message with a retry, and never the test-card picker. The card form itself
 * (Stripe's Payment Element and confirmPayment) needs the real js.stripe.com and is not exercised here.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  PASSWORD,
  servicesAvailable,
  startTestPlatform,
  type TestPlatform,
} from '../support/test-platform.ts';
import {
  checkAtDesktopAndPhone,
  DESKTOP,
  ensureWebBuild,
  launchBrowser,
  skipBrowserTests,
} from './support/browser.ts';

const withServices = !skipBrowserTests && servicesAvailable();
if (!skipBrowserTests && !withServices)
  console.warn('\n*** Stripe card form browser test SKIPPED: stripe-mock is not running ***\n');

describe.skipIf(!withServices)('paying by card with Stripe configured', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let page: Page;
  let groupId: string;
  const stripeRequests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    tp = await startTestPlatform('embedded', {
      env: {
        STRIPE_SECRET_KEY: 'sk_test_browser',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_browser',
        STRIPE_API_BASE: inject('services')!.STRIPE_MOCK_URL,
        STRIPE_WEBHOOK_SECRET: 'whsec_browser_card_form',
      },
    });
    const maker = await tp.company('manufacturer', 'Hilltop Pottery');
    const buyer = await tp.company('retailer', 'Corner Shop');
    const product = await tp.http('POST', '/api/v1/products', {
      token: maker.token,
      body: {
        sku: 'MUG',
        name: 'Stoneware mug',
        category: 'drinkware',
        currency: 'USD',
        variants: [{ sku: 'MUG-S', priceMinor: 900, moq: 6, casePack: 6, stock: 60 }],
      },
    });
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    await tp.http('POST', '/api/v1/cart/lines', {
      token: buyer.token,
      body: { variantId: product.body.variants[0].id, quantity: 6 },
    });
    const group = await tp.http('POST', '/api/v1/checkout', {
      token: buyer.token,
      headers: { 'Idempotency-Key': `browser-card-form-${Date.now()}` },
      body: {
        paymentMethod: 'card',
        shippingAddress: {
          name: 'Corner Shop',
          line1: '1 Market St',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94105',
          country: 'US',
        },
      },
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    groupId = group.body.id;

    page = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
    // As an ad blocker or a closed network would: Stripe.js never arrives.
    await page.route('https://js.stripe.com/**', (route) => {
      stripeRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    await page.goto(`${tp.url}/login`);
    await page.getByLabel('Email').fill(buyer.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('says plainly that the card form could not be loaded, offers a retry, and never falls back to test cards', async () => {
    await page.goto(`${tp.url}/order-groups/${groupId}/pay`);
    const unavailable = page.getByRole('alert').filter({ hasText: 'The card form could not be loaded' });
    await unavailable.waitFor({ timeout: 20_000 });
    // Zero means the page's Content-Security-Policy stopped the script before the network (api/web.ts must allow
    // js.stripe.com), which no buyer could get past either.
    expect(stripeRequests.length, 'the page asked js.stripe.com for Stripe.js').toBeGreaterThan(0);
    await page.getByText('Payments are processed by Stripe.').waitFor();
    // Neither the test-card picker nor a pay button: nothing here can charge a card without Stripe's form.
    expect(await page.getByRole('group', { name: 'Test card' }).count()).toBe(0);
    expect(await page.getByText('pm_card_visa').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Pay / }).count()).toBe(0);
    await checkAtDesktopAndPhone(page, 'payment-card-form-unavailable');

    // Retrying asks Stripe again, and says the same while it still cannot be reached.
    const before = stripeRequests.length;
    await unavailable.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => stripeRequests.length).toBeGreaterThan(before);
    await unavailable.waitFor();
    expect(await page.getByText('pm_card_visa').count()).toBe(0);
  });
});
