/**
 * The storefront and the order pages, end to end in Chromium: a retailer finds a product by a misspelt search,
 * adds less than its minimum order and sees the problem next to the cart line, fixes it, checks out by card with
 * the test Visa (after a declined card) and sees one order per manufacturer; the manufacturer accepts and ships
 * the order with a tracking number, and the buyer's open order page shows the new steps. Every page passes an
 * axe-core scan at desktop and phone width and leaves screenshots in test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, buyerEmail, sellerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import {
  launchBrowser,
  signIn,
  skipBrowserTests,
  startDemoPlatform,
  DESKTOP,
  checkAtDesktopAndPhone,
} from './support/browser.ts';

const LANTERN = 'Lighthouse storm lantern';

describe.skipIf(skipBrowserTests)('buying in the storefront and fulfilling the order', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let buyer: Page;
  let seller: Page;
  let harborOrderUrl = '';

  const capture = checkAtDesktopAndPhone;

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    // A product of our own with a minimum order above one case, so the test does not hang on generated data.
    const token = await tp.login(sellerEmail('harbor'), DEMO_PASSWORD);
    const listed = await tp.http('POST', '/api/v1/products', {
      token,
      body: {
        sku: 'HARBOR-LANTERN-T1',
        name: LANTERN,
        description: 'Galvanised steel storm lantern with a glass chimney.',
        category: 'camping',
        currency: 'USD',
        leadTimeDays: 7,
        certifications: ['FSC'],
        images: ['demo/lantern-1.jpg', 'demo/lantern-2.jpg'],
        variants: [
          {
            sku: 'HARBOR-LANTERN-T1-BLK',
            options: { colour: 'Black' },
            priceMinor: 2400,
            priceTiers: [
              { minQuantity: 24, priceMinor: 2200 },
              { minQuantity: 96, priceMinor: 1950 },
            ],
            moq: 12,
            casePack: 6,
            stock: 500,
          },
          {
            sku: 'HARBOR-LANTERN-T1-RED',
            options: { colour: 'Red' },
            priceMinor: 2500,
            moq: 12,
            casePack: 6,
            stock: 300,
          },
        ],
      },
    });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    buyer = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
    seller = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('a retailer finds a product despite a typo, and a quantity below the MOQ shows up next to its cart line', async () => {
    await signIn(buyer, tp.url, buyerEmail('cornerstore'), '/spending');
    await buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await buyer.getByRole('heading', { name: /products$/ }).waitFor();
    await capture(buyer, 'storefront-catalog');

    await buyer.getByRole('searchbox', { name: 'Search products' }).fill('lighthose lantern');
    await buyer.getByRole('button', { name: 'Search', exact: true }).click();
    await buyer.getByRole('link', { name: LANTERN }).click();
    await buyer.getByRole('heading', { level: 1, name: LANTERN }).waitFor();
    // The tier table and the facts buyers decide on.
    const tiers = buyer.getByRole('table', { name: 'Price per unit by quantity' });
    expect(await tiers.locator('tbody tr').allInnerTexts()).toEqual([
      '12+\t$24.00',
      '24+\t$22.00',
      '96+\t$19.50',
    ]);
    expect(await buyer.getByLabel('Quantity').inputValue()).toBe('12');
    await capture(buyer, 'storefront-product');

    // One case (6) is below the MOQ (12): allowed, with a warning, and the cart says what to fix.
    await buyer.getByRole('button', { name: 'One case fewer (6)' }).isDisabled();
    await buyer.getByLabel('Quantity').fill('6');
    await buyer.getByText('Below the minimum order of 12').waitFor();
    await buyer.getByRole('button', { name: 'Add to cart' }).click();
    await buyer.getByText(`Added 6 × ${LANTERN} to your cart.`).waitFor();
    await buyer.getByRole('link', { name: /^Cart.*1 line in the cart/ }).waitFor();

    // A second manufacturer, so the checkout splits into two orders.
    await buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await buyer.getByRole('searchbox', { name: 'Search products' }).fill('soy candle');
    await buyer.getByRole('button', { name: 'Search', exact: true }).click();
    await buyer.getByRole('link', { name: 'Soy candle, cedar' }).click();
    await buyer.getByRole('button', { name: 'Add to cart' }).click();
    await buyer.getByRole('link', { name: 'View cart' }).click();

    await buyer.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
    const lantern = buyer.getByTestId('cart-line').filter({ hasText: LANTERN });
    await expect
      .poll(() => lantern.getByTestId('line-problems').innerText())
      .toContain('has a minimum order of 12; you have 6.');
    expect(await buyer.getByRole('button', { name: 'Go to checkout' }).isDisabled()).toBe(true);
    await capture(buyer, 'storefront-cart-problem');

    await lantern.getByRole('button', { name: 'One case more (6)' }).click();
    await expect.poll(() => lantern.getByTestId('line-problems').count()).toBe(0);
    expect(await lantern.getByRole('spinbutton').inputValue()).toBe('12');
    await expect.poll(() => buyer.getByRole('button', { name: 'Go to checkout' }).isDisabled()).toBe(false);
    await capture(buyer, 'storefront-cart');
  });

  it('checks out by card: a declined card is explained, the test Visa pays, one order per manufacturer', async () => {
    await buyer.getByRole('button', { name: 'Go to checkout' }).click();
    await buyer.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    // Net terms are approved for this retailer, with its available credit shown; card stays the default.
    await buyer.getByText(/Available credit \$[\d,.]+ of \$50,000\.00/).waitFor();
    // The form checks what the API would refuse before sending.
    await buyer.getByRole('button', { name: 'Continue to payment' }).click();
    await buyer.getByRole('alert').filter({ hasText: 'fields need attention' }).waitFor();
    await buyer.getByLabel('Company or recipient name').fill('Corner Store Brooklyn');
    await buyer.getByLabel('Address line 1').fill('1 Main St');
    await buyer.getByLabel('City').fill('New York');
    await buyer.getByLabel('State, region or province').fill('NY');
    await buyer.getByLabel('Postal code').fill('10001');
    await buyer.getByLabel('Country').fill('us');
    // Each error leaves as its field is fixed, without another submit.
    await expect.poll(() => buyer.getByText('Required', { exact: true }).count()).toBe(0);
    await capture(buyer, 'storefront-checkout');
    await buyer.getByRole('button', { name: 'Continue to payment' }).click();

    await buyer.getByRole('heading', { level: 1, name: 'Pay' }).waitFor();
    await buyer.getByText('Test mode: no real money moves').waitFor();
    await buyer.getByLabel(/Declined card/).check();
    await buyer.getByRole('button', { name: /^Pay / }).click();
    await buyer.getByRole('alert').filter({ hasText: 'The payment was declined' }).waitFor();
    await capture(buyer, 'storefront-payment-declined');
    await buyer.getByLabel(/Visa ending 4242/).check();
    await buyer.getByRole('button', { name: /^Pay / }).click();

    await buyer.getByRole('heading', { level: 1, name: 'Order confirmed' }).waitFor();
    await buyer.getByRole('heading', { name: 'Order from Harbor & Pine' }).waitFor();
    await buyer.getByRole('heading', { name: 'Order from Lumen Home Goods' }).waitFor();
    await capture(buyer, 'storefront-confirmation');
    const harbor = buyer
      .locator('section')
      .filter({ has: buyer.getByRole('heading', { name: 'Order from Harbor & Pine' }) });
    harborOrderUrl = (await harbor.getByRole('link', { name: 'View order' }).getAttribute('href')) ?? '';
    expect(harborOrderUrl).toMatch(/^\/orders\/[0-9a-f-]{36}$/);
    // The cart is empty again: the badge is gone.
    await expect
      .poll(() =>
        buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart/ }).innerText(),
      )
      .toBe('Cart');
  });

  it('the manufacturer accepts and ships it, and the buyer sees the timeline update', async () => {
    // The buyer keeps the order open; it refreshes by itself.
    await buyer.goto(`${tp.url}${harborOrderUrl}`);
    await buyer.getByTestId('order-status').filter({ hasText: 'Placed' }).waitFor();

    await signIn(seller, tp.url, sellerEmail('harbor'), '/seller');
    await seller.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    const shortId = `#${harborOrderUrl.slice(-8).toUpperCase()}`;
    const row = seller.getByRole('row').filter({ hasText: shortId });
    await row.getByText('Corner Store Brooklyn').waitFor();
    expect(await row.innerText()).toContain('Placed');
    await capture(seller, 'orders-list-manufacturer');
    await row.getByRole('link', { name: shortId }).click();

    await seller.getByRole('button', { name: 'Accept order' }).click();
    await seller.getByTestId('order-status').filter({ hasText: 'Accepted' }).waitFor();
    await seller.getByRole('button', { name: 'Ship order' }).click();
    await seller.getByRole('button', { name: 'Confirm: Ship order' }).click();
    await seller.getByText('Name the carrier.').waitFor();
    await seller.getByLabel('Carrier').fill('UPS');
    await seller.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await seller
      .getByLabel('Tracking link (https)')
      .fill('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    await seller.getByRole('button', { name: 'Confirm: Ship order' }).click();
    await seller.getByTestId('order-status').filter({ hasText: 'Shipped' }).waitFor();
    await capture(seller, 'order-detail-manufacturer');

    const timeline = buyer.getByTestId('timeline');
    await expect.poll(() => timeline.innerText(), { timeout: 20_000 }).toContain('Shipped');
    expect(await timeline.innerText()).toMatch(
      /Placed[\s\S]*Accepted[\s\S]*by the manufacturer[\s\S]*Shipped/,
    );
    expect(await timeline.innerText()).toContain('UPS · 1Z999AA10123456784');
    await buyer.getByTestId('order-status').filter({ hasText: 'Shipped' }).waitFor();
    await buyer.getByRole('button', { name: 'Confirm delivery' }).waitFor();
    await buyer.getByRole('button', { name: 'Download invoice (PDF)' }).waitFor();
    await capture(buyer, 'order-detail-buyer');

    const download = buyer.waitForEvent('download');
    await buyer.getByRole('button', { name: 'Download invoice (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  });
});
