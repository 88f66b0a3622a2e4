/**
 * Orders after checkout, as the manufacturer and the retailer live them, on embedded and distributed modes:
 * the fulfilment steps and who may take them, the timeline both sides see, stock given back on cancellation,
 * automatic completion after delivery, one `order.status_changed` event per step, and the order CSV export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvent } from '../../ingest/events/catalog.ts';
import { autoCompleteOrders } from '../../jobs/auto-complete-orders.ts';
import { createFulfilmentService } from '../../marketplace/orders/fulfilment-service.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { eventually, PASSWORD, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';
import { expectProblem } from './expect-problem.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const DAY_MS = 86_400_000;
const ship = {
  carrier: 'UPS',
  trackingNumber: '1Z999AA10123456784',
  trackingUrl: 'https://ups.example/t/1Z9',
};

export function fulfilmentScenario(mode: Mode) {
  describe(`orders after checkout on ${mode}`, () => {
    let tp: TestPlatform;
    let seller: Company;
    let rival: Company;
    let buyer: Company;
    let otherBuyer: Company;
    let admin: Company;
    let variantId: string;
    let productId: string;
    let firstOrderId: string;

    const place = async (quantity: number, who: Company = buyer): Promise<string> => {
      const res = await tp.http('POST', '/api/v1/orders', {
        token: who.token,
        body: { lines: [{ variantId, quantity }] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    };
    const act = (who: Company, orderId: string, action: string, body?: object) =>
      tp.http('POST', `/api/v1/orders/${orderId}/${action}`, { token: who.token, body });
    const advance = async (orderId: string, steps: Array<[Company, string, object?]>) => {
      for (const [who, action, body] of steps) {
        const res = await act(who, orderId, action, body);
        expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      }
    };
    const statusEvents = (orderId: string) =>
      tp.platform.db
        .selectFrom('outbox')
        .selectAll()
        .where('type', '=', 'order.status_changed')
        .where('aggregate_id', '=', orderId)
        .orderBy('seq')
        .execute();
    const levels = async () =>
      (
        await tp.platform.db
          .selectFrom('inventory_levels')
          .select(['location_id', 'on_hand', 'reserved'])
          .where('variant_id', '=', variantId)
          .orderBy('location_id')
          .execute()
      ).map((l) => ({ ...l }));
    const product = () =>
      tp.platform.db
        .selectFrom('products')
        .select(['stock', 'units_sold'])
        .where('id', '=', productId)
        .executeTakeFirstOrThrow();

    beforeAll(async () => {
      tp = await startTestPlatform(mode);
      seller = await tp.company('manufacturer', 'Oakwood Crates');
      rival = await tp.company('manufacturer', 'Rival Boxes');
      buyer = await tp.company('retailer', 'Corner Shop');
      otherBuyer = await tp.company('retailer', '=HYPERLINK("x") Mart');
      admin = await tp.company('platform', 'Wholesail HQ', 'admin');
      const res = await tp.http('POST', '/api/v1/products', {
        token: seller.token,
        body: { sku: 'CRATE', name: 'Oak crate', priceMinor: 2_550, currency: 'USD', stock: 40 },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      productId = res.body.id;
      variantId = res.body.variants[0].id;
      const east = await tp.http('POST', '/api/v1/inventory/locations', {
        token: seller.token,
        body: { code: 'EAST', name: 'East coast', country: 'US', city: 'Newark' },
      });
      const receipt = await tp.http('POST', '/api/v1/inventory/movements', {
        token: seller.token,
        body: { variantId, locationId: east.body.id, kind: 'receipt', quantity: 30 },
      });
      expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    }, 120_000);
    afterAll(async () => tp?.close());

    it('travels placed → accepted → processing → shipped → delivered → completed, one event per step, and both sides see the same timeline', async () => {
      const id = await place(4);
      firstOrderId = id;
      expect(await statusEvents(id)).toHaveLength(0);
      const steps: Array<[Company, string, object?]> = [
        [seller, 'accept'],
        [seller, 'processing'],
        [seller, 'ship', ship],
      ];
      for (const [i, step] of steps.entries()) {
        await advance(id, [step]);
        expect(await statusEvents(id), `events after ${step[1]}`).toHaveLength(i + 1);
      }
      // The signed delivery note is uploaded for this order, then cited when marking it delivered.
      const note = Buffer.from('%PDF-1.4\n% signed delivery note\n%%EOF\n');
      const upload = (token: string, body: Buffer, type = 'application/pdf') =>
        fetch(`${tp.url}/api/v1/orders/${id}/proof-of-delivery`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': type },
          body: new Uint8Array(body),
        });
      expect((await upload(buyer.token, note)).status).toBe(403);
      expect((await upload(seller.token, Buffer.from('not a pdf'))).status).toBe(422);
      expect((await upload(seller.token, note, 'text/plain')).status).toBe(415);
      const stored = await upload(seller.token, note);
      expect(stored.status).toBe(201);
      const { key: proofKey } = (await stored.json()) as { key: string };
      expectProblem(
        await tp.http('POST', `/api/v1/orders/${id}/deliver`, {
          token: seller.token,
          body: { proofOfDeliveryKey: 'pod/2026/crate-4.jpg' },
        }),
        422,
        'unknown_proof_of_delivery',
        'proofOfDeliveryKey',
      );
      for (const [i, step] of [
        [seller, 'deliver', { proofOfDeliveryKey: proofKey }],
        [buyer, 'complete'],
      ].entries() as IterableIterator<[number, [Company, string, object?]]>) {
        await advance(id, [step]);
        expect(await statusEvents(id), `events after ${step[1]}`).toHaveLength(i + 4);
      }
      const download = await fetch(`${tp.url}/api/v1/orders/${id}/proof-of-delivery`, {
        headers: { authorization: `Bearer ${buyer.token}` },
      });
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await download.arrayBuffer()).equals(note)).toBe(true);

      const events = await statusEvents(id);
      expect(events.map((e) => [e.payload, e.company_ids])).toMatchObject(
        [
          ['placed', 'accepted'],
          ['accepted', 'processing'],
          ['processing', 'shipped'],
          ['shipped', 'delivered'],
          ['delivered', 'completed'],
        ].map(([from, to]) => [{ orderId: id, from, to }, [buyer.companyId, seller.companyId]]),
      );
      expect(events[2]!.payload).toMatchObject({ carrier: 'UPS', trackingNumber: ship.trackingNumber });
      for (const e of events) {
        const envelope = {
          eventId: e.event_id,
          type: e.type,
          version: e.version,
          aggregateType: e.aggregate_type,
          aggregateId: e.aggregate_id,
          companyIds: e.company_ids,
          occurredAt: new Date(e.occurred_at).toISOString(),
          actor: e.actor,
          payload: e.payload,
        };
        expect(validateEvent(envelope)).toMatchObject({ ok: true });
      }

      const [asSeller, asBuyer] = await Promise.all([
        tp.http('GET', `/api/v1/orders/${id}`, { token: seller.token }),
        tp.http('GET', `/api/v1/orders/${id}`, { token: buyer.token }),
      ]);
      expect(asSeller.status).toBe(200);
      expect(asBuyer.body.timeline).toEqual(asSeller.body.timeline);
      expect(
        asBuyer.body.timeline.map((t: { from: string; to: string; by: string }) => [t.from, t.to, t.by]),
      ).toEqual([
        [null, 'placed', 'buyer'],
        ['placed', 'accepted', 'seller'],
        ['accepted', 'processing', 'seller'],
        ['processing', 'shipped', 'seller'],
        ['shipped', 'delivered', 'seller'],
        ['delivered', 'completed', 'buyer'],
      ]);
      const times = asBuyer.body.timeline.map((t: { at: string }) => t.at);
      expect([...times].sort()).toEqual(times);
      expect(asBuyer.body).toMatchObject({
        status: 'completed',
        sellerName: 'Oakwood Crates',
        buyerName: 'Corner Shop',
        subtotalMinor: 4 * 2_550,
        shipment: { ...ship, proofOfDeliveryKey: expect.stringMatching(`^orders/${id}/proof-of-delivery/`) },
        lines: [{ lineNo: 1, sku: 'CRATE', name: 'Oak crate', quantity: 4 }],
        next: [],
      });
      expect(asBuyer.body.timeline[3].details).toEqual(ship);
      const admins = await tp.http('GET', `/api/v1/orders/${id}`, { token: admin.token });
      expect(admins.body.timeline).toHaveLength(6);
    });

    it('lets the buyer confirm delivery itself, and offers each side only its own next steps', async () => {
      const id = await place(2);
      const look = async (who: Company) =>
        (await tp.http('GET', `/api/v1/orders/${id}`, { token: who.token })).body;
      expect((await look(seller)).next).toEqual(['accepted', 'rejected', 'cancelled']);
      expect((await look(buyer)).next).toEqual(['cancelled']);
      await advance(id, [
        [seller, 'accept'],
        [seller, 'ship', { carrier: 'DHL', trackingNumber: 'JD0146' }],
      ]);
      expect((await look(buyer)).next).toEqual(['delivered']);
      const confirmed = await act(buyer, id, 'confirm-delivery');
      expect(confirmed.body).toMatchObject({ status: 'delivered', shipment: { trackingUrl: null } });
      expect(confirmed.body.timeline.at(-1)).toMatchObject({ to: 'delivered', by: 'buyer' });
      await advance(id, [[buyer, 'complete']]);
    });

    it('needs a reason to reject, and a rejected order gives its stock back', async () => {
      const before = await levels();
      const id = await place(6);
      expectProblem(await act(seller, id, 'reject'), 400, 'invalid_request', 'reason');
      expectProblem(await act(seller, id, 'reject', { reason: ' ' }), 400, 'invalid_request', 'reason');
      const rejected = await act(seller, id, 'reject', { reason: 'We no longer ship to your region.' });
      expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
      expect(rejected.body.timeline.at(-1)).toMatchObject({
        from: 'placed',
        to: 'rejected',
        by: 'seller',
        reason: 'We no longer ship to your region.',
      });
      expect(await levels()).toEqual(before);
      expect((await statusEvents(id)).map((e) => e.payload)).toMatchObject([
        { to: 'rejected', reason: 'We no longer ship to your region.' },
      ]);
    });

    it('refuses steps out of order with a 409 naming both statuses, and changes nothing', async () => {
      const id = await place(2);
      const early = await act(seller, id, 'ship', ship);
      expectProblem(early, 409, 'illegal_transition');
      expect(early.body.detail).toContain('from placed to shipped');
      await advance(id, [[seller, 'accept']]);
      expect((await act(buyer, id, 'complete')).body.detail).toContain('from accepted to completed');
      await advance(id, [[seller, 'ship', ship]]);
      const late = await act(buyer, id, 'cancel', { reason: 'Changed my mind' });
      expectProblem(late, 409, 'illegal_transition');
      expect(late.body.detail).toContain('from shipped to cancelled');
      expectProblem(await act(seller, id, 'cancel', { reason: 'Too late' }), 409, 'illegal_transition');
      expectProblem(await act(buyer, id, 'complete'), 409, 'illegal_transition');
      const order = (await tp.http('GET', `/api/v1/orders/${id}`, { token: buyer.token })).body;
      expect(order.status).toBe('shipped');
      expect(order.timeline).toHaveLength(3);
      expect(await statusEvents(id)).toHaveLength(2);
    });

    it('keeps an order from another manufacturer and other retailers (404), and accepting from its buyer (403)', async () => {
      const id = await place(2);
      for (const stranger of [rival, otherBuyer]) {
        expectProblem(
          await tp.http('GET', `/api/v1/orders/${id}`, { token: stranger.token }),
          404,
          'order_not_found',
        );
        expectProblem(await act(stranger, id, 'cancel', { reason: 'Not mine' }), 404, 'order_not_found');
      }
      expectProblem(await act(rival, id, 'accept'), 404, 'order_not_found');
      const own = await act(buyer, id, 'accept');
      expectProblem(own, 403, 'not_your_transition');
      expect(own.body.detail).toBe('Only the manufacturer can mark an order accepted.');
      expectProblem(await act(admin, id, 'accept'), 403, 'forbidden');
      expect(await statusEvents(id)).toHaveLength(0);
    });

    it('lets a viewer read the company’s orders but not manage them (403)', async () => {
      const id = await place(2);
      const email = `viewer-${Date.now()}@example.test`;
      await tp.platform.services.identity.addMember(
        seller.companyId,
        { email, password: PASSWORD, role: 'viewer' },
        systemActor,
      );
      const viewer = { ...seller, email, token: await tp.login(email) };
      const read = await tp.http('GET', `/api/v1/orders/${id}`, { token: viewer.token });
      expect(read.status).toBe(200);
      expect(read.body.next).toEqual([]);
      const refused = await act(viewer, id, 'accept');
      expectProblem(refused, 403, 'forbidden');
      expect(refused.body.detail).toContain('orders:manage');
    });

    it('puts every unit of an order cancelled before shipping back at the locations it came from', async () => {
      const before = await levels();
      const { stock, units_sold } = await product();
      // 50 units: more than either location holds, so the sale spans both.
      const byBuyer = await place(50);
      const bySeller = await place(4);
      const during = await levels();
      expect(during.filter((l, i) => l.on_hand !== before[i]!.on_hand)).toHaveLength(2);
      await advance(byBuyer, [[seller, 'accept']]);
      await advance(bySeller, [
        [seller, 'accept'],
        [seller, 'processing'],
      ]);
      expectProblem(await act(buyer, byBuyer, 'cancel', {}), 400, 'invalid_request', 'reason');
      await advance(byBuyer, [[buyer, 'cancel', { reason: 'Store closing for renovation' }]]);
      await advance(bySeller, [[seller, 'cancel', { reason: 'Kiln broke down' }]]);

      expect(await levels()).toEqual(before);
      expect(await product()).toEqual({ stock, units_sold });
      for (const id of [byBuyer, bySeller]) {
        const moves = await tp.platform.db
          .selectFrom('inventory_movements')
          .select(['kind', 'location_id', 'on_hand_delta'])
          .where('reference', '=', `order:${id}`)
          .execute();
        expect(moves.reduce((s, m) => s + m.on_hand_delta, 0)).toBe(0);
        expect(new Set(moves.filter((m) => m.kind === 'cancellation').map((m) => m.location_id))).toEqual(
          new Set(moves.filter((m) => m.kind === 'sale').map((m) => m.location_id)),
        );
        expect(await statusEvents(id)).toHaveLength(id === byBuyer ? 2 : 3);
      }
    });

    it('completes orders delivered more than 7 days ago by itself, and leaves younger ones to the buyer', async () => {
      const [old, recent] = [await place(2), await place(2)];
      const later = (days: number) => ({ now: () => new Date(Date.now() + days * DAY_MS) });
      for (const id of [old, recent])
        await advance(id, [
          [seller, 'accept'],
          [seller, 'ship', ship],
        ]);
      await advance(old, [[buyer, 'confirm-delivery']]);
      // `recent` is delivered six days from now: two days before the job runs.
      const principal = await tp.platform.services.identity.authenticate(seller.email, PASSWORD);
      const sixDaysOn = createFulfilmentService({ db: tp.platform.db, clock: later(6) });
      await sixDaysOn.changeStatus(principal, recent, 'delivered');

      const completed = await autoCompleteOrders({ db: tp.platform.db, clock: later(8), afterDays: 7 });
      expect(completed).toBe(1);
      const look = async (id: string) =>
        (await tp.http('GET', `/api/v1/orders/${id}`, { token: buyer.token })).body;
      expect((await look(recent)).status).toBe('delivered');
      const done = await look(old);
      expect(done.status).toBe('completed');
      expect(done.timeline.at(-1)).toMatchObject({
        from: 'delivered',
        to: 'completed',
        by: 'system',
        reason: 'completed automatically 7 days after delivery',
      });
      expect((await statusEvents(old)).at(-1)!.actor).toMatchObject({ kind: 'system' });
      expect(await autoCompleteOrders({ db: tp.platform.db, clock: later(8), afterDays: 7 })).toBe(0);
    });

    it('exports each company’s own order history as CSV, and nobody else’s', async () => {
      const foreign = await place(2, otherBuyer);
      const csv = async (who: Company) => {
        const res = await tp.http('GET', '/api/v1/orders/export.csv', { token: who.token });
        expect(res.status, String(res.body)).toBe(200);
        expect(res.type).toContain('text/csv');
        return (res.body as string).trim().split('\n');
      };
      const mine = await tp.platform.db
        .selectFrom('orders')
        .select('id')
        .where('buyer_company_id', '=', buyer.companyId)
        .execute();
      const [header, ...rows] = await csv(buyer);
      expect(header).toBe('order_id,placed_at,counterparty,status,currency,subtotal_minor,subtotal,lines');
      expect(rows.map((r) => r.split(',')[0]).sort()).toEqual(mine.map((o) => o.id).sort());
      expect(rows.join('\n')).not.toContain(foreign);
      const first = rows.find((r) => r.startsWith(firstOrderId))!.split(',');
      expect(first.slice(2)).toEqual(['Oakwood Crates', 'completed', 'USD', '10200', '102.00', '1']);
      expect(first[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

      const received = (await csv(seller)).slice(1);
      expect(received).toHaveLength(mine.length + 1);
      // A name that looks like a formula is quoted as text, so a spreadsheet does not run it.
      expect(received.find((r) => r.startsWith(foreign))).toContain(`"'=HYPERLINK(""x"") Mart"`);
      expect(await csv(rival)).toHaveLength(1);
      expectProblem(
        await tp.http('GET', '/api/v1/orders/export.csv', { token: admin.token }),
        403,
        'forbidden',
      );
    });

    it('names the field at fault in every bad request', async () => {
      const id = await place(2);
      await advance(id, [[seller, 'accept']]);
      expectProblem(
        await act(seller, id, 'ship', { ...ship, trackingUrl: 'http://ups.example/t' }),
        400,
        'invalid_request',
        'trackingUrl',
      );
      expectProblem(
        await act(seller, id, 'ship', { trackingNumber: 'X1' }),
        400,
        'invalid_request',
        'carrier',
      );
      expectProblem(
        await act(seller, id, 'ship', { carrier: 'UPS', trackingNumber: '  ' }),
        400,
        'invalid_request',
        'trackingNumber',
      );
      expectProblem(await act(seller, id, 'ship', { ...ship, extra: 1 }), 400, 'invalid_request');
      // Callers inside the domain (checkout, jobs) skip the HTTP edge: the state machine checks the same rules.
      const service = createFulfilmentService({ db: tp.platform.db, clock: { now: () => new Date() } });
      const principal = await tp.platform.services.identity.authenticate(seller.email, PASSWORD);
      await expect(
        service.changeStatus(principal, id, 'shipped', {
          carrier: 'UPS',
          trackingNumber: 'X1',
          trackingUrl: 'ftp://x',
        }),
      ).rejects.toMatchObject({ kind: 'validation', fields: [{ field: 'trackingUrl' }] });
      await expect(service.changeStatus(principal, id, 'cancelled', { reason: ' ' })).rejects.toMatchObject({
        kind: 'validation',
        code: 'transition_details_invalid',
        fields: [{ field: 'reason' }],
      });
      expectProblem(
        await tp.http('GET', '/api/v1/orders/not-an-id', { token: buyer.token }),
        400,
        'invalid_request',
        'id',
      );
      expectProblem(
        await act(seller, '01900000-0000-7000-8000-000000000000', 'accept'),
        404,
        'order_not_found',
      );
    });

    it('streams every status change into the warehouse, none dead-lettered', async () => {
      const expected = Number(
        (
          await tp.platform.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('type', '=', 'order.status_changed')
            .executeTakeFirstOrThrow()
        ).n,
      );
      const count = async (query: string) =>
        Number(
          (
            await (await tp.platform.warehouse.query({ query, format: 'JSONEachRow' })).json<{ n: string }>()
          )[0]!.n,
        );
      await eventually(
        () =>
          count("SELECT count() AS n FROM wholesail.events_raw FINAL WHERE type = 'order.status_changed'"),
        (n) => n === expected,
        30_000,
      );
      expect(await count('SELECT count() AS n FROM wholesail.dead_letters')).toBe(0);
    });
  });
}
