/**
 * Reviews and the admin's operations pages, end to end in Chromium. A buyer reviews a delivered order on its
 * page (stars as a radio group, text, a product rating); the review, the new average and the distribution by
 * stars appear on the product and manufacturer pages; the manufacturer replies on its own manufacturer page and
 * the buyer sees the reply on the order. An admin opens the Orders tab (an order stuck for 50 hours is listed,
 * linked to its page) and the Platform tab. Every page passes an axe-core scan at desktop and phone width and
 * leaves screenshots in test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderService } from '../../marketplace/orders/order-service.ts';
import { PASSWORD, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import {
  ensureWebBuild,
  launchBrowser,
  skipBrowserTests,
  DESKTOP,
  checkAtDesktopAndPhone,
} from './support/browser.ts';

const SELLER = 'Quayside Ceramics';
const STORE = 'Harbour Goods';
const PRODUCT = 'Glazed serving bowl';
const REVIEW = 'Sturdy bowls, packed with care, and they arrived two days early.';
const REPLY = 'Thank you for the kind words: see you next season!';

type Account = Awaited<ReturnType<TestPlatform['company']>>;

describe.skipIf(skipBrowserTests)('reviews and the admin operations pages', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let seller: Account;
  let buyer: Account;
  let admin: Account;
  let productId = '';
  let deliveredId = '';
  let stuckId = '';

  const capture = checkAtDesktopAndPhone;

  const newPage = async () =>
    (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
  const signIn = async (page: Page, email: string) => {
    await page.goto(`${tp.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };
  const api = async (who: Account, method: string, route: string, body?: object) => {
    const res = await tp.http(method, route, { token: who.token, body });
    expect(res.status, `${method} ${route}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    tp = await startTestPlatform('embedded');
    seller = await tp.company('manufacturer', SELLER);
    buyer = await tp.company('retailer', STORE);
    admin = await tp.company('platform', 'Wholesail Ops', 'admin');
    const product = await api(seller, 'POST', '/api/v1/products', {
      sku: 'BOWL-L',
      name: PRODUCT,
      priceMinor: 2_400,
      currency: 'USD',
      stock: 500,
    });
    productId = product.id;
    const variantId = product.variants[0].id;
    deliveredId = (await api(buyer, 'POST', '/api/v1/orders', { lines: [{ variantId, quantity: 6 }] })).id;
    await api(seller, 'POST', `/api/v1/orders/${deliveredId}/accept`);
    await api(seller, 'POST', `/api/v1/orders/${deliveredId}/ship`, {
      carrier: 'UPS',
      trackingNumber: '1Z9',
    });
    await api(seller, 'POST', `/api/v1/orders/${deliveredId}/deliver`);
    // An order nobody accepted for 50 hours, placed through the real service on a clock set back.
    const principal = await tp.platform.services.identity.authenticate(buyer.email, PASSWORD);
    stuckId = (
      await createOrderService({
        db: tp.platform.db,
        clock: { now: () => new Date(Date.now() - 50 * 3_600_000) },
      }).placeOrder(principal, { lines: [{ variantId, quantity: 3 }] })
    ).id;
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('a buyer reviews a delivered order; the product and manufacturer pages show it; the manufacturer replies', async () => {
    const store = await newPage();
    await signIn(store, buyer.email);
    await store.goto(`${tp.url}/orders/${deliveredId}`);
    const form = store.getByRole('region', { name: 'Review this order' });
    await form.waitFor();
    // Posting without stars is stopped in the page, with the reason next to the question.
    await form.getByRole('button', { name: 'Post review' }).click();
    await form.getByText('Choose from 1 to 5 stars').waitFor();
    const makerStars = form.getByRole('group', { name: `Your rating of ${SELLER}` });
    await makerStars.getByRole('radio', { name: '4 stars' }).check();
    // The stars are one radio group: the arrow key moves the choice like any radio group.
    await makerStars.getByRole('radio', { name: '4 stars' }).press('ArrowLeft');
    expect(await makerStars.getByRole('radio', { name: '3 stars' }).isChecked()).toBe(true);
    await makerStars.getByRole('radio', { name: '4 stars' }).check();
    await form.getByLabel('Your review (optional)').fill(REVIEW);
    await form
      .getByRole('group', { name: `Your rating of ${PRODUCT} (optional)` })
      .getByRole('radio', { name: '5 stars' })
      .check();
    await capture(store, 'reviews-order-form');
    await form.getByRole('button', { name: 'Post review' }).click();

    const posted = store.getByTestId('order-review');
    await posted.getByText(REVIEW).waitFor();
    await expect(posted.getByRole('img', { name: '4 out of 5' }).count()).resolves.toBe(1);
    expect(await store.getByRole('button', { name: 'Post review' }).count()).toBe(0);

    await store.goto(`${tp.url}/catalog/products/${productId}`);
    const productReviews = store.getByTestId('reviews-section');
    await productReviews.getByTestId('review').first().waitFor();
    expect(
      await productReviews
        .getByTestId('rating-summary')
        .locator('[data-value]')
        .first()
        .getAttribute('data-value'),
    ).toBe('5');
    await productReviews.getByText('1 review', { exact: true }).waitFor();
    await productReviews.getByText('5 stars: 1 (100.0%)').waitFor();
    await productReviews.getByText('Verified purchase').waitFor();
    await capture(store, 'reviews-product');

    await store.goto(`${tp.url}/catalog/manufacturers/${seller.companyId}`);
    const makerReviews = store.getByTestId('reviews-section');
    await makerReviews.getByText(REVIEW).waitFor();
    await makerReviews.getByText('4 out of 5', { exact: true }).waitFor();
    await makerReviews.getByText('4 stars: 1 (100.0%)').waitFor();
    // A buyer reads reviews; only the reviewed manufacturer may answer them.
    expect(await makerReviews.getByRole('button', { name: 'Post reply' }).count()).toBe(0);

    const maker = await newPage();
    await signIn(maker, seller.email);
    await maker.goto(`${tp.url}/catalog/manufacturers/${seller.companyId}`);
    const own = maker.getByTestId('reviews-section');
    await own.getByText(REVIEW).waitFor();
    await own.getByLabel('Your reply').fill(REPLY);
    await capture(maker, 'reviews-manufacturer-reply');
    await own.getByRole('button', { name: 'Post reply' }).click();
    await own.getByText('Your reply is posted.').waitFor();
    await own.getByText(REPLY).waitFor();
    // One reply per review: the form is gone.
    await expect.poll(() => own.getByRole('button', { name: 'Post reply' }).count()).toBe(0);

    await store.goto(`${tp.url}/orders/${deliveredId}`);
    const answered = store.getByTestId('order-review');
    await answered.getByText(REPLY).waitFor();
    await answered.getByText('Reply from the manufacturer').waitFor();
    await capture(store, 'reviews-order-replied');
  });

  it('an admin opens the Orders and Platform tabs', async () => {
    const ops = await newPage();
    await signIn(ops, admin.email);
    await ops.goto(`${tp.url}/admin/kyb`);
    const sections = ops.getByRole('navigation', { name: 'Admin sections' });
    await sections.getByRole('link', { name: 'Orders', exact: true }).click();
    await ops.waitForURL(`${tp.url}/admin/orders`);
    const stuck = ops.getByTestId('attention-not_accepted');
    await stuck.getByText(STORE).waitFor();
    expect(await stuck.getAttribute('data-total')).toBe('1');
    // Placed 50 hours ago: two days and two hours old, two hours past the 48 allowed.
    await stuck.getByText('2 days 2 h', { exact: true }).waitFor();
    await stuck.getByText('2 h', { exact: true }).waitFor();
    await capture(ops, 'admin-orders-attention');
    await stuck.getByRole('link').first().click();
    await ops.waitForURL(`${tp.url}/orders/${stuckId}`);

    await ops.goto(`${tp.url}/admin/orders`);
    await ops
      .getByRole('navigation', { name: 'Admin sections' })
      .getByRole('link', { name: 'Platform', exact: true })
      .click();
    await ops.waitForURL(`${tp.url}/admin/platform`);
    const kyb = ops.getByTestId('metric-kyb-waiting');
    await kyb.locator('.ws-kpi__value').waitFor();
    expect(await kyb.getAttribute('data-value')).toBe('0');
    await ops.getByTestId('metric-consumer-lag').getByText('In process').waitFor();
    await ops.getByTestId('metric-dead-letters').locator('.ws-kpi__value').waitFor();
    expect(await ops.getByTestId('metric-dead-letters').getAttribute('data-value')).toBe('0');
    // Today's trade: the delivered order (6 bowls at $24.00); the stuck one was placed two days ago.
    await ops.getByRole('cell', { name: '$144.00' }).waitFor();
    await capture(ops, 'admin-platform-metrics');
  });
});
