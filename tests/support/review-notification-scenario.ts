/**
 * The second half of the messaging scenario (messaging-scenario.ts runs it inside its own describe, on the same
 * platform): reviews after delivery, and notifications in the app, by email and on the live stream.
 */
import { expect, it } from 'vitest';
import { expectProblem, type MessagingWorld } from './messaging-world.ts';
import { readEvents } from './sse-reader.ts';
import { eventually } from './test-platform.ts';

export function reviewAndNotificationScenario(world: () => MessagingWorld) {
  it('lets the buyer review a delivered order once, the manufacturer reply once, and averages add up', async () => {
    const { tp, maker, otherMaker, shop, otherShop, shopViewer, products, orders, markDelivered } = world();
    const review = (orderId: string, body: object, token = shop.token) =>
      tp.http('POST', `/api/v1/orders/${orderId}/review`, { token, body });
    expectProblem(await review(orders[0]!, { rating: 5 }), 422, 'order_not_delivered', 'orderId');
    await markDelivered(orders[0]!);
    await markDelivered(orders[1]!);
    expectProblem(await review(orders[0]!, { rating: 5 }, shopViewer.token), 403, 'forbidden');
    expectProblem(await review(orders[0]!, { rating: 5 }, maker.token), 403, 'forbidden');
    expectProblem(await review(orders[0]!, { rating: 5 }, otherShop.token), 404, 'order_not_found');
    expectProblem(
      await review(orders[1]!, { rating: 4, products: [{ productId: products[1], rating: 4 }] }),
      422,
      'invalid_product_review',
      'products.0.productId',
    );
    const first = await review(orders[0]!, {
      rating: 5,
      body: 'Great crates, on time.',
      products: [
        { productId: products[0], rating: 5, body: 'Sturdy' },
        { productId: products[1], rating: 3 },
      ],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expectProblem(await review(orders[0]!, { rating: 1 }), 409, 'already_reviewed');
    expect(
      (await review(orders[1]!, { rating: 4, products: [{ productId: products[0], rating: 3 }] })).status,
    ).toBe(201);

    const reply = (token: string) =>
      tp.http('POST', `/api/v1/reviews/${first.body.id}/reply`, { token, body: { body: 'Thank you!' } });
    expectProblem(await reply(shop.token), 403, 'forbidden');
    expectProblem(await reply(otherMaker.token), 404, 'review_not_found');
    expect((await reply(maker.token)).body.reply).toMatchObject({ body: 'Thank you!' });
    expectProblem(await reply(maker.token), 409, 'already_replied');

    const byMaker = await tp.http('GET', `/api/v1/manufacturers/${maker.companyId}/reviews`);
    expect(byMaker.body).toMatchObject({ averageRating: 4.5, reviewCount: 2 });
    expect(byMaker.body.items[1]).toMatchObject({ rating: 5, reply: { body: 'Thank you!' } });
    expect(JSON.stringify(byMaker.body)).not.toContain(shop.companyId);
    expect((await tp.http('GET', `/api/v1/products/${products[0]}/reviews`)).body).toMatchObject({
      averageRating: 4,
      reviewCount: 2,
    });
    expect((await tp.http('GET', `/api/v1/products/${products[1]}/reviews`)).body).toMatchObject({
      averageRating: 3,
      reviewCount: 1,
    });
    expect(
      (await tp.http('GET', `/api/v1/manufacturers/${otherMaker.companyId}/reviews`)).body,
    ).toMatchObject({
      averageRating: null,
      reviewCount: 0,
    });
    // The storefront's star breakdown agrees with the averages, and only shows what is public.
    const spread = async (path: string) => (await tp.http('GET', path)).body;
    expect(await spread(`/api/v1/manufacturers/${maker.companyId}/rating-distribution`)).toEqual({
      reviewCount: 2,
      averageRating: 4.5,
      stars: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: stars >= 4 ? 1 : 0 })),
    });
    expect(await spread(`/api/v1/products/${products[0]}/rating-distribution`)).toMatchObject({
      reviewCount: 2,
      averageRating: 4,
      stars: [
        { stars: 5, count: 1 },
        { stars: 4, count: 0 },
        { stars: 3, count: 1 },
        { stars: 2, count: 0 },
        { stars: 1, count: 0 },
      ],
    });
    expectProblem(
      await tp.http('GET', `/api/v1/manufacturers/${shop.companyId}/rating-distribution`),
      404,
      'manufacturer_not_found',
    );
    expectProblem(
      await tp.http('GET', '/api/v1/products/not-a-uuid/rating-distribution'),
      400,
      'invalid_request',
      'id',
    );
    // The manufacturer's notification opens the order the review is on.
    const makerNotes = await tp.http('GET', '/api/v1/notifications', { token: maker.token });
    expect(makerNotes.body.items).toContainEqual(
      expect.objectContaining({ kind: 'review.received', link: `/orders/${orders[0]}` }),
    );
    const posted = await tp.platform.db
      .selectFrom('outbox')
      .select('payload')
      .where('type', '=', 'review.posted')
      .execute();
    expect(posted.map((e) => (e.payload as { rating: number }).rating).sort()).toEqual([4, 5]);
    expect(JSON.stringify(posted)).not.toContain('Sturdy');
  });

  it('notifies the other side in the app, and by email only where the person wants it', async () => {
    const { tp, maker, shop, shopViewer, threadId, mailsTo } = world();
    const off = await tp.http('PUT', '/api/v1/notifications/preferences', {
      token: shopViewer.token,
      body: { items: [{ kind: 'message.received', inApp: true, email: false }] },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.items).toContainEqual({ kind: 'message.received', inApp: true, email: false });
    expect(off.body.items).toContainEqual({ kind: 'review.replied', inApp: true, email: true });
    // Each side is offered only the kinds that can reach it: a retailer is never told of orders it received.
    const kindsOf = async (token: string) =>
      (await tp.http('GET', '/api/v1/notifications/preferences', { token })).body.items.map(
        (p: { kind: string }) => p.kind,
      );
    const retailerKinds = await kindsOf(shopViewer.token);
    expect(retailerKinds).toEqual(
      expect.arrayContaining(['order.updated', 'message.received', 'review.replied']),
    );
    for (const sellerOnly of ['order.received', 'review.received', 'claim.opened', 'company.verification'])
      expect(retailerKinds).not.toContain(sellerOnly);
    const makerKinds = await kindsOf(maker.token);
    expect(makerKinds).toEqual(
      expect.arrayContaining(['order.received', 'review.received', 'company.verification']),
    );
    expect(makerKinds).not.toContain('review.replied');
    const [ownerBefore, viewerBefore] = [mailsTo(shop.email).length, mailsTo(shopViewer.email).length];

    const sent = await tp.http('POST', `/api/v1/messages/threads/${threadId}/messages`, {
      token: maker.token,
      body: { body: 'Driver will call ahead.' },
    });
    expect(sent.status).toBe(201);
    expect(mailsTo(shop.email)).toHaveLength(ownerBefore + 1);
    expect(mailsTo(shop.email).at(-1)!.text).toContain(`/messages/${threadId}`);
    expect(mailsTo(shopViewer.email)).toHaveLength(viewerBefore);

    const inbox = await tp.http('GET', '/api/v1/notifications?unreadOnly=true', {
      token: shopViewer.token,
    });
    const latest = inbox.body.items[0];
    expect(latest).toMatchObject({
      kind: 'message.received',
      body: 'Driver will call ahead.',
      readAt: null,
    });
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
    const marked = await tp.http('POST', `/api/v1/notifications/${latest.id}/read`, {
      token: shopViewer.token,
    });
    expect(marked.status).toBe(204);
    expectProblem(
      await tp.http('POST', `/api/v1/notifications/${latest.id}/read`, { token: shop.token }),
      404,
      'notification_not_found',
    );
    expect(
      (await tp.http('POST', '/api/v1/notifications/read-all', { token: shopViewer.token })).status,
    ).toBe(200);
    expect((await tp.http('GET', '/api/v1/notifications', { token: shopViewer.token })).body.unread).toBe(0);
    // The sending side hears nothing about its own message.
    const makerInbox = await tp.http('GET', '/api/v1/notifications', { token: maker.token });
    expect(makerInbox.body.items.map((n: { body: string }) => n.body)).not.toContain(
      'Driver will call ahead.',
    );
  });

  it('pushes a notification created after the stream opened, within a second', async () => {
    const { tp, maker, shop, threadId } = world();
    const ticket = await tp.http('POST', '/api/v1/notifications/stream-tickets', { token: shop.token });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const controller = new AbortController();
    const stream = await fetch(tp.url + ticket.body.streamUrl, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = readEvents(stream);
    let lastSeen: string | undefined;
    try {
      expect((await events.next(5_000)).event).toBe('ready');
      const sentAt = Date.now();
      await tp.http('POST', `/api/v1/messages/threads/${threadId}/messages`, {
        token: maker.token,
        body: { body: 'Live ping' },
      });
      const pushed = await events.next(5_000);
      expect(pushed.event).toBe('notification');
      expect(JSON.parse(pushed.data)).toMatchObject({ kind: 'message.received', body: 'Live ping' });
      expect(Date.now() - sentAt).toBeLessThan(2_000);
      lastSeen = pushed.id!;
    } finally {
      controller.abort();
    }
    // Closing the stream unsubscribes it: nothing keeps polling for a reader who left.
    await eventually(
      async () => tp.platform.services.notificationFeed.openStreams,
      (n) => n === 0,
    );

    // EventSource reconnects with Last-Event-ID: what arrived in between comes first.
    await tp.http('POST', `/api/v1/messages/threads/${threadId}/messages`, {
      token: maker.token,
      body: { body: 'While you were away' },
    });
    const again = new AbortController();
    const resumed = await fetch(tp.url + ticket.body.streamUrl, {
      signal: again.signal,
      headers: { 'last-event-id': lastSeen! },
    });
    try {
      const missed = await readEvents(resumed).next(5_000);
      expect(JSON.parse(missed.data)).toMatchObject({ body: 'While you were away' });
    } finally {
      again.abort();
    }
    expectProblem(
      await tp.http('GET', '/api/v1/notifications/stream?ticket=forged'),
      401,
      'invalid_stream_ticket',
      'ticket',
    );
    expectProblem(await tp.http('GET', '/api/v1/notifications/stream'), 400, 'invalid_request', 'ticket');
    expectProblem(await tp.http('POST', '/api/v1/notifications/stream-tickets'), 401, 'missing_token');
  });
}
