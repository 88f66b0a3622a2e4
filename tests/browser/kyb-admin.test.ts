/**
 * Company verification and the admin panel, end to end in Chromium. A new, unverified manufacturer cannot publish
 * and sees the "Verify your company to publish" banner; it fills the wizard (profile, registered address, two
 * PDFs, after a file the API refuses), submits, and the case is read-only. An admin finds it in the KYB queue,
 * opens a document in a new tab and asks for a new tax document; the seller reads the reason, uploads, submits
 * again; the admin approves; the banner is gone, the trust score shows and publishing works. An admin also
 * suspends a company from the companies list (its sessions end at once) and finds it in the audit log. Every
 * page passes an axe-core scan at desktop and phone width and leaves screenshots in test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCertificate } from '../../scripts/seed/seed-kyb.ts';
import { PASSWORD, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';
import {
  ensureWebBuild,
  launchBrowser,
  skipBrowserTests,
  DESKTOP,
  checkAtDesktopAndPhone,
} from './support/browser.ts';

const SELLER = 'Fresh Kiln Works';
const STORE = 'Corner Test Store';
const PRODUCT = 'Kiln-fired planter';
const CHANGES_REASON = 'The tax certificate is illegible: upload a clearer scan.';
const SUSPEND_REASON = 'Chargebacks on three orders this week';

describe.skipIf(skipBrowserTests)('company verification and the admin panel', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let seller: Page;
  let admin: Page;
  let sellerAccount: { companyId: string; email: string; token: string };
  let adminEmail = '';
  let store: { companyId: string; email: string; token: string };
  let registrationPdf: Buffer;
  let taxPdf: Buffer;

  const capture = checkAtDesktopAndPhone;

  const signIn = async (page: Page, email: string, landing: string) => {
    await page.goto(`${tp.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${tp.url}${landing}`);
  };
  const nav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  const adminNav = (name: string) =>
    admin
      .getByRole('navigation', { name: 'Admin sections' })
      .getByRole('link', { name, exact: true })
      .click();
  const kybStatus = (page: Page) => page.getByTestId('kyb-status-badge').innerText();

  /** The admin opens the seller's case from the queue's "waiting for review" tab. */
  const openCaseFromQueue = async () => {
    await nav(admin, 'Admin');
    await admin.getByRole('heading', { level: 1, name: 'KYB queue' }).waitFor();
    await admin.getByRole('link', { name: SELLER }).click();
    await admin.getByRole('heading', { level: 1, name: SELLER }).waitFor();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    tp = await startTestPlatform('embedded');
    sellerAccount = await tp.company('manufacturer', SELLER, undefined, { kyb: 'none' });
    adminEmail = (await tp.company('platform', 'Wholesail HQ', 'admin')).email;
    store = await tp.company('retailer', STORE);
    // A draft the seller may keep before verification; publishing it is what verification unlocks.
    const draft = await tp.http('POST', '/api/v1/products', {
      token: sellerAccount.token,
      body: {
        sku: 'KILN-PLANTER',
        name: PRODUCT,
        priceMinor: 1800,
        currency: 'USD',
        stock: 40,
        status: 'draft',
      },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    registrationPdf = await demoCertificate('Certificate of registration', [
      `${SELLER} LLC`,
      'Registration no. TX-804211',
    ]);
    taxPdf = await demoCertificate('Tax registration', [`${SELLER} LLC`, 'Tax id 74-1234567']);
    seller = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
    admin = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('an unverified manufacturer cannot publish, fills the wizard, uploads two PDFs and submits', async () => {
    await signIn(seller, sellerAccount.email, '/seller');
    const banner = seller.getByTestId('verification-banner');
    await banner.getByText('Verify your company to publish').waitFor();

    await nav(seller, 'Products');
    await seller.getByRole('button', { name: `Publish ${PRODUCT}` }).click();
    await seller
      .getByRole('alert')
      .filter({ hasText: `${PRODUCT} was not published` })
      .filter({ hasText: 'Only a verified manufacturer can publish' })
      .waitFor();

    await banner.getByRole('link', { name: 'Start verification' }).click();
    await seller.getByRole('heading', { level: 1, name: 'Company verification' }).waitFor();
    expect(await kybStatus(seller)).toBe('Not submitted');
    // On the wizard itself the banner would only repeat it.
    expect(await banner.count()).toBe(0);
    // Nothing is filled in yet: the wizard opens at the first step and the form names what is required.
    await seller.getByRole('button', { name: 'Save and continue' }).click();
    await seller.getByRole('alert').filter({ hasText: '3 fields need attention.' }).waitFor();
    await seller.getByLabel('Legal name', { exact: true }).fill(`${SELLER} LLC`);
    await seller.getByLabel('Registration number').fill('TX-804211');
    await seller.getByLabel('Tax identification number').fill('74-1234567');
    await seller.getByLabel('Website').fill('fresh-kiln.example.com');
    await seller.getByLabel('Founded in').fill('1998');
    await seller.getByLabel('Description', { exact: true }).fill('Stoneware planters, fired in Austin.');
    await seller.getByRole('button', { name: 'Save and continue' }).click();
    await seller.getByText('Enter an address starting with http:// or https://').waitFor();
    await seller.getByLabel('Website').fill('https://fresh-kiln.example.com');
    await capture(seller, 'kyb-wizard-profile');
    await seller.getByRole('button', { name: 'Save and continue' }).click();

    await seller.getByRole('heading', { name: 'Addresses' }).waitFor();
    await seller.getByText('Company profile saved.').waitFor();
    expect(await seller.getByLabel('Type').inputValue()).toBe('registered');
    await seller.getByLabel('Address line 1').fill('1 Congress Ave');
    await seller.getByLabel('City').fill('Austin');
    await seller.getByLabel('State, region or province').fill('TX');
    await seller.getByLabel('Postal code').fill('78701');
    await seller.getByLabel('Country').fill('u');
    await seller.getByRole('button', { name: 'Add address' }).click();
    await seller.getByText('Enter a two-letter country code such as US or DE').waitFor();
    await seller.getByLabel('Country').fill('us');
    await seller.getByRole('button', { name: 'Add address' }).click();
    await seller.getByTestId('address-registered').getByText('78701 Austin, TX').waitFor();
    await seller.getByRole('link', { name: /Continue to documents/ }).click();

    await seller.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
    // A file that is not what it claims to be is refused by the API, in its words, under its kind.
    await seller.getByLabel('Upload other document').setInputFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('just some notes, not a PDF'),
    });
    await seller
      .getByTestId('documents-other')
      .getByRole('alert')
      .filter({ hasText: 'notes.pdf was not accepted' })
      .filter({ hasText: 'The file is not a PDF, JPEG or PNG' })
      .waitFor();
    await seller.getByLabel('Upload business registration').setInputFiles({
      name: 'registration.pdf',
      mimeType: 'application/pdf',
      buffer: registrationPdf,
    });
    await seller.getByText('registration.pdf uploaded.').waitFor();
    await seller.getByLabel('Upload tax id certificate').setInputFiles({
      name: 'tax-certificate.pdf',
      mimeType: 'application/pdf',
      buffer: taxPdf,
    });
    await seller.getByText('tax-certificate.pdf uploaded.').waitFor();
    await capture(seller, 'kyb-wizard-documents');
    // The seller can download what it sent, with its session.
    const download = seller.waitForEvent('download');
    await seller.getByRole('button', { name: 'Download registration.pdf' }).first().click();
    expect((await download).suggestedFilename()).toBe('registration.pdf');

    await seller.getByRole('link', { name: /Continue to review and submit/ }).click();
    const checklist = seller.getByTestId('kyb-checklist');
    await checklist.waitFor();
    expect(await checklist.locator('li.is-missing').count()).toBe(0);
    expect(await checklist.locator('li.is-done').count()).toBe(6);
    await capture(seller, 'kyb-wizard-review');
    await seller.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => kybStatus(seller)).toBe('Under review');
    await seller.getByText('Submitted. A Wholesail reviewer will look at your verification').waitFor();
    // Under review the case is read-only: what was sent, nothing to press.
    await seller.getByRole('heading', { name: 'What you sent' }).waitFor();
    expect(await seller.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    expect(await seller.getByLabel(/^Upload /).count()).toBe(0);
    await capture(seller, 'kyb-under-review');
  });

  it('an admin finds the case in the queue, opens a document and asks for a new tax document', async () => {
    await signIn(admin, adminEmail, '/executive');
    await openCaseFromQueue();
    const risk = admin.getByRole('region', { name: 'Risk flags' });
    await risk.waitFor();
    const documents = admin.getByRole('region', { name: 'Documents' });
    expect(await documents.getByTestId('kyb-document').count()).toBe(2);

    // The document opens in a new tab, fetched with the admin's session (a plain link would carry no token).
    const tab = admin.context().waitForEvent('page');
    await documents.getByRole('button', { name: 'Open registration.pdf in a new tab' }).click();
    const opened = await tab;
    await expect.poll(() => opened.url()).toMatch(/^blob:/);
    await opened.close();

    await admin.getByLabel(/^Request changes/).check();
    await admin.getByRole('button', { name: 'Send back for changes' }).click();
    await admin.getByText('Say why, in at least 3 characters').waitFor();
    await admin.getByLabel('Tax id certificate').check();
    await admin.getByLabel('Reason the seller will read').fill(CHANGES_REASON);
    await capture(admin, 'admin-kyb-case');
    await admin.getByRole('button', { name: 'Send back for changes' }).click();
    await expect.poll(() => admin.getByTestId('case-status').innerText()).toBe('Changes requested');
    await admin.getByTestId('kyb-history').getByText(CHANGES_REASON).waitFor();
  });

  it('the seller reads the reason, uploads a new tax document and submits again', async () => {
    await seller.reload();
    await expect.poll(() => kybStatus(seller)).toBe('Changes requested');
    expect(await seller.getByTestId('reviewer-reason').innerText()).toContain(CHANGES_REASON);
    expect(await seller.getByTestId('requested-documents').innerText()).toContain('Tax id certificate');
    await seller.getByRole('link', { name: 'Go to the documents' }).click();
    const tax = seller.getByTestId('documents-tax_id');
    await tax.getByText('Requested again').waitFor();
    await tax.getByText('sent before the reviewer’s request').waitFor();
    await capture(seller, 'kyb-changes-requested');

    // Submitting without the new document is refused by the checklist, which links to what is missing.
    await seller.getByRole('link', { name: /Continue to review and submit/ }).click();
    await seller.getByText('Still needed: a new tax id document, as the reviewer asked').waitFor();
    expect(await seller.getByRole('button', { name: 'Submit for review' }).isDisabled()).toBe(true);
    await seller.getByRole('link', { name: 'Complete in documents' }).click();

    await seller.getByLabel('Upload another tax id certificate').setInputFiles({
      name: 'tax-certificate-clear.pdf',
      mimeType: 'application/pdf',
      buffer: await demoCertificate('Tax registration (clear scan)', [`${SELLER} LLC`, 'Tax id 74-1234567']),
    });
    await seller.getByText('tax-certificate-clear.pdf uploaded.').waitFor();
    await seller.getByRole('link', { name: /Continue to review and submit/ }).click();
    await seller.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => kybStatus(seller)).toBe('Under review');
  });

  it('the admin approves; the banner disappears, the trust score shows and publishing works', async () => {
    await openCaseFromQueue();
    expect(await admin.getByRole('region', { name: 'Documents' }).getByTestId('kyb-document').count()).toBe(
      3,
    );
    await admin.getByRole('button', { name: 'Approve verification' }).click();
    await expect.poll(() => admin.getByTestId('case-status').innerText()).toBe('Verified');

    // The seller moves on to another page: the banner asks the API again and is gone.
    await nav(seller, 'Products');
    await seller.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    await expect.poll(() => seller.getByTestId('verification-banner').count()).toBe(0);
    await seller.getByRole('button', { name: `Publish ${PRODUCT}` }).click();
    await seller.getByText(`${PRODUCT} is published: buyers can find it in the catalog.`).waitFor();

    await nav(seller, 'Verification');
    await expect.poll(() => kybStatus(seller)).toBe('Verified');
    await seller.getByTestId('trust-score').waitFor();
    await seller.getByRole('table', { name: 'Trust score' }).getByText('Verification').waitFor();
    // Legal details are locked; the public profile is still the seller's to change.
    expect(await seller.getByLabel('Legal name', { exact: true }).isEditable()).toBe(false);
    expect(await seller.getByLabel('Website').isEditable()).toBe(true);
    await capture(seller, 'kyb-verified');
  });

  it('an admin suspends a company from the companies list, and the audit log shows it', async () => {
    await adminNav('Companies');
    await admin.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await admin.getByRole('searchbox', { name: 'Company name' }).fill('corner test');
    await admin.getByRole('button', { name: 'Search', exact: true }).click();
    const row = admin.getByRole('row').filter({ hasText: STORE });
    await row.getByText('Active').waitFor();
    // The store is on the unfiltered list too: wait for the search's answer to replace it (header + one row).
    await expect.poll(() => admin.getByRole('row').count()).toBe(2);

    await row.getByRole('button', { name: `Suspend ${STORE}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Suspend ${STORE}` });
    await dialog.getByRole('button', { name: 'Suspend company' }).click();
    await dialog.getByText('Say why, in at least 3 characters').waitFor();
    await dialog.getByLabel('Reason').fill(SUSPEND_REASON);
    await capture(admin, 'admin-companies-suspend');
    await dialog.getByRole('button', { name: 'Suspend company' }).click();
    await admin.getByText(`${STORE} is suspended.`).waitFor();
    await row.getByText('Suspended').waitFor();
    await row.getByText(`Reason: ${SUSPEND_REASON}`).waitFor();
    // Suspension applies at once: the store's session no longer works.
    expect((await tp.http('GET', '/api/v1/me', { token: store.token })).status).toBe(401);

    await adminNav('Audit log');
    await admin.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await admin.getByLabel('Action', { exact: true }).fill('company.suspended');
    await admin.getByRole('button', { name: 'Apply filters' }).click();
    // Only the suspension is left: the header row and one entry.
    await expect.poll(() => admin.getByRole('row').count()).toBe(2);
    const entry = admin.getByRole('row').filter({ hasText: SUSPEND_REASON });
    await entry.getByText('company.suspended').waitFor();
    // What changed, field by field.
    expect(await entry.locator('.audit-changes').innerText()).toMatch(/^status: active →[\s\S]*suspended$/);
    await capture(admin, 'admin-audit-log');
  });

  it('an admin hides a listing with a reason and shows it again', async () => {
    await adminNav('Listings');
    await admin.getByRole('heading', { level: 1, name: 'Listing moderation' }).waitFor();
    await admin.getByRole('searchbox', { name: 'Name or SKU' }).fill('kiln planter');
    await admin.getByRole('button', { name: 'Search', exact: true }).click();
    await admin.getByRole('button', { name: `Hide ${PRODUCT}` }).click();
    const hideDialog = admin.getByRole('dialog', { name: `Hide ${PRODUCT}` });
    await hideDialog.getByLabel('Reason').fill('Photos show a different product');
    await hideDialog.getByRole('button', { name: 'Hide listing' }).click();
    await admin.getByText(`${PRODUCT} is hidden.`).waitFor();
    // It has left search, and the hidden list (from the audit log) names its seller and the reason.
    await expect.poll(() => admin.getByRole('button', { name: `Hide ${PRODUCT}` }).count()).toBe(0);
    const hidden = admin.getByRole('region', { name: 'Hidden listings' });
    const row = hidden.getByRole('row').filter({ hasText: 'Photos show a different product' });
    await row.getByText(SELLER).waitFor();
    await capture(admin, 'admin-listings-hidden');

    await row.getByRole('button', { name: /^Show again: listing #/ }).click();
    const showDialog = admin.getByRole('dialog', { name: /^Show listing .* again$/ });
    await showDialog.getByLabel('Reason').fill('Seller replaced the photos');
    await showDialog.getByRole('button', { name: 'Show listing again' }).click();
    await hidden.getByText('No listing is hidden').waitFor();
    await admin.getByRole('button', { name: `Hide ${PRODUCT}` }).waitFor();
  });
});
