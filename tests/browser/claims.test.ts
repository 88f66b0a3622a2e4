/**
 * Returns and claims, end to end in Chromium. Orders are bought, paid and delivered through the API (as a person
 * would not); every claim step under test goes through the pages. A buyer is told why an undelivered order
 * takes no claim, reports damaged mugs on a delivered one (more units than ordered and a text file are turned
 * away in place) with a photo; the manufacturer finds it in /claims with what it asks for, sees the photo,
 * is refused an offer larger than the order in the API's words, offers a partial refund; the buyer accepts and
 * the claim shows resolved with the amount refunded. Second path: the manufacturer disputes, the buyer
 * escalates, a Wholesail admin finds it under Disputes and decides. A buyer of another company is told the
 * claim does not exist. The claim page passes an axe-core scan at desktop and phone width, and screenshots
 * are left in test-output/screenshots/.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestPlatform, type HttpResult, type TestPlatform } from '../support/test-platform.ts';
import {
  ensureWebBuild,
  launchBrowser,
  screenshot,
  skipBrowserTests,
  DESKTOP,
  checkAtDesktopAndPhone,
} from './support/browser.ts';

/** A 1x1 PNG: the API checks an upload's bytes, so the photo must be a real image. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const MUG = 'Stoneware mug';
const shopAddress = {
  name: 'Corner Shop',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

type Company = Awaited<ReturnType<TestPlatform['company']>>;

describe.skipIf(skipBrowserTests)('returns and claims in the browser', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let seller: Company;
  let buyer: Company;
  let stranger: Company;
  let admin: Company;
  let variantId = '';
  const pages: Page[] = [];

  const expectOk = (res: HttpResult, status = 200) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const post = (who: Company, route: string, body?: object, headers?: Record<string, string>) =>
    tp.http('POST', route, { token: who.token, body, headers });

  /** A card order paid with the test Visa and delivered today, so a claim may be opened and money refunded. */
  const deliveredOrder = async (quantity: number): Promise<string> => {
    expectOk(await post(buyer, '/api/v1/cart/lines', { variantId, quantity }));
    const group = expectOk(
      await post(
        buyer,
        '/api/v1/checkout',
        { paymentMethod: 'card', shippingAddress: shopAddress },
        { 'Idempotency-Key': randomUUID() },
      ),
      201,
    );
    expectOk(
      await post(
        buyer,
        `/api/v1/order-groups/${group.id}/pay`,
        { paymentMethod: 'pm_card_visa' },
        { 'Idempotency-Key': randomUUID() },
      ),
    );
    const orderId: string = group.orders[0].id;
    expectOk(await post(seller, `/api/v1/orders/${orderId}/accept`));
    expectOk(
      await post(seller, `/api/v1/orders/${orderId}/ship`, { carrier: 'UPS', trackingNumber: '1Z999' }),
    );
    expectOk(await post(seller, `/api/v1/orders/${orderId}/deliver`));
    return orderId;
  };

  /** A browser tab signed in through the login form. */
  const signedIn = async (who: Company): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
    pages.push(page);
    await page.goto(`${tp.url}/login`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  };

  const capture = checkAtDesktopAndPhone;

  /** True once the photo has been fetched with the session and drawn (an object URL, real pixels). */
  const photoShown = (page: Page, name: string) =>
    page.waitForFunction(
      (alt) => {
        const img = document.querySelector<HTMLImageElement>(`img[alt="${alt}"]`);
        return Boolean(img?.src.startsWith('blob:') && img.complete && img.naturalWidth > 0);
      },
      name,
      { timeout: 15_000 },
    );

  const status = (page: Page) => page.getByTestId('claim-status').innerText();

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    tp = await startTestPlatform('embedded');
    seller = await tp.company('manufacturer', 'Hilltop Pottery');
    buyer = await tp.company('retailer', 'Corner Shop');
    stranger = await tp.company('retailer', 'Nosy Mart');
    admin = await tp.company('platform', 'Wholesail HQ', 'admin');
    const product = expectOk(
      await post(seller, '/api/v1/products', {
        sku: 'MUG',
        name: MUG,
        priceMinor: 900,
        currency: 'USD',
        stock: 500,
      }),
      201,
    );
    variantId = product.variants[0].id;
  }, 300_000);
  // What the pages showed when a step failed, next to the other screenshots.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [i, page] of pages.entries())
      await screenshot(page, `claims-failed-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}-${i}`);
  });
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('a buyer reports damaged goods with a photo, the manufacturer offers part of the money back, and the buyer accepts', async () => {
    const notYet = expectOk(
      await post(buyer, '/api/v1/orders', { lines: [{ variantId, quantity: 24 }] }),
      201,
    );
    const orderId = await deliveredOrder(10);
    const shop = await signedIn(buyer);

    // An order still on its way takes no claim, and the buyer is told why.
    await shop.goto(`${tp.url}/orders/${notYet.id}`);
    await shop.getByRole('heading', { level: 2, name: 'Problems with this order' }).waitFor();
    await shop.getByText('You can report a problem once the order is delivered.').waitFor();
    expect(await shop.getByRole('button', { name: 'Report a problem' }).count()).toBe(0);

    await shop.goto(`${tp.url}/orders/${orderId}`);
    await shop.getByRole('button', { name: 'Report a problem' }).click();
    const form = shop.getByRole('form', { name: 'Report a problem' });
    await form.getByRole('radio', { name: 'Damaged goods' }).check();
    await form.getByRole('checkbox', { name: new RegExp(MUG) }).check();
    const units = form.getByLabel(`Units of ${MUG} with a problem`);
    expect(await units.inputValue()).toBe('10');
    await units.fill('11');
    await form.getByLabel('Describe the problem').fill('Two mugs arrived with cracked handles.');
    await form.getByRole('radio', { name: 'A refund' }).check();
    // Only images the API takes: a text file is turned away at once, a PNG is previewed.
    await form.getByLabel('Add photos').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') },
      { name: 'cracked-mug.png', mimeType: 'image/png', buffer: PIXEL_PNG },
    ]);
    await form.getByText('notes.txt was not added: it is not a JPEG, PNG or WebP image.').waitFor();
    await form.getByRole('img', { name: 'Preview of cracked-mug.png' }).waitFor();
    // Never more units than ordered: the form says so before anything is sent.
    await form.getByRole('button', { name: 'Send the claim' }).click();
    await form.getByText('Enter a whole number of units from 1 to 10.').waitFor();
    await capture(shop, 'claims-form-errors');
    await units.fill('2');
    await form.getByRole('button', { name: 'Send the claim' }).click();

    await shop.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
    const claimUrl = shop.url();
    const claimId = claimUrl.split('/').pop()!;
    await shop.getByText('Your claim is open. The manufacturer has been told.').waitFor();
    expect(await status(shop)).toBe('Open');
    await photoShown(shop, 'Photo 1, from you');

    // The manufacturer finds it among its claims, with what the two mugs are worth and what the buyer asks.
    const works = await signedIn(seller);
    await works
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Claims', exact: true })
      .click();
    await works.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
    const row = works.getByRole('row').filter({ hasText: 'Corner Shop' });
    await row.getByText('Damaged goods').waitFor();
    await row.getByText('$18.00').waitFor();
    await row.getByText('asks for a refund').waitFor();
    expect(await row.getByText('Open', { exact: true }).count()).toBe(1);
    await capture(works, 'claims-list');
    await row.getByRole('link', { name: /^Claim #/ }).click();
    await works.waitForURL(claimUrl);
    await photoShown(works, 'Photo 1, from the buyer');
    await works.getByTestId('claimed-value').getByText('$18.00').waitFor();
    await capture(works, 'claims-respond');

    // An offer larger than the order is refused by the API, in its words, next to the amount.
    await works.getByRole('radio', { name: /Refund in part/ }).check();
    const amount = works.getByLabel('Amount to refund (USD)');
    await amount.fill('5000');
    await works.getByRole('button', { name: 'Send the answer' }).click();
    await works.getByRole('alert').filter({ hasText: 'can still be refunded' }).waitFor();
    await works.getByText(/^must be between 1 and \d+$/).waitFor();
    expect(await status(works)).toBe('Open');
    await amount.fill('12.50');
    await works
      .getByLabel('Note to the buyer (optional)')
      .fill('Sorry: refunding what the two mugs cost, less the lids.');
    await works.getByRole('button', { name: 'Send the answer' }).click();
    await works.getByText('Your answer was sent to the buyer.').waitFor();
    expect(await status(works)).toBe('Answered');
    await works.getByTestId('claim-answer').getByText('Offers: Partial refund: $12.50').waitFor();

    // The buyer sees the offer (the page re-reads the claim by itself) and accepts it.
    await shop.getByText('The manufacturer offers: Partial refund: $12.50.').waitFor({ timeout: 15_000 });
    await shop.getByRole('button', { name: 'Accept the offer' }).click();
    await shop.getByText('You accepted the offer: the claim is resolved.').waitFor();
    expect(await status(shop)).toBe('Resolved');
    expect(await shop.getByTestId('claim-refunded').innerText()).toBe('$12.50');
    await shop.getByText('The buyer accepted the manufacturer’s offer.').waitFor();
    const timeline = shop.getByTestId('claim-timeline');
    for (const step of ['Opened', 'Photo added', 'Answered', 'Offer accepted', 'Resolved'])
      await timeline.getByText(step, { exact: true }).waitFor();
    const stored = expectOk(await tp.http('GET', `/api/v1/claims/${claimId}`, { token: buyer.token }));
    expect(stored.resolution).toMatchObject({ outcome: 'partial_refund', amountMinor: 1250 });
    expect(stored.resolution.refundId).toEqual(expect.any(String));
    await capture(shop, 'claims-resolved');

    // The order's page lists the claim, linked, and the buyer may report a new problem.
    await shop.goto(`${tp.url}/orders/${orderId}`);
    await shop.getByRole('link', { name: `Claim #${claimId.slice(-8).toUpperCase()}` }).waitFor();
    await shop.getByRole('button', { name: 'Report a problem' }).waitFor();

    // A buyer of another company is told the claim does not exist, as the API tells it.
    const nosy = await signedIn(stranger);
    await nosy.goto(claimUrl);
    await nosy
      .getByRole('heading', { level: 1, name: 'This claim does not exist, or it is not yours to see' })
      .waitFor();
    expect(await nosy.getByText('Damaged goods').count()).toBe(0);
  });

  it('the manufacturer disputes, the buyer asks Wholesail, and an admin decides from the Disputes tab', async () => {
    const orderId = await deliveredOrder(10);
    // Opened through the API: what is under test here is what follows.
    const claim = expectOk(
      await post(buyer, `/api/v1/orders/${orderId}/claims`, {
        type: 'missing',
        lines: [{ lineNo: 1, quantity: 4 }],
        description: 'The box held six mugs, not ten.',
        requestedOutcome: 'replacement',
      }),
      201,
    );
    const claimUrl = `${tp.url}/claims/${claim.id}`;

    const works = await signedIn(seller);
    await works.goto(claimUrl);
    await works.getByRole('radio', { name: /Dispute the claim/ }).check();
    await works.getByRole('button', { name: 'Send the answer' }).click();
    await works.getByText('Say why you dispute the claim.').waitFor();
    await works
      .getByLabel('Why do you dispute it? (shown to the buyer)')
      .fill('Our packing record shows ten mugs.');
    await works.getByRole('button', { name: 'Send the answer' }).click();
    await works.getByText('Your answer was sent to the buyer.').waitFor();
    expect(await status(works)).toBe('Answered');

    const shop = await signedIn(buyer);
    await shop.goto(claimUrl);
    await shop.getByTestId('claim-answer').getByText('Disputes the claim').waitFor();
    await shop
      .getByText('The manufacturer disputes the claim. Ask Wholesail to decide, or withdraw it.')
      .waitFor();
    expect(await shop.getByRole('button', { name: 'Accept the offer' }).count()).toBe(0);
    await shop.getByRole('button', { name: 'Ask Wholesail to decide' }).click();
    await shop.getByLabel('What should Wholesail know? (optional)').fill('Photo of the open box to follow.');
    await shop.getByRole('button', { name: 'Send to Wholesail' }).click();
    await shop.getByText('The claim was sent to Wholesail.').waitFor();
    expect(await status(shop)).toBe('With Wholesail');

    const hq = await signedIn(admin);
    await hq
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin', exact: true })
      .click();
    await hq.getByRole('link', { name: 'Disputes', exact: true }).click();
    await hq.getByRole('heading', { level: 1, name: 'Disputes' }).waitFor();
    const row = hq.getByRole('row').filter({ hasText: 'Hilltop Pottery → Corner Shop' });
    await row.getByText('Missing items').waitFor();
    await row.getByText('asks for a replacement').waitFor();
    // A replacement asks for goods, not money: the row names no amount (the API's amountAskedMinor is null).
    expect(await row.getByText('$').count()).toBe(0);
    await capture(hq, 'claims-disputes');
    await row.getByRole('link', { name: /^Claim #/ }).click();
    await hq.waitForURL(claimUrl);

    await hq.getByRole('radio', { name: /Refund in part/ }).check();
    await hq.getByLabel('Amount to refund (USD)').fill('twelve');
    await hq
      .getByLabel('Note to both parties')
      .fill('The carrier confirms a lighter box: refunding four mugs.');
    await hq.getByRole('button', { name: 'Resolve the claim' }).click();
    // Typed amounts are read in the page's language; words are not an amount, and nothing is sent.
    await hq.getByLabel('Amount to refund (USD)').and(hq.locator('[aria-invalid="true"]')).waitFor();
    expect(await status(hq)).toBe('With Wholesail');
    await hq.getByLabel('Amount to refund (USD)').fill('36');
    await hq.getByRole('button', { name: 'Resolve the claim' }).click();
    await hq.getByText('The claim is resolved.').waitFor();
    expect(await status(hq)).toBe('Resolved');
    expect(await hq.getByTestId('claim-refunded').innerText()).toBe('$36.00');
    await hq.getByText('Decided by Wholesail.').waitFor();

    // Both parties read the decision; the claim has left the Disputes tab.
    await shop.getByTestId('claim-refunded').getByText('$36.00').waitFor({ timeout: 15_000 });
    await hq.getByRole('link', { name: '← Disputes' }).click();
    await hq.getByText('No claim is waiting for Wholesail').waitFor();
  });
});
