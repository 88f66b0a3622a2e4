/**
 * Messaging, reviews and notifications as retailers and manufacturers live them, on embedded and distributed modes:
 * a conversation with unread badges, privacy of threads, who may speak for a company, reviews after delivery with
 * one reply and correct averages, notifications in the app and by email as each person chose, and the live stream.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/domain-event.ts';
import { emailsTo } from './mail-outbox.ts';
import { expectProblem, type Company, type Member, type MessagingWorld } from './messaging-world.ts';
import { reviewAndNotificationScenario } from './review-notification-scenario.ts';
import { eventually, PASSWORD, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';

export function messagingScenario(mode: Mode) {
  describe(`messaging, reviews and notifications on ${mode}`, () => {
    let tp: TestPlatform;
    let maker: Company;
    let otherMaker: Company;
    let shop: Company;
    let otherShop: Company;
    let shopViewer: Member;
    let products: string[];
    let orders: string[];
    let threadId: string;

    const member = async (company: Company, role: string): Promise<Member> => {
      const email = `${role}-${Math.random().toString(36).slice(2)}@example.test`;
      await tp.platform.services.identity.addMember(
        company.companyId,
        { email, password: PASSWORD, role },
        systemActor,
      );
      return { email, token: await tp.login(email) };
    };
    const order = async (lines: Array<{ productId: string; quantity: number }>) => {
      const res = await tp.http('POST', '/api/v1/orders', { token: shop.token, body: { lines } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    // Fulfilment steps are another context's routes, still being built: set the status the way they will.
    const markDelivered = (orderId: string) =>
      sql`UPDATE orders SET status = 'delivered' WHERE id = ${orderId}`.execute(tp.platform.db);
    const unread = async (token: string) =>
      (await tp.http('GET', '/api/v1/messages/unread-count', { token })).body;
    const mailsTo = (email: string) => emailsTo(tp.platform.config.dataDir, email);

    beforeAll(async () => {
      tp = await startTestPlatform(mode);
      maker = await tp.company('manufacturer', 'Oakwood Crates');
      otherMaker = await tp.company('manufacturer', 'Rival Boxes');
      shop = await tp.company('retailer', 'Corner Shop');
      otherShop = await tp.company('retailer', 'Far Away Mart');
      shopViewer = await member(shop, 'viewer');
      products = [];
      for (const [sku, name] of [
        ['CRATE', 'Oak crate'],
        ['BOX', 'Pine box'],
      ]) {
        const res = await tp.http('POST', '/api/v1/products', {
          token: maker.token,
          body: { sku, name, priceMinor: 2_500, currency: 'USD', stock: 100 },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        products.push(res.body.id);
      }
      orders = [
        await order([
          { productId: products[0]!, quantity: 2 },
          { productId: products[1]!, quantity: 2 },
        ]),
        await order([{ productId: products[0]!, quantity: 1 }]),
      ];
    }, 120_000);
    afterAll(async () => tp?.close());
    const world = (): MessagingWorld => ({
      tp,
      maker,
      otherMaker,
      shop,
      otherShop,
      shopViewer,
      products,
      orders,
      threadId,
      markDelivered,
      mailsTo,
    });

    it('lets a retailer and a manufacturer talk, with unread counts that go up and down', async () => {
      const started = await tp.http('POST', '/api/v1/messages/threads', {
        token: shop.token,
        body: { orderId: orders[0], subject: 'Delivery window', body: 'Can you deliver before Friday?' },
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect(started.body).toMatchObject({
        orderId: orders[0],
        retailer: { id: shop.companyId, name: 'Corner Shop' },
        manufacturer: { id: maker.companyId, name: 'Oakwood Crates' },
        messageCount: 1,
        unread: 0,
      });
      threadId = started.body.id;
      expect(await unread(maker.token)).toEqual({ unread: 1, threads: 1 });

      const reply = await tp.http('POST', `/api/v1/messages/threads/${threadId}/messages`, {
        token: maker.token,
        body: { body: 'Yes, Thursday morning.' },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      expect(await unread(maker.token)).toEqual({ unread: 0, threads: 0 }); // replying reads the thread
      expect(await unread(shop.token)).toEqual({ unread: 1, threads: 1 });
      expect(await unread(shopViewer.token)).toEqual({ unread: 2, threads: 1 }); // a colleague's message counts

      const list = await tp.http('GET', '/api/v1/messages/threads', { token: shop.token });
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({
        id: threadId,
        messageCount: 2,
        unread: 1,
        lastMessage: { body: 'Yes, Thursday morning.', mine: false, senderCompanyId: maker.companyId },
      });
      const messages = await tp.http('GET', `/api/v1/messages/threads/${threadId}/messages`, {
        token: shop.token,
      });
      expect(messages.body.items.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([
        ['Can you deliver before Friday?', true],
        ['Yes, Thursday morning.', false],
      ]);

      const read = await tp.http('POST', `/api/v1/messages/threads/${threadId}/read`, {
        token: shop.token,
        body: {},
      });
      expect(read.body.unread).toBe(0);
      expect(await unread(shop.token)).toEqual({ unread: 0, threads: 0 });
      expect(await unread(shopViewer.token)).toEqual({ unread: 2, threads: 1 }); // markers are per person

      // A newer thread comes first.
      const second = await tp.http('POST', '/api/v1/messages/threads', {
        token: maker.token,
        body: {
          counterpartCompanyId: shop.companyId,
          subject: 'New catalogue',
          body: 'Our spring range is out.',
        },
      });
      expect(second.status, JSON.stringify(second.body)).toBe(201);
      const again = await tp.http('GET', '/api/v1/messages/threads?limit=1', { token: shop.token });
      expect(again.body.items.map((t: { id: string }) => t.id)).toEqual([second.body.id]);
      // The ways into a conversation: the general one with a company, or the one about an order.
      const ids = async (query: string) =>
        (await tp.http('GET', `/api/v1/messages/threads?${query}`, { token: shop.token })).body.items.map(
          (t: { id: string }) => t.id,
        );
      expect(await ids(`counterpartCompanyId=${maker.companyId}&aboutOrder=false`)).toEqual([second.body.id]);
      expect(await ids(`counterpartCompanyId=${maker.companyId}&aboutOrder=true`)).toEqual([threadId]);
      expect(await ids(`counterpartCompanyId=${shop.companyId}`)).toEqual([second.body.id, threadId]);
      expect(await ids(`counterpartCompanyId=${orders[0]}`)).toEqual([]);
      expect(await unread(shop.token)).toEqual({ unread: 1, threads: 1 });

      // The inbox row's snippet is the newest message, cut short.
      const long = 'x'.repeat(400);
      await tp.http('POST', `/api/v1/messages/threads/${second.body.id}/messages`, {
        token: shop.token,
        body: { body: long },
      });
      const [newest] = (await tp.http('GET', '/api/v1/messages/threads?limit=1', { token: shop.token })).body
        .items;
      expect(newest.lastMessage).toMatchObject({ body: long.slice(0, 160), mine: true });
      await tp.http('POST', `/api/v1/messages/threads/${second.body.id}/read`, {
        token: maker.token,
        body: {},
      });
    });

    it('records message.sent with ids only, for both companies', async () => {
      const events = await tp.platform.db
        .selectFrom('outbox')
        .selectAll()
        .where('type', '=', 'message.sent')
        .execute();
      expect(events.length).toBeGreaterThanOrEqual(3);
      const first = events.find((e) => (e.payload as { threadId: string }).threadId === threadId)!;
      expect([...(first.company_ids as string[])].sort()).toEqual([shop.companyId, maker.companyId].sort());
      expect(JSON.stringify(events.map((e) => e.payload))).not.toMatch(/Friday|Thursday|spring/);
      await eventually(
        async () => {
          const result = await tp.platform.warehouse.query({
            query: "SELECT count() AS n FROM wholesail.events_raw FINAL WHERE type = 'message.sent'",
            format: 'JSONEachRow',
          });
          return Number((await result.json<{ n: string }>())[0]?.n ?? 0);
        },
        (n) => n === events.length,
      );
    });

    it('keeps a thread to its two companies: anyone else gets a 404', async () => {
      for (const token of [otherShop.token, otherMaker.token]) {
        expectProblem(
          await tp.http('GET', `/api/v1/messages/threads/${threadId}`, { token }),
          404,
          'message_thread_not_found',
        );
        expectProblem(
          await tp.http('POST', `/api/v1/messages/threads/${threadId}/messages`, {
            token,
            body: { body: 'Hi' },
          }),
          404,
          'message_thread_not_found',
        );
        expect((await tp.http('GET', '/api/v1/messages/threads', { token })).body.items).toEqual([]);
      }
    });

    it("refuses a thread about an order to anyone who is not that order's buyer or seller", async () => {
      const outsider = await tp.http('POST', '/api/v1/messages/threads', {
        token: otherShop.token,
        body: { orderId: orders[0], subject: 'Hello', body: 'Is this yours?' },
      });
      expectProblem(outsider, 422, 'unknown_order', 'orderId');
      const wrongParty = await tp.http('POST', '/api/v1/messages/threads', {
        token: shop.token,
        body: {
          orderId: orders[0],
          counterpartCompanyId: otherMaker.companyId,
          subject: 'Hello',
          body: 'Hi',
        },
      });
      expectProblem(wrongParty, 422, 'not_order_party', 'counterpartCompanyId');
      const sameKind = await tp.http('POST', '/api/v1/messages/threads', {
        token: shop.token,
        body: { counterpartCompanyId: otherShop.companyId, subject: 'Hello', body: 'Hi' },
      });
      expectProblem(sameKind, 422, 'unknown_counterpart', 'counterpartCompanyId');
    });

    it('lets a viewer read but not speak for the company', async () => {
      expect(
        (await tp.http('GET', `/api/v1/messages/threads/${threadId}/messages`, { token: shopViewer.token }))
          .status,
      ).toBe(200);
      expectProblem(
        await tp.http('POST', `/api/v1/messages/threads/${threadId}/messages`, {
          token: shopViewer.token,
          body: { body: 'Hi' },
        }),
        403,
        'forbidden',
      );
      const catalogManager = await member(maker, 'catalog_manager');
      expectProblem(
        await tp.http('POST', '/api/v1/messages/threads', {
          token: catalogManager.token,
          body: { counterpartCompanyId: shop.companyId, subject: 'Hello', body: 'Hi' },
        }),
        403,
        'forbidden',
      );
    });

    it('answers bad input with a problem naming the field', async () => {
      const post = (route: string, body: unknown, token = shop.token) =>
        tp.http('POST', route, { token, body });
      expectProblem(
        await post('/api/v1/messages/threads', { subject: 'x', body: 'y' }),
        400,
        'invalid_request',
        'counterpartCompanyId',
      );
      expectProblem(
        await post('/api/v1/messages/threads', {
          counterpartCompanyId: maker.companyId,
          subject: ' ',
          body: 'y',
        }),
        400,
        'invalid_request',
        'subject',
      );
      expectProblem(
        await post(`/api/v1/messages/threads/${threadId}/messages`, { body: 'x'.repeat(5001) }),
        400,
        'invalid_request',
        'body',
      );
      expectProblem(
        await post('/api/v1/messages/threads/not-a-uuid/messages', { body: 'x' }),
        400,
        'invalid_request',
        'threadId',
      );
      expectProblem(
        await post(`/api/v1/messages/threads/${threadId}/read`, { upToMessageId: orders[0] }),
        422,
        'unknown_message',
        'upToMessageId',
      );
      expectProblem(
        await tp.http('GET', '/api/v1/messages/threads?unreadOnly=maybe', { token: shop.token }),
        400,
        'invalid_request',
        'unreadOnly',
      );
      expectProblem(
        await tp.http('GET', '/api/v1/messages/threads?counterpartCompanyId=acme', { token: shop.token }),
        400,
        'invalid_request',
        'counterpartCompanyId',
      );
      expectProblem(
        await post(`/api/v1/orders/${orders[1]}/review`, { rating: 6 }),
        400,
        'invalid_request',
        'rating',
      );
      const prefs = await tp.http('PUT', '/api/v1/notifications/preferences', {
        token: shop.token,
        body: { items: [{ kind: 'nonsense', inApp: true, email: true }] },
      });
      expectProblem(prefs, 400, 'invalid_request', 'items.0.kind');
    });

    reviewAndNotificationScenario(world);
  });
}
