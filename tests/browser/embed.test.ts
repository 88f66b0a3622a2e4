/**
 * A partner's web page on another origin embeds a Wholesail dashboard the way the README says: its server asks
 * for an embed token, its page holds the iframe and listens for resize messages. The frame shows the issuing
 * manufacturer's figures and never another's; a token that is expired, altered, for another dashboard or for
 * another site shows an error page instead of a blank frame.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedTokens } from '../../api/auth/embed-tokens.ts';
import { periodWindows } from '../../dashboards/format.ts';
import { resolveAuthSecret } from '../../platform/secrets.ts';
import { DEMO_PASSWORD, sellerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import {
  launchBrowser,
  screenshot,
  seriousAxeViolations,
  skipBrowserTests,
  startDemoPlatform,
  waitForDashboard,
} from './support/browser.ts';

/** The partner's page: a heading, the iframe, and the resize listener from the README. */
function partnerPage(wholesailOrigin: string, src: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Partner portal</title></head>
  <body style="font-family: sans-serif; margin: 24px; background: #fafafa">
    <h1>Partner portal: our supplier's sales</h1>
    <iframe id="wholesail-dashboard" title="Sales dashboard" src="${src.replace(/"/g, '&quot;')}"
      style="width: 100%; border: 0; height: 150px"></iframe>
    <script>
      window.resizes = [];
      window.embedErrors = [];
      window.addEventListener('message', (event) => {
        if (event.origin !== ${JSON.stringify(wholesailOrigin)}) return;
        if (event.data.type === 'wholesail:resize') {
          window.resizes.push(event.data.height);
          document.getElementById('wholesail-dashboard').style.height = event.data.height + 'px';
        }
        if (event.data.type === 'wholesail:error') window.embedErrors.push(event.data.code);
      });
    </script>
  </body>
</html>`;
}

describe.skipIf(skipBrowserTests)('a dashboard embedded in another site', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let partner: Server;
  let partnerOrigin: string;
  const contexts: BrowserContext[] = [];
  const tokens: Record<string, string> = {};

  /** What the partner's server does: ask Wholesail for a token and iframe URL, with its access token. */
  const requestEmbed = async (who: string, body: object) => {
    const res = await tp.http('POST', '/api/v1/embed-tokens', { token: tokens[who], body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { token: string; url: string };
  };
  /** The iframe src on this test's server (the API's public URL has no port in tests). */
  const onTestServer = (url: string) => {
    const u = new URL(url);
    return `${tp.url}${u.pathname}${u.search}${u.hash}`;
  };

  /** Opens the partner page around `src`; returns it and the embedded frame. */
  const openPartnerPage = async (src: string): Promise<{ page: Page; frame: Frame }> => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${partnerOrigin}/?src=${encodeURIComponent(src)}`);
    const frame = await (await page.locator('#wholesail-dashboard').elementHandle())!.contentFrame();
    return { page, frame: frame! };
  };
  const waitForCharts = async (frame: Frame) => {
    await frame.waitForFunction(
      () =>
        document.querySelector('main.embed') !== null &&
        document.querySelectorAll('.ws-skeleton').length === 0 &&
        [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')),
      undefined,
      { timeout: 30_000 },
    );
    await frame.waitForTimeout(800); // ECharts' entry animation, so the screenshot shows the final picture
  };
  const kpi = async (frame: Frame, testId: string) => {
    await frame.waitForFunction(
      (id) => document.querySelector(`[data-testid="${id}"]`)?.hasAttribute('data-value'),
      testId,
      { timeout: 30_000 },
    );
    return Number(await frame.getByTestId(testId).getAttribute('data-value'));
  };
  const last30DaysSales = async (who: string) => {
    const query = {
      measures: ['orders.gmv'],
      timeDimensions: [{ dimension: 'orders.placed_at', dateRange: periodWindows(30).current }],
    };
    const res = await tp.http('POST', '/cubejs-api/v1/load', { token: tokens[who], body: { query } });
    return Number(res.body.data[0]?.['orders.gmv'] ?? 0);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    tokens.alpine = await tp.login(sellerEmail('alpine'), DEMO_PASSWORD);
    tokens.pacific = await tp.login(sellerEmail('pacific'), DEMO_PASSWORD);
    tokens.exec = await tp.login('exec@wholesail.demo', DEMO_PASSWORD);
    // Another origin: the same loopback address on another port.
    partner = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://partner').searchParams.get('src') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(partnerPage(tp.url, src));
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
    expect(partnerOrigin).not.toBe(tp.url);
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await new Promise((resolve) => partner?.close(resolve));
    await tp?.close();
  });

  it("shows seller A's dashboard with A's numbers and never B's, and sizes the iframe to it", async () => {
    const embed = await requestEmbed('alpine', {
      dashboard: 'seller-overview',
      allowedOrigins: [partnerOrigin],
    });
    const { page, frame } = await openPartnerPage(onTestServer(embed.url));
    await waitForCharts(frame);

    const shown = await kpi(frame, 'kpi-sales');
    const alpine = await last30DaysSales('alpine');
    const pacific = await last30DaysSales('pacific');
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBe(alpine);
    expect(pacific).not.toBe(alpine);
    const products = await frame
      .getByRole('table', { name: 'Top products by revenue' })
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(products).toContain('Stoneware mug 350ml');
    for (const theirs of ['Granola 500g', 'Hot honey 250ml', 'Merino throw'])
      expect(products).not.toContain(theirs);
    // Every chart drew: none was refused a cube the embed catalogue forgot.
    expect(await frame.getByText('These figures could not be loaded').count()).toBe(0);
    // No app shell: no navigation, no sign-out.
    expect(await frame.getByRole('navigation').count()).toBe(0);

    // The frame told its parent how tall it is, and the parent's listener sized the iframe to it.
    const content = await frame.evaluate(() =>
      Math.ceil(document.querySelector('main')!.getBoundingClientRect().height),
    );
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { resizes: number[] }).resizes.at(-1)))
      .toBe(content);
    expect(content).toBeGreaterThan(1000);
    const iframeHeight = await page
      .locator('#wholesail-dashboard')
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(iframeHeight).toBe(content);
    await screenshot(page, 'embed-seller-partner-page');
  });

  it('restyles the frame from theme query parameters and from a message of the parent', async () => {
    const embed = await requestEmbed('alpine', {
      dashboard: 'seller-overview/top-products',
      theme: { 'color-accent': '#c23b6f' },
    });
    const { page, frame } = await openPartnerPage(onTestServer(embed.url));
    await frame.getByRole('table', { name: 'Top products by revenue' }).locator('tbody tr').first().waitFor();
    const token = (name: string) =>
      frame.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
    expect(await token('--color-accent')).toBe('#c23b6f');
    await page.evaluate(() =>
      (document.getElementById('wholesail-dashboard') as HTMLIFrameElement).contentWindow!.postMessage(
        { type: 'wholesail:theme', theme: { 'color-bg': '#fff4e5', 'sidebar-width': '0px' } },
        '*',
      ),
    );
    await expect.poll(() => token('--color-bg')).toBe('#fff4e5');
    expect(await token('--sidebar-width')).toBe('232px'); // not a theme variable: ignored
    // One chart only: its card, not the rest of the dashboard.
    expect(await frame.getByRole('heading', { name: 'Top products', level: 2 }).count()).toBe(1);
    expect(await frame.getByRole('heading', { name: 'Sales trend' }).count()).toBe(0);
  });

  it('shows staff the executive dashboard with every chart drawn', async () => {
    const embed = await requestEmbed('exec', { dashboard: 'executive' });
    const { page, frame } = await openPartnerPage(onTestServer(embed.url));
    await waitForCharts(frame);
    await frame.getByRole('heading', { name: 'Executive dashboard', level: 1 }).waitFor();
    const platformGmv = await tp.http('POST', '/cubejs-api/v1/load', {
      token: tokens.exec,
      body: { query: { measures: ['orders.gmv'] } },
    });
    expect(await kpi(frame, 'kpi-gmv')).toBe(Number(platformGmv.body.data[0]['orders.gmv']));
    expect(await frame.getByText('These figures could not be loaded').count()).toBe(0);
    await screenshot(page, 'embed-executive-partner-page');
  });

  it('passes an axe-core scan, dashboard and error page alike', async () => {
    const embed = await requestEmbed('alpine', { dashboard: 'seller-overview' });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(onTestServer(embed.url));
    await waitForDashboard(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Only the fragment changes, as when a parent renews the link: the page must notice without a reload.
    await page.goto(`${tp.url}/embed/seller-overview#token=not-a-token`);
    await page.getByRole('alert').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  const expectErrorPage = async (src: string, heading: string, code: string, shot?: string) => {
    const { page, frame } = await openPartnerPage(src);
    await frame.getByRole('alert').getByRole('heading', { name: heading }).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { embedErrors: string[] }).embedErrors))
      .toContain(code);
    // No figures leak around the error.
    expect(await frame.locator('[data-testid^="kpi-"]').count()).toBe(0);
    if (shot) await screenshot(page, shot);
  };

  it('shows a clear error page for an expired token', async () => {
    const me = await tp.http('GET', '/api/v1/me', { token: tokens.alpine });
    const anHourAgo = createEmbedTokens(resolveAuthSecret(tp.platform.config), {
      now: () => new Date(Date.now() - 3_600_000),
    });
    const old = await anHourAgo.issue({
      issuerId: me.body.userId,
      dashboard: 'seller-overview',
      companyId: me.body.companyId,
      ttlSeconds: 600,
    });
    await expectErrorPage(
      `${tp.url}/embed/seller-overview#token=${old.token}`,
      'This dashboard link has expired',
      'expired',
      'embed-error-expired',
    );
  });

  it('shows a clear error page for an altered token and for a token of another dashboard', async () => {
    const embed = await requestEmbed('alpine', { dashboard: 'seller-overview' });
    const [header, payload, signature] = embed.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, cid: 'someone-else' })).toString('base64url');
    await expectErrorPage(
      `${tp.url}/embed/seller-overview#token=${header}.${forged}.${signature}`,
      'This dashboard link is not valid',
      'invalid_token',
    );
    const chart = await requestEmbed('alpine', { dashboard: 'seller-overview/top-products' });
    await expectErrorPage(
      `${tp.url}/embed/seller-overview#token=${chart.token}`,
      'This link is for another dashboard',
      'wrong_dashboard',
    );
  });

  it('refuses to show a dashboard on a site its token does not allow', async () => {
    const elsewhere = await requestEmbed('alpine', {
      dashboard: 'seller-overview',
      allowedOrigins: ['https://elsewhere.example'],
    });
    await expectErrorPage(
      onTestServer(elsewhere.url),
      'This dashboard cannot be shown on this site',
      'origin_not_allowed',
    );
    // With the token in the query, the server names the allowed sites in frame-ancestors and the browser enforces it.
    const inQuery = `${tp.url}/embed/seller-overview?token=${elsewhere.token}`;
    const policy = (await fetch(inQuery)).headers.get('content-security-policy');
    expect(policy).toMatch(/frame-ancestors https:\/\/elsewhere\.example$/);
    const { frame } = await openPartnerPage(inQuery);
    await frame.page().waitForTimeout(1_500);
    expect(await frame.locator('main.embed').count()).toBe(0);
    // The app itself still refuses to be framed; the embed page without a token in its query allows any site.
    expect(
      (await fetch(`${tp.url}/seller`, { headers: { accept: 'text/html' } })).headers.get(
        'content-security-policy',
      ),
    ).toContain("frame-ancestors 'self'");
    expect((await fetch(`${tp.url}/embed/seller-overview`)).headers.get('content-security-policy')).toContain(
      'frame-ancestors *',
    );
  });
});
