/**
 * The seller portal, end to end in Chromium, for a new verified manufacturer: it lists a product with two
 * variants and quantity prices (after the form has pointed at a tier nobody could buy at), publishes it and
 * finds it in the catalog as a buyer would; imports a CSV whose bad row is reported by line and column, then a
 * clean one up to its Free plan's limit, is told in the API's words why one more cannot be published, upgrades
 * its plan and publishes it; records a stock receipt and sees the level change; invites a member, who joins and
 * is told in the API's words that a catalog manager cannot invite. A retailer has no seller portal. Every page
 * passes an axe-core scan at desktop and phone width and leaves screenshots in test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../marketplace/catalog/csv-transfer.ts';
import { lastEmailTo } from '../support/mail-outbox.ts';
import { PASSWORD, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import {
  ensureWebBuild,
  launchBrowser,
  screenshot,
  skipBrowserTests,
  DESKTOP,
  checkAtDesktopAndPhone,
} from './support/browser.ts';

const LANTERN = 'Harbor storm lantern';
/** A 1x1 PNG: the API checks an upload's bytes, so it must be a real image. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A CSV in the import format: one row per variant, the columns the export writes. */
function csv(rows: Array<Partial<Record<(typeof CSV_COLUMNS)[number], string>>>): string {
  const lines = rows.map((row) => CSV_COLUMNS.map((c) => row[c] ?? '').join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\n');
}
const mug = (n: number, status = 'published') => ({
  product_sku: `MUG-${n}`,
  name: `Enamel mug no. ${n}`,
  category: 'drinkware',
  currency: 'USD',
  status,
  lead_time_days: '5',
  variant_sku: `MUG-${n}-STD`,
  price_minor: '650',
  price_tiers: '48:600|96:560',
  moq: '24',
  case_pack: '12',
  unit_cost_minor: '210',
  stock: '240',
});

describe.skipIf(skipBrowserTests)('the seller portal', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let page: Page;
  let seller: { companyId: string; email: string };
  let dataDir = '';

  const capture = (name: string) => checkAtDesktopAndPhone(page, name);

  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    tp = await startTestPlatform('embedded');
    dataDir = tp.platform.config.dataDir;
    // A new manufacturer through the shared helper, verified as an operator would (no demo data around it).
    seller = await tp.company('manufacturer', 'Harbor Test Works');
    page = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
    await page.goto(`${tp.url}/login`);
    await page.getByLabel('Email').fill(seller.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${tp.url}/seller`);
  }, 300_000);
  // What the page showed when a step failed, next to the other screenshots.
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page)
      await screenshot(page, `seller-failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('lists a product with two variants and quantity prices, publishes it, and buyers find it in the catalog', async () => {
    await nav('Products');
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    await page.getByText('No products yet').waitFor();
    await capture('seller-products-empty');
    await page.getByRole('link', { name: 'New product' }).click();
    await page.getByRole('heading', { level: 1, name: 'New product' }).waitFor();

    await page.getByLabel('Product SKU').fill('HTW-LANTERN');
    await page.getByLabel('Name', { exact: true }).fill(LANTERN);
    await page.getByLabel('Description').fill('Galvanised steel storm lantern with a glass chimney.');
    await page.getByLabel('Category').selectOption('camping');
    await page.getByLabel('Lead time (days)').fill('7');
    await page.getByLabel('Certifications').fill('FSC, Fair Trade');
    await page.getByRole('button', { name: 'Add a specification' }).click();
    await page.getByLabel('Specification 1 name').fill('Material');
    await page.getByLabel('Specification 1 value').fill('Galvanised steel');
    await page.getByLabel('Option names').fill('Colour');

    const first = page.getByRole('group', { name: /^Variant 1/ });
    await first.getByLabel('Variant SKU').fill('HTW-LANTERN-BLK');
    await first.getByLabel('Colour').fill('Black');
    await first.getByLabel('Price per unit (USD)').fill('24');
    await first.getByLabel('Minimum order (units)').fill('12');
    await first.getByLabel('Case pack (units)').fill('6');
    await first.getByLabel('Unit cost (USD, private)').fill('9.50');
    await first.getByLabel('Opening stock (units)').fill('500');
    // A tier at the MOQ would never apply: the form says so before anything is sent.
    await first.getByRole('button', { name: 'Add a quantity price' }).click();
    await first.getByLabel('Tier 1: from quantity').fill('12');
    await first.getByLabel('Tier 1: unit price (USD)').fill('22.00');
    await first.getByRole('button', { name: 'Add a quantity price' }).click();
    await first.getByLabel('Tier 2: from quantity').fill('96');
    await first.getByLabel('Tier 2: unit price (USD)').fill('19.50');

    await page.getByRole('button', { name: 'Add a variant' }).click();
    const second = page.getByRole('group', { name: /^Variant 2/ });
    await second.getByLabel('Variant SKU').fill('HTW-LANTERN-RED');
    await second.getByLabel('Colour').fill('Red');
    await second.getByLabel('Price per unit (USD)').fill('25.00');
    await second.getByLabel('Minimum order (units)').fill('12');
    await second.getByLabel('Case pack (units)').fill('6');
    await second.getByLabel('Opening stock (units)').fill('300');
    await second.getByRole('button', { name: 'Add a quantity price' }).click();
    await second.getByLabel('Tier 1: from quantity').fill('48');
    await second.getByLabel('Tier 1: unit price (USD)').fill('23.00');

    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByRole('alert').filter({ hasText: '1 field needs attention' }).waitFor();
    await first.getByText('Must be above the minimum order (12)').waitFor();
    await capture('seller-product-new-errors');
    await first.getByLabel('Tier 1: from quantity').fill('24');
    await page.getByRole('button', { name: 'Save and publish' }).click();

    await page.getByRole('heading', { level: 1, name: LANTERN }).waitFor();
    await page.getByText(`${LANTERN} was created.`).waitFor();
    expect(await page.getByTestId('product-status').innerText()).toBe('Published');
    // The saved variants keep their private unit cost and their tiers.
    const saved = page.getByRole('group', { name: 'Variant 1: HTW-LANTERN-BLK' });
    expect(await saved.getByLabel('Unit cost (USD, private)').inputValue()).toBe('9.50');
    expect(await saved.getByLabel('Tier 2: unit price (USD)').inputValue()).toBe('19.50');

    // Saved variants are edited one at a time; an image is uploaded as the file itself.
    const red = page.getByRole('group', { name: 'Variant 2: HTW-LANTERN-RED' });
    await red.getByLabel('Price per unit (USD)').fill('26');
    await red.getByRole('button', { name: 'Save variant' }).click();
    await page
      .getByRole('group', { name: 'Variant 2: HTW-LANTERN-RED' })
      .getByText('The variant was saved.')
      .waitFor();
    expect(await red.getByLabel('Price per unit (USD)').inputValue()).toBe('26.00');
    await page
      .getByLabel('Add an image')
      .setInputFiles({ name: 'lantern.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await page.getByText('The image was added.').waitFor();
    await page
      .getByRole('img', { name: `${LANTERN}, image 1` })
      .and(page.locator('img'))
      .waitFor();
    await capture('seller-product-edit');

    // A buyer's view of the same product, through the catalog's search.
    await nav('Catalog');
    await page.getByRole('searchbox', { name: 'Search products' }).fill('storm lantern');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: LANTERN }).click();
    await page.getByRole('heading', { level: 1, name: LANTERN }).waitFor();
    const tiers = page.getByRole('table', { name: 'Price per unit by quantity' });
    expect(await tiers.locator('tbody tr').allInnerTexts()).toEqual([
      '12+\t$24.00',
      '24+\t$22.00',
      '96+\t$19.50',
    ]);
  });

  it('reports every bad CSV row by line and column, imports a clean file, and says why the plan stops one more', async () => {
    await nav('Products');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import products' }).waitFor();
    const file = page.getByLabel('CSV file');
    await file.setInputFiles({
      name: 'products-bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv([mug(1), { ...mug(2), price_minor: 'twelve' }])),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '1 problem in the file: nothing was imported' })
      .waitFor();
    const problems = page.getByRole('table', { name: 'Problems by line' });
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^3\tprice_minor\t\S/);
    await capture('seller-import-errors');

    // Nine more published products reach the Free plan's 10; the tenth in the file is a draft.
    await file.setInputFiles({
      name: 'products.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        csv([
          ...Array.from({ length: 9 }, (_, i) => mug(i + 1)),
          { ...mug(10, 'draft'), name: 'Enamel jug' },
        ]),
      ),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('The file is ready: 10 rows, 10 products. Nothing was imported yet.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 10 products from 10 rows.').waitFor();
    await capture('seller-import-done');

    await page.getByRole('link', { name: 'View your products' }).click();
    await page.getByLabel('Status').selectOption('draft');
    const jug = page.getByRole('row').filter({ hasText: 'Enamel jug' });
    await jug.getByRole('button', { name: 'Publish Enamel jug' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Enamel jug was not published' })
      .filter({ hasText: 'Your Free plan includes 10 published products' })
      .waitFor();
    await capture('seller-products-refused');

    // The refusal links to the plans; the offline payment provider confirms the change in place.
    await page.getByRole('link', { name: 'See the plans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan and billing' }).waitFor();
    expect(await page.getByTestId('current-plan').innerText()).toBe('Free');
    await page.getByRole('radio', { name: /Professional/ }).check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect
      .poll(() => page.getByTestId('current-plan').innerText(), { timeout: 15_000 })
      .toBe('Professional');
    await page.getByText('Your plan is now Professional.').waitFor();
    await page.getByText('Test mode: the offline payment provider').waitFor();
    await capture('seller-billing');

    await nav('Products');
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Publish Enamel jug' }).click();
    await page.getByText('Enamel jug is published: buyers can find it in the catalog.').waitFor();
  });

  it('records a stock receipt and the level changes', async () => {
    await nav('Inventory');
    await page.getByRole('heading', { level: 1, name: 'Inventory' }).waitFor();
    const available = page.getByTestId('available-HTW-LANTERN-BLK');
    await expect.poll(() => available.innerText()).toBe('500');
    await page.getByRole('button', { name: 'Record a movement for HTW-LANTERN-BLK at MAIN' }).click();
    await expect.poll(() => page.getByLabel('Variant (SKU)').inputValue()).not.toBe('');
    await page.getByLabel('Quantity (units)').fill('120');
    await page.getByLabel('Note (optional)').fill('Delivery note 4471');
    await page.getByRole('button', { name: 'Record movement', exact: true }).click();
    await page.getByText('HTW-LANTERN-BLK at MAIN: 620 on hand, 620 available.').waitFor();
    await expect.poll(() => available.innerText()).toBe('620');
    const history = page.getByRole('table', { name: 'Movement history' });
    await history
      .getByRole('row')
      .filter({ hasText: 'Delivery note 4471' })
      .filter({ hasText: '+120' })
      .waitFor();

    // A count correction removes units; going below zero is refused in the API's words.
    await page.getByRole('button', { name: 'Record a movement for HTW-LANTERN-RED at MAIN' }).click();
    await page.getByRole('radio', { name: 'Adjustment' }).check();
    await page.getByLabel('Quantity (units)').fill('-301');
    await page.getByRole('button', { name: 'Record movement', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The movement was not recorded' }).waitFor();
    await capture('seller-inventory');
  });

  it('invites a member by email; the new catalog manager sees the team and the API refuses their changes', async () => {
    await nav('Team');
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    await page.getByRole('table', { name: 'Members' }).getByText(seller.email).waitFor();
    const invitee = 'catalog.help@example.test';
    await page.getByLabel('Email address').fill(invitee);
    await page.getByLabel('Role', { exact: true }).selectOption('catalog_manager');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`An invitation was sent to ${invitee}.`).waitFor();
    const row = page
      .getByRole('table', { name: 'Invitations' })
      .getByRole('row')
      .filter({ hasText: invitee });
    await row.getByText('Pending').waitFor();
    expect(await row.innerText()).toContain('Catalog manager');
    await capture('seller-team');

    // The invitee joins by the emailed link; as a catalog manager they see the team, and the API's refusal
    // when they try to change it.
    const mail = lastEmailTo(dataDir, invitee);
    const joined = await tp.http('POST', '/api/v1/invitations/accept', {
      body: { token: mail.link.searchParams.get('token'), password: PASSWORD },
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const colleague = await (
      await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })
    ).newPage();
    await colleague.goto(`${tp.url}/login`);
    await colleague.getByLabel('Email').fill(invitee);
    await colleague.getByLabel('Password').fill(PASSWORD);
    await colleague.getByRole('button', { name: 'Sign in' }).click();
    await colleague.waitForURL(`${tp.url}/seller`);
    await colleague.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await colleague.getByText('As Catalog manager you can see the team').waitFor();
    await colleague.getByLabel('Email address').fill('someone.else@example.test');
    await colleague.getByRole('button', { name: 'Send invitation' }).click();
    const refusal = colleague.getByRole('alert').filter({ hasText: 'The invitation was not sent' });
    await refusal.waitFor();
    // The API's own sentence, not a generic one.
    expect(await refusal.innerText()).not.toContain('Something went wrong');
    await colleague.context().close();

    await nav('Settlements');
    await page.getByRole('heading', { level: 1, name: 'Settlements and invoices' }).waitFor();
    await page.getByText('No sales in this period').waitFor();
    await capture('seller-settlements-empty');
  });

  it('is not there for a retailer', async () => {
    const retailer = await tp.company('retailer', 'Corner Test Store');
    const buyer = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
    await buyer.goto(`${tp.url}/login`);
    await buyer.getByLabel('Email').fill(retailer.email);
    await buyer.getByLabel('Password').fill(PASSWORD);
    await buyer.getByRole('button', { name: 'Sign in' }).click();
    await buyer.waitForURL(`${tp.url}/spending`);
    const navText = await buyer.getByRole('navigation', { name: 'Main' }).innerText();
    for (const entry of ['Products', 'Inventory', 'Settlements', 'Team', 'Plan and billing'])
      expect(navText).not.toContain(entry);
    await buyer.goto(`${tp.url}/products/new`);
    await buyer.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    await buyer.context().close();
  });
});
