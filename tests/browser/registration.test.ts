/**
 * The public account pages, end to end in Chromium, through the links the platform really emails (read from its
 * mail outbox): a new retailer signs up (the API's field errors shown next to the field), confirms its address,
 * signs in, finds products of two manufacturers, pays by card and gets one order per manufacturer, which each
 * manufacturer then finds in its order inbox; the same retailer resets its password (the old one stops working);
 * and a person invited by the owner accepts, chooses a password and lands in the app with the invited role. Each
 * new page passes an axe-core scan at desktop and phone width and leaves screenshots in test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellerEmail } from '../../scripts/seed/demo-data.ts';
import { lastEmailTo } from '../support/mail-outbox.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import {
  checkAtDesktopAndPhone,
  DESKTOP,
  launchBrowser,
  signIn,
  skipBrowserTests,
  startDemoPlatform,
} from './support/browser.ts';

const COMPANY = 'Fern & Finch General Store';
const EMAIL = 'owner@fern-and-finch.test';
const PASSWORD = 'kettle-orchard-57-lamp';
const NEW_PASSWORD = 'harbour-violet-93-spoon';
const INVITEE = 'orders@fern-and-finch.test';

describe.skipIf(skipBrowserTests)('signing up, confirming, resetting a password and joining a team', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let page: Page;
  const orderUrls: Record<string, string> = {};

  const newPage = async () =>
    (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();

  /** Opens the link of the newest email to `to` on this test's server (the platform writes its public URL). */
  const openEmailedLink = async (target: Page, to: string, pathname: string) => {
    const link = lastEmailTo(tp.platform.config.dataDir, to).link;
    expect(link.pathname).toBe(pathname);
    await target.goto(`${tp.url}${link.pathname}${link.search}`);
    return link;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    page = await newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('a new retailer signs up, sees the API refuse a weak password next to the field, and confirms its email', async () => {
    await page.goto(`${tp.url}/login`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your company account' }).waitFor();

    // Empty: every field says what it needs, before anything is sent.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').filter({ hasText: 'fields need attention' }).waitFor();
    await checkAtDesktopAndPhone(page, 'auth-register-errors');

    await page.getByLabel('I buy for a shop').check();
    await page.getByLabel('Company name').fill(COMPANY);
    await page.getByLabel('Country').selectOption('US');
    await page.getByLabel('City').fill('Portland');
    await page.getByLabel('Email').fill(EMAIL);
    // Long enough for the form, refused by the API's policy: its words appear under the password field.
    await page.getByLabel('Password').fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').filter({ hasText: 'well-known password' }).waitFor();
    const passwordField = page.getByLabel('Password');
    expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await passwordField.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).innerText()).toBe(
      'is a well-known password; choose another',
    );

    await passwordField.fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await page.getByText(`We sent a link to ${EMAIL}.`).waitFor();
    await checkAtDesktopAndPhone(page, 'auth-check-email');

    // Until the address is confirmed the account may look around but not buy: no cart in the navigation.
    await page.getByRole('link', { name: 'Browse the catalog' }).click();
    await page.getByRole('heading', { name: /products$/ }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart/ }).count(),
    ).toBe(0);

    const link = await openEmailedLink(page, EMAIL, '/verify-email');
    // Opening the link confirms nothing by itself (mail scanners open links too): the person presses the button.
    await page.getByRole('heading', { level: 1, name: 'Confirm your email address' }).waitFor();
    await checkAtDesktopAndPhone(page, 'auth-verify-email');
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.getByText('Your email address is confirmed.').waitFor();
    await checkAtDesktopAndPhone(page, 'auth-verify-email-done');

    // The link is single use: opened again, it says so.
    const again = await newPage();
    await again.goto(`${tp.url}${link.pathname}${link.search}`);
    await again.getByRole('button', { name: 'Confirm my email address' }).click();
    await again.getByRole('alert').filter({ hasText: 'expired or was already used' }).waitFor();
    await again.context().close();

    await page.getByRole('link', { name: 'Continue to Wholesail' }).click();
    await page.waitForURL(`${tp.url}/spending`);
  });

  it('signs in, buys from two manufacturers by card, and gets one order per manufacturer', async () => {
    // Sign out and in again through the form, with the password chosen at sign-up.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${tp.url}/spending`);

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [search, product] of [
      ['camp mug', 'Enamel camp mug'],
      ['soy candle', 'Soy candle, cedar'],
    ] as const) {
      await nav.getByRole('link', { name: 'Catalog' }).click();
      await page.getByRole('searchbox', { name: 'Search products' }).fill(search);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('link', { name: product }).first().click();
      await page.getByRole('heading', { level: 1, name: product }).waitFor();
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText(new RegExp(`Added \\d+ × ${product} to your cart\\.`)).waitFor();
    }
    await nav.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
    expect(await page.getByTestId('cart-line').count()).toBe(2);
    await expect.poll(() => page.getByRole('button', { name: 'Go to checkout' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Go to checkout' }).click();

    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    // A new company has no net terms: card is the way to pay.
    await page.getByText('Net terms are not approved for your company: pay by card.').waitFor();
    await page.getByLabel('Company or recipient name').fill(COMPANY);
    await page.getByLabel('Address line 1').fill('12 Alder St');
    await page.getByLabel('City').fill('Portland');
    await page.getByLabel('State, region or province').fill('OR');
    await page.getByLabel('Postal code').fill('97204');
    await page.getByLabel('Country').fill('US');
    await page.getByRole('button', { name: 'Continue to payment' }).click();

    await page.getByRole('heading', { level: 1, name: 'Pay' }).waitFor();
    await page.getByLabel(/Visa ending 4242/).check();
    await page.getByRole('button', { name: /^Pay / }).click();

    await page.getByRole('heading', { level: 1, name: 'Order confirmed' }).waitFor();
    for (const maker of ['Harbor & Pine', 'Lumen Home Goods']) {
      const section = page
        .locator('section')
        .filter({ has: page.getByRole('heading', { name: `Order from ${maker}` }) });
      orderUrls[maker] = (await section.getByRole('link', { name: 'View order' }).getAttribute('href')) ?? '';
      expect(orderUrls[maker]).toMatch(/^\/orders\/[0-9a-f-]{36}$/);
    }
    expect(orderUrls['Harbor & Pine']).not.toBe(orderUrls['Lumen Home Goods']);
  });

  it('each manufacturer finds its own order from the new retailer in its inbox, and not the other one', async () => {
    for (const [slug, maker, other] of [
      ['harbor', 'Harbor & Pine', 'Lumen Home Goods'],
      ['lumen', 'Lumen Home Goods', 'Harbor & Pine'],
    ] as const) {
      const seller = await newPage();
      await signIn(seller, tp.url, sellerEmail(slug), '/seller');
      await seller.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
      const shortId = (url: string) => `#${url.slice(-8).toUpperCase()}`;
      const row = seller.getByRole('row').filter({ hasText: shortId(orderUrls[maker]!) });
      await row.getByText(COMPANY).waitFor();
      expect(await row.innerText()).toContain('Placed');
      expect(
        await seller
          .getByRole('row')
          .filter({ hasText: shortId(orderUrls[other]!) })
          .count(),
      ).toBe(0);
      await seller.context().close();
    }
  });

  it('resets a forgotten password through the emailed link: the old password stops working, the new one signs in', async () => {
    const visitor = await newPage();
    await visitor.goto(`${tp.url}/login`);
    await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await checkAtDesktopAndPhone(visitor, 'auth-reset-request');
    await visitor.getByLabel('Email').fill(EMAIL);
    await visitor.getByRole('button', { name: 'Send me a link' }).click();
    await visitor.getByText('If an account uses this address, we sent it a link.').waitFor();

    await openEmailedLink(visitor, EMAIL, '/reset-password');
    await visitor.getByLabel('New password').waitFor();
    await checkAtDesktopAndPhone(visitor, 'auth-reset-choose');
    await visitor.getByLabel('New password').fill(NEW_PASSWORD);
    await visitor.getByRole('button', { name: 'Save the new password' }).click();
    await visitor.getByText('Your password is changed. Sign in with the new one.').waitFor();

    const old = await tp.http('POST', '/api/v1/auth/login', { body: { email: EMAIL, password: PASSWORD } });
    expect(old.status).toBe(401);
    await visitor.getByRole('link', { name: 'Sign in' }).click();
    await visitor.getByLabel('Email').fill(EMAIL);
    await visitor.getByLabel('Password').fill(NEW_PASSWORD);
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await visitor.waitForURL(`${tp.url}/spending`);
    await visitor.context().close();
  });

  it('a person the owner invites accepts through the emailed link and lands in the app with the invited role', async () => {
    const token = await tp.login(EMAIL, NEW_PASSWORD);
    const me = await tp.http('GET', '/api/v1/me', { token });
    const invited = await tp.http('POST', `/api/v1/companies/${me.body.companyId}/invitations`, {
      token,
      body: { email: INVITEE, role: 'order_manager' },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);

    const invitee = await newPage();
    await openEmailedLink(invitee, INVITEE, '/accept-invitation');
    await invitee.getByRole('heading', { level: 1, name: 'Join your team on Wholesail' }).waitFor();
    await checkAtDesktopAndPhone(invitee, 'auth-accept-invitation');
    await invitee.getByLabel('Email').fill(INVITEE);
    await invitee.getByLabel('Password').fill('juniper-castle-48-rope');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await invitee.waitForURL(`${tp.url}/spending`);
    await invitee.getByText('Order manager').waitFor();
    // An order manager buys for the company: the cart is there.
    await invitee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart/ }).waitFor();

    const members = await tp.http('GET', `/api/v1/companies/${me.body.companyId}/members`, { token });
    expect(members.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: INVITEE, role: 'order_manager' })]),
    );
    await invitee.context().close();
  });
});
