/**
 * Messages between a buyer and a manufacturer, end to end in Chromium with two people at once: a demo buyer
 * starts a conversation from a manufacturer's page; the manufacturer's seller, signed in elsewhere, sees the
 * unread badge, opens the conversation (which clears it) and replies; the reply appears on the buyer's open page
 * without a reload. A member of a third company who has the thread's address is told it is not theirs, and the
 * API answers 404. The seller writes to a buyer from an order's page, the conversation names the order, and the
 * same button later opens it again rather than starting another. The inbox and the conversation pass an axe-core
 * scan at desktop and phone width (one pane at a time on a phone) and leave screenshots in
 * test-output/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, buyerEmail, sellerEmail } from '../../scripts/seed/demo-data.ts';
import { PASSWORD, type TestPlatform } from '../support/test-platform.ts';
import {
  launchBrowser,
  screenshot,
  signIn,
  skipBrowserTests,
  startDemoPlatform,
  DESKTOP,
  checkAtDesktopAndPhone,
} from './support/browser.ts';

const SUBJECT = 'Spring order: glaze colours';
const QUESTION = 'Hello! Can the stoneware mug come in a sage glaze for our spring order?';
const REPLY_LINES = ['Yes, sage is available from March.', 'Minimum 48 units per colour.'];
const THREAD_PATH = /\/messages\/[0-9a-f-]{36}$/;

describe.skipIf(skipBrowserTests)('messages between a buyer and a manufacturer', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let buyer: Page;
  let seller: Page;
  let outsider: Page;
  let alpineId = '';
  let threadPath = '';

  const newPage = async () =>
    (await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' })).newPage();

  /** The "Messages" entry of the main navigation, with its badge. */
  const messagesLink = (page: Page) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ });

  /** Waits until the badge shows `count` unread messages (none at all for 0), and checks what it says aloud. */
  const badgeShows = async (page: Page, count: number) => {
    const badge = messagesLink(page).locator('.ws-count');
    if (count === 0) return badge.waitFor({ state: 'detached' });
    await badge.filter({ hasText: new RegExp(`^${count}$`) }).waitFor();
    expect(await badge.getAttribute('aria-label')).toBe(`${count} unread message${count === 1 ? '' : 's'}`);
  };

  const capture = checkAtDesktopAndPhone;

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    const directory = await tp.http('GET', '/api/v1/manufacturers?q=Alpine');
    alpineId = (directory.body.items as Array<{ id: string; name: string }>).find(
      (m) => m.name === 'Alpine Ceramics',
    )!.id;
    buyer = await newPage();
    seller = await newPage();
    outsider = await newPage();
  }, 300_000);
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const name = context.task.name.slice(0, 40).replace(/\W+/g, '-');
    for (const [who, page] of [
      ['buyer', buyer],
      ['seller', seller],
      ['outsider', outsider],
    ] as const)
      if (page) await screenshot(page, `messages-failed-${name}-${who}`);
  });
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('a buyer starts a conversation from the manufacturer’s page and sends the first message', async () => {
    await signIn(buyer, tp.url, buyerEmail('cornerstore'), '/spending');
    await buyer.goto(`${tp.url}/catalog/manufacturers/${alpineId}`);
    await buyer.getByRole('heading', { level: 1, name: 'Alpine Ceramics' }).waitFor();
    await buyer.getByRole('button', { name: 'Message the manufacturer' }).click();

    await buyer.waitForURL(`${tp.url}/messages/new?to=${alpineId}`);
    await buyer.getByText('To Alpine Ceramics').waitFor();
    // Sending without a subject is stopped before it reaches the API, and nothing typed is lost.
    await buyer.getByLabel('Message', { exact: true }).fill(QUESTION);
    await buyer.getByRole('button', { name: 'Send' }).click();
    await buyer.getByText('Give the conversation a subject.').waitFor();
    expect(await buyer.getByLabel('Message', { exact: true }).inputValue()).toBe(QUESTION);

    await buyer.getByLabel('Subject').fill(SUBJECT);
    await buyer.getByLabel('Message', { exact: true }).press('Enter');
    await buyer.waitForURL(THREAD_PATH);
    threadPath = new URL(buyer.url()).pathname;

    await buyer.getByRole('heading', { level: 2, name: SUBJECT }).waitFor();
    const first = buyer.getByTestId('message').filter({ hasText: QUESTION });
    await first.waitFor();
    expect(await first.getAttribute('class')).toContain('bubble--ours');
    expect(await first.locator('.bubble__sender').textContent()).toBe('You');
    // The new conversation is in the list, with Alpine's name and no unread mark for its writer.
    const row = buyer.getByTestId('thread-row').filter({ hasText: SUBJECT });
    await row.filter({ hasText: 'Alpine Ceramics' }).waitFor();
    expect(await row.getAttribute('aria-current')).toBe('page');
    expect(await row.locator('.thread-row__unread').count()).toBe(0);
  });

  it('the manufacturer sees the unread badge, opens the conversation, and the reply reaches the buyer live', async () => {
    // The demo's trade history has conversations of its own: the badge counts ours on top of them.
    const sellerToken = await tp.login(sellerEmail('alpine'), DEMO_PASSWORD);
    const unreadFor = async (token: string) =>
      (await tp.http('GET', '/api/v1/messages/unread-count', { token })).body.unread as number;
    const unreadBefore = await unreadFor(sellerToken);
    expect(unreadBefore).toBeGreaterThanOrEqual(1);
    await signIn(seller, tp.url, sellerEmail('alpine'), '/seller');
    await badgeShows(seller, unreadBefore);

    await messagesLink(seller).click();
    await seller.waitForURL(`${tp.url}/messages`);
    const row = seller.getByTestId('thread-row').filter({ hasText: SUBJECT });
    await row.filter({ hasText: 'Corner Store Brooklyn' }).filter({ hasText: '1 unread' }).waitFor();
    await row.filter({ hasText: QUESTION.slice(0, 30) }).waitFor();
    await row.click();
    await seller.waitForURL(`${tp.url}${threadPath}`);
    const question = seller.getByTestId('message').filter({ hasText: QUESTION });
    await question.waitFor();
    expect(await question.locator('.bubble__sender').textContent()).toBe('Corner Store Brooklyn');
    // Opening the conversation marked it read: the badge and the row's mark go without a reload.
    await badgeShows(seller, unreadBefore - 1);
    expect(await unreadFor(sellerToken)).toBe(unreadBefore - 1);
    await row.locator('.thread-row__unread').waitFor({ state: 'detached' });

    // The buyer's page stays open; a marker on its window proves it is never reloaded.
    await buyer.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // Shift+Enter starts a new line; Enter sends.
    const box = seller.getByLabel('Your message');
    await box.fill(REPLY_LINES[0]!);
    await box.press('Shift+Enter');
    await box.pressSequentially(REPLY_LINES[1]!);
    expect(await box.inputValue()).toBe(REPLY_LINES.join('\n'));
    await box.press('Enter');
    const reply = seller.getByTestId('message').filter({ hasText: REPLY_LINES[1]! });
    await reply.waitFor();
    expect(await reply.locator('.bubble__body').textContent()).toBe(REPLY_LINES.join('\n'));
    expect(await box.inputValue()).toBe('');

    const arrived = buyer.getByTestId('message').filter({ hasText: REPLY_LINES[1]! });
    await arrived.waitFor({ timeout: 15_000 });
    expect(await arrived.locator('.bubble__sender').textContent()).toBe('Alpine Ceramics');
    expect(await arrived.getAttribute('class')).not.toContain('bubble--ours');
    expect(await buyer.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
    // The buyer was looking at the conversation, so the reply is marked read at once: nothing unread remains.
    const thread = await tp.http('GET', `/api/v1/messages/threads/${threadPath.split('/').pop()}`, {
      token: await tp.login(buyerEmail('cornerstore'), DEMO_PASSWORD),
    });
    expect(thread.body.unread).toBe(0);
    // And it stays scrolled to the newest message.
    const atBottom = await buyer.evaluate(() => {
      const log = document.querySelector('[role="log"]')!;
      return log.scrollHeight - log.scrollTop - log.clientHeight < 2;
    });
    expect(atBottom).toBe(true);
  });

  it('a member of a third company cannot open the conversation, and the API answers 404', async () => {
    // A new retailer, so its inbox is empty whatever the demo's trade history holds.
    const third = await tp.company('retailer', 'Third Street Outfitters');
    await outsider.goto(`${tp.url}/login`);
    await outsider.getByLabel('Email').fill(third.email);
    await outsider.getByLabel('Password').fill(PASSWORD);
    await outsider.getByRole('button', { name: 'Sign in' }).click();
    await outsider.waitForURL(`${tp.url}/spending`);
    // One navigation is all the test needs (a page left mid-refresh re-presents a spent token; the API's 10 s
    // reuse grace now keeps that session alive, which tests/refresh-grace-*.test.ts covers).
    await outsider.goto(`${tp.url}${threadPath}`);
    const missing = outsider.getByTestId('conversation-missing');
    // Generous: on a loaded CI machine the page's chunks and two API calls can take a while; the state must come.
    await missing.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      throw new Error(`no not-found state; the page shows: ${await outsider.locator('main').innerText()}`, {
        cause: error,
      });
    });
    expect(await missing.textContent()).toContain('does not exist, or it is not yours to see');
    expect(await outsider.getByText(QUESTION).count()).toBe(0);
    // Its own inbox is empty and says where conversations start.
    await messagesLink(outsider).click();
    await outsider.getByText('No conversations yet').waitFor();

    const threadId = threadPath.split('/').pop()!;
    const token = third.token;
    for (const route of [
      `/api/v1/messages/threads/${threadId}`,
      `/api/v1/messages/threads/${threadId}/messages`,
    ])
      expect((await tp.http('GET', route, { token })).status, route).toBe(404);
    const write = await tp.http('POST', `/api/v1/messages/threads/${threadId}/messages`, {
      token,
      body: { body: 'Let me in' },
    });
    expect(write.status).toBe(404);
  }, 120_000);

  it('the seller writes to the buyer about an order from the order’s page, and comes back to it from there', async () => {
    const token = await tp.login(sellerEmail('alpine'), DEMO_PASSWORD);
    const orders = (await tp.http('GET', '/api/v1/orders?limit=20', { token })).body.items as Array<{
      id: string;
    }>;
    // An order nobody has written about yet (the demo's history starts a few such conversations).
    let orderId = '';
    for (const order of orders) {
      const threads = await tp.http('GET', `/api/v1/messages/threads?orderId=${order.id}`, { token });
      if (threads.body.items.length === 0) {
        orderId = order.id;
        break;
      }
    }
    expect(orderId).not.toBe('');
    const shortId = `#${orderId.slice(-8).toUpperCase()}`;

    await seller.goto(`${tp.url}/orders/${orderId}`);
    await seller.getByRole('button', { name: 'Message the buyer' }).click();
    await seller.waitForURL(`${tp.url}/messages/new?order=${orderId}`);
    expect(await seller.getByLabel('Subject').inputValue()).toBe(`Order ${shortId}`);
    await seller.getByLabel('Message', { exact: true }).fill('Your order leaves our warehouse on Monday.');
    await seller.getByRole('button', { name: 'Send' }).click();
    await seller.waitForURL(THREAD_PATH);
    const threadUrl = seller.url();
    await seller.getByRole('link', { name: `View order ${shortId}` }).waitFor();

    // The order's button now opens this conversation rather than starting a second one.
    await seller.goto(`${tp.url}/orders/${orderId}`);
    await seller.getByRole('button', { name: 'Message the buyer' }).click();
    await seller.waitForURL(threadUrl);
    const threads = await tp.http('GET', `/api/v1/messages/threads?orderId=${orderId}`, { token });
    expect(threads.body.items).toHaveLength(1);
  });

  it('the inbox and the conversation pass axe at desktop and phone width, one pane at a time on a phone', async () => {
    await capture(outsider, 'messages-inbox-empty');
    await seller.goto(`${tp.url}/messages`);
    await seller.getByTestId('thread-row').first().waitFor();
    await seller.getByText('Choose a conversation').waitFor();
    await capture(seller, 'messages-inbox');

    await seller.goto(`${tp.url}${threadPath}`);
    await seller.getByTestId('message').filter({ hasText: REPLY_LINES[1]! }).waitFor();
    await capture(seller, 'messages-thread', async () => {
      // On a phone the open conversation replaces the list, with a way back to it.
      expect(await seller.getByTestId('thread-row').first().isVisible()).toBe(false);
      expect(await seller.getByRole('link', { name: 'All conversations' }).isVisible()).toBe(true);
    });
  });
});
