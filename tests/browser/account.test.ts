/**
 * The account page, end to end in Chromium: a demo retailer opens /account from the link beside "Sign out",
 * turns two-factor authentication on by reading the setup key the page shows and computing the code as an
 * authenticator app would (otplib, the library the API verifies with), keeps the recovery codes, signs out of
 * this device, signs in again and is asked for a fresh code, lands in the app, and turns two-factor off. Wrong
 * codes are refused in the API's words, next to the form. The retailer unticks one kind's email notifications,
 * saves, reloads: still unticked, and the API agrees. The page passes an axe-core scan at desktop and phone width
 * (screenshots in test-output/screenshots/).
 */
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, buyerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import {
  DESKTOP,
  checkAtDesktopAndPhone,
  launchBrowser,
  screenshot,
  signIn,
  skipBrowserTests,
  startDemoPlatform,
} from './support/browser.ts';

const RETAILER = buyerEmail('cornerstore');
const STEP_SECONDS = 30;

/**
 * A code the API has not seen yet. It accepts each 30-second step once (and the step before and after the
 * current one), so after a code of step `after` the next must come from a later step: the next step's code when
 * that is within reach, else wait for the clock to get there.
 */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  for (;;) {
    const now = Date.now() / 1000;
    const current = Math.floor(now / STEP_SECONDS);
    const step = Math.max(after + 1, current);
    if (step <= current + 1)
      return { code: await generate({ secret, epoch: Math.max(now, step * STEP_SECONDS) }), step };
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

describe.skipIf(skipBrowserTests)('the account page', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let page: Page;
  let secret = '';
  let lastStep = 0;

  const twoFactorCard = () => page.getByRole('region', { name: 'Two-factor authentication' });
  const statusIs = (text: 'On' | 'Off') => twoFactorCard().locator('.ws-badge', { hasText: text }).waitFor();

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    page = await (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();
  }, 300_000);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page)
      await screenshot(page, `account-failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('opens from the link beside "Sign out" and shows who is signed in', async () => {
    await signIn(page, tp.url, RETAILER, '/spending');
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.waitForURL(`${tp.url}/account`);
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const profile = page.getByRole('region', { name: 'Profile' });
    await profile.getByText(RETAILER).waitFor();
    const token = await tp.login(RETAILER, DEMO_PASSWORD);
    expect((await tp.http('GET', '/api/v1/me', { token })).body.role).toBe('owner');
    await profile.getByText('Owner', { exact: true }).waitFor();
    // The company's name comes from GET /api/v1/company, its kind from /me.
    const company = await tp.http('GET', '/api/v1/company', { token });
    await profile.getByText(`${company.body.name as string} · Retailer`).waitFor();
    await statusIs('Off');
    await page.getByRole('table', { name: 'Notification settings' }).waitFor();
    await checkAtDesktopAndPhone(page, 'account');
  });

  it('turns two-factor on with the setup key shown and a code from the app; wrong codes are refused in place', async () => {
    await twoFactorCard().getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('img', { name: 'QR code to add Wholesail to your authenticator app' }).waitFor();
    secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // The QR code is the same otpauth:// address: drawn as an SVG data URL in the browser.
    const qr = await page.getByRole('img', { name: /QR code/ }).getAttribute('src');
    expect(qr).toMatch(/^data:image\/svg\+xml/);
    await checkAtDesktopAndPhone(page, 'account-two-factor-setup');

    const code = page.getByLabel('Code from the app');
    const confirm = page.getByRole('button', { name: 'Turn on two-factor authentication' });
    // Not six digits: stopped before the API, said next to the field.
    await code.fill('12345');
    await confirm.click();
    await page.getByText('Enter the six digits your app shows.').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');

    // Six digits the app would not show now: the API's refusal, announced.
    const { code: right, step } = await freshCode(secret, 0);
    await code.fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'));
    await confirm.click();
    await twoFactorCard().getByRole('alert').filter({ hasText: 'That code is not correct' }).waitFor();
    await statusIs('Off');

    await code.fill(right);
    await confirm.click();
    lastStep = step;
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const recovery = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(recovery).toHaveLength(10);
    for (const c of recovery) expect(c).toMatch(/^[0-9a-f]{5}-[0-9a-f]{5}$/);
    await statusIs('On');
    await twoFactorCard()
      .getByRole('alert')
      .filter({ hasText: 'Two-factor authentication is on.' })
      .waitFor();
    await screenshot(page, 'account-recovery-codes');

    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByTestId('recovery-codes').waitFor({ state: 'detached' });
    // The API now asks for a second step at sign-in.
    const login = await tp.http('POST', '/api/v1/auth/login', {
      body: { email: RETAILER, password: DEMO_PASSWORD },
    });
    expect(login.body).toMatchObject({ twoFactorRequired: true });
  });

  it('signs out of this device, then signing in asks for a fresh code and lands in the app', async () => {
    await page.getByRole('button', { name: 'Sign out of this device' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(RETAILER);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const fresh = await freshCode(secret, lastStep);
    await page.getByLabel('Authenticator or recovery code').fill(fresh.code);
    await page.getByRole('button', { name: 'Verify' }).click();
    lastStep = fresh.step;
    // Signed out from /account, so the sign-in page brings the retailer back there.
    await page.waitForURL(`${tp.url}/account`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await statusIs('On');
  });

  it('turns two-factor off with a current code, after a wrong one is refused', async () => {
    await twoFactorCard().getByRole('button', { name: 'Turn off' }).click();
    const code = page.getByLabel('Authenticator or recovery code');
    const confirm = page.getByRole('button', { name: 'Turn off two-factor authentication' });
    await code.fill('aaaaa-bbbbb');
    await confirm.click();
    await twoFactorCard().getByRole('alert').filter({ hasText: 'That code is not correct' }).waitFor();
    await statusIs('On');

    const fresh = await freshCode(secret, lastStep);
    await code.fill(fresh.code);
    await confirm.click();
    await twoFactorCard()
      .getByRole('alert')
      .filter({ hasText: 'Two-factor authentication is off.' })
      .waitFor();
    await statusIs('Off');
    const token = await tp.login(RETAILER, DEMO_PASSWORD);
    expect((await tp.http('GET', '/api/v1/me', { token })).body.twoFactor).toBe(false);
  }, 60_000);

  it('keeps an unticked email notification after saving and reloading, as the API does', async () => {
    const emailBox = page.getByRole('checkbox', { name: 'Order status changes: by email' });
    const inAppBox = page.getByRole('checkbox', { name: 'Order status changes: in the app' });
    expect(await emailBox.isChecked()).toBe(true);
    await emailBox.uncheck();
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your notification settings are saved.' }).waitFor();

    await page.reload();
    await page.getByRole('table', { name: 'Notification settings' }).waitFor();
    expect(await emailBox.isChecked()).toBe(false);
    expect(await inAppBox.isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'New messages: by email' }).isChecked()).toBe(true);

    const token = await tp.login(RETAILER, DEMO_PASSWORD);
    const stored = await tp.http('GET', '/api/v1/notifications/preferences', { token });
    const items = stored.body.items as Array<{ kind: string; inApp: boolean; email: boolean }>;
    expect(items.find((p) => p.kind === 'order.updated')).toEqual({
      kind: 'order.updated',
      inApp: true,
      email: false,
    });
    // One row per kind the API lists, each named on the page: nothing invented, nothing missing.
    expect(await page.getByRole('table', { name: 'Notification settings' }).locator('tbody tr').count()).toBe(
      items.length,
    );
    for (const p of items.filter((i) => i.kind !== 'order.updated')) expect(p.email).toBe(true);
  });
});
