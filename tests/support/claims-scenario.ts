/**
 * Returns and claims as the buyer, the manufacturer and Wholesail live them, on embedded and distributed modes:
 * a claim on a delivered order within the window, photo evidence checked by its bytes, the manufacturer's
 * proposal accepted into a refund that reverses commission, escalation decided by an admin, withdrawal, who may
 * see and do what, and one event per step that reaches the warehouse.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvent } from '../../ingest/events/catalog.ts';
import { createFulfilmentService } from '../../marketplace/orders/fulfilment-service.ts';
import {
  eventually,
  PASSWORD,
  startTestPlatform,
  type HttpResult,
  type Mode,
  type TestPlatform,
} from './test-platform.ts';
import { expectProblem } from './expect-problem.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const DAY_MS = 86_400_000;
export const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0000000a49444154789c6300010000050001', 'hex'),
]);
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

const shopAddress = {
  name: 'Corner Shop',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

export function claimsScenario(mode: Mode) {
  describe(`returns and claims on ${mode}`, () => {
    let tp: TestPlatform;
    let seller: Company;
    let buyer: Company;
    let stranger: Company;
    let admin: Company;
    let variantId: string;

    const post = (who: Company, route: string, body?: object) =>
      tp.http('POST', route, { token: who.token, body });
    const get = (who: Company, route: string) => tp.http('GET', route, { token: who.token });
    const expectOk = (res: HttpResult, status = 200) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body;
    };
    const upload = async (who: Company, claimId: string, bytes: Buffer, contentType: string) => {
      const response = await fetch(`${tp.url}/api/v1/claims/${claimId}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': contentType },
        body: new Uint8Array(bytes),
      });
      const type = response.headers.get('content-type') ?? '';
      const text = await response.text();
      return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) : text };
    };
    const step = async (who: Company, action: string, orderId: string) =>
      expectOk(
        await post(
          who,
          `/api/v1/orders/${orderId}/${action}`,
          action === 'ship' ? { carrier: 'UPS', trackingNumber: '1Z999' } : undefined,
        ),
      );
    /** A paid card order (offline provider), so refunds move money and reverse commission. */
    const paidOrder = async (quantity: number): Promise<string> => {
      expectOk(await post(buyer, '/api/v1/cart/lines', { variantId, quantity }));
      const group = expectOk(
        await tp.http('POST', '/api/v1/checkout', {
          token: buyer.token,
          body: { paymentMethod: 'card', shippingAddress: shopAddress },
          headers: { 'Idempotency-Key': randomUUID() },
        }),
        201,
      );
      expectOk(
        await tp.http('POST', `/api/v1/order-groups/${group.id}/pay`, {
          token: buyer.token,
          body: { paymentMethod: 'pm_card_visa' },
          headers: { 'Idempotency-Key': randomUUID() },
        }),
      );
      return group.orders[0].id;
    };
    /** The earlier one-supplier order: enough where no money moves. */
    const plainOrder = async (quantity: number): Promise<string> =>
      expectOk(await post(buyer, '/api/v1/orders', { lines: [{ variantId, quantity }] }), 201).id;
    const deliver = async (orderId: string, daysAgo = 0) => {
      for (const action of ['accept', 'ship']) await step(seller, action, orderId);
      if (daysAgo === 0) return void (await step(seller, 'deliver', orderId));
      const principal = await tp.platform.services.identity.authenticate(seller.email, PASSWORD);
      const past = createFulfilmentService({
        db: tp.platform.db,
        clock: { now: () => new Date(Date.now() - daysAgo * DAY_MS) },
      });
      await past.changeStatus(principal, orderId, 'delivered');
    };
    const claimBody = (overrides: object = {}) => ({
      type: 'damaged',
      lines: [{ lineNo: 1, quantity: 2 }],
      description: 'Two mugs arrived with cracked handles; photos attached.',
      requestedOutcome: 'refund',
      ...overrides,
    });
    const openClaim = async (orderId: string, body: object = claimBody()) =>
      expectOk(await post(buyer, `/api/v1/orders/${orderId}/claims`, body), 201);
    const claimEvents = (claimId: string) =>
      tp.platform.db
        .selectFrom('outbox')
        .selectAll()
        .where('aggregate_type', '=', 'claim')
        .where('aggregate_id', '=', claimId)
        .orderBy('seq')
        .execute();
    const notificationsOf = async (company: Company, kind: string) =>
      tp.platform.db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select(['n.title', 'n.link'])
        .where('u.company_id', '=', company.companyId)
        .where('n.kind', '=', kind)
        .execute();

    beforeAll(async () => {
      tp = await startTestPlatform(mode);
      seller = await tp.company('manufacturer', 'Hilltop Pottery');
      buyer = await tp.company('retailer', 'Corner Shop');
      stranger = await tp.company('retailer', 'Nosy Mart');
      admin = await tp.company('platform', 'Wholesail HQ', 'admin');
      const product = expectOk(
        await post(seller, '/api/v1/products', {
          sku: 'MUG',
          name: 'Stoneware mug',
          priceMinor: 900,
          currency: 'USD',
          stock: 500,
        }),
        201,
      );
      variantId = product.variants[0].id;
    }, 180_000);
    afterAll(async () => tp?.close());

    it('damaged goods: the manufacturer proposes a partial refund, the buyer accepts, and the money goes back with its commission', async () => {
      const orderId = await paidOrder(10);
      await deliver(orderId);
      const opened = await openClaim(orderId);
      expect(opened).toMatchObject({
        orderId,
        status: 'open',
        type: 'damaged',
        requestedOutcome: 'refund',
        buyer: { id: buyer.companyId, name: 'Corner Shop' },
        lines: [{ lineNo: 1, sku: 'MUG', ordered: 10, quantity: 2 }],
        next: ['escalate', 'withdraw'],
      });
      // A refund request asks for the claimed units at the prices the order charged (before tax), in the order's
      // currency: on the claim and in every party's list alike.
      const charged = expectOk(await get(buyer, `/api/v1/orders/${orderId}`));
      const unitPrice = new Map<number, number>(
        charged.lines.map((l: { lineNo: number; unitPriceMinor: number }) => [l.lineNo, l.unitPriceMinor]),
      );
      const asked = opened.lines.reduce(
        (sum: number, l: { lineNo: number; quantity: number }) => sum + l.quantity * unitPrice.get(l.lineNo)!,
        0,
      );
      expect(asked).toBeGreaterThan(0);
      expect(opened).toMatchObject({ amountAskedMinor: asked, currency: charged.currency });
      for (const who of [buyer, seller, admin])
        expect(expectOk(await get(who, `/api/v1/claims?orderId=${orderId}`)).items).toMatchObject([
          { id: opened.id, amountAskedMinor: asked, currency: charged.currency },
        ]);
      const photo = await upload(buyer, opened.id, PNG, 'image/png');
      expect(photo.status, JSON.stringify(photo.body)).toBe(201);
      expect((await get(seller, `/api/v1/claims/${opened.id}`)).body.next).toEqual(['respond', 'escalate']);

      const proposed = expectOk(
        await post(seller, `/api/v1/claims/${opened.id}/respond`, {
          decision: 'accept',
          proposedOutcome: 'partial_refund',
          amountMinor: 1_800,
          note: 'Sorry about that: refunding the two mugs.',
        }),
      );
      expect(proposed).toMatchObject({
        status: 'seller_responded',
        response: { decision: 'accepted', proposedOutcome: 'partial_refund', proposedAmountMinor: 1_800 },
      });
      expect((await get(buyer, `/api/v1/claims/${opened.id}`)).body.next).toEqual([
        'escalate',
        'accept',
        'withdraw',
      ]);

      const before = await tp.platform.db
        .selectFrom('orders')
        .select(['commission_minor', 'total_minor'])
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      const resolved = expectOk(await post(buyer, `/api/v1/claims/${opened.id}/accept`));
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolution: { outcome: 'partial_refund', amountMinor: 1_800, resolvedBy: 'buyer_acceptance' },
        next: [],
      });
      const refund = await tp.platform.db
        .selectFrom('refunds')
        .selectAll()
        .where('order_id', '=', orderId)
        .executeTakeFirstOrThrow();
      expect(refund).toMatchObject({
        id: resolved.resolution.refundId,
        amount_minor: 1_800,
        status: 'succeeded',
      });
      // Commission comes back in proportion: its share of 18.00 out of the order's total.
      const expectedReversal = Math.round((before.commission_minor! * 1_800) / before.total_minor!);
      expect(Math.abs(refund.commission_reversed_minor - expectedReversal)).toBeLessThanOrEqual(1);
      expect(refund.commission_reversed_minor).toBeGreaterThan(0);
      const order = await tp.platform.db
        .selectFrom('orders')
        .select(['refunded_minor', 'commission_reversed_minor', 'payment_status'])
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      expect(order).toEqual({
        refunded_minor: 1_800,
        commission_reversed_minor: refund.commission_reversed_minor,
        payment_status: 'partially_refunded',
      });
      const refunded = await tp.platform.db
        .selectFrom('outbox')
        .select('payload')
        .where('type', '=', 'order.refunded')
        .where('aggregate_id', '=', orderId)
        .execute();
      expect(refunded).toHaveLength(1);

      const [asBuyer, asSeller, asAdmin] = await Promise.all(
        [buyer, seller, admin].map(async (who) => expectOk(await get(who, `/api/v1/claims/${opened.id}`))),
      );
      expect(asBuyer.timeline.map((t: { action: string; by: string }) => [t.action, t.by])).toEqual([
        ['opened', 'buyer'],
        ['evidence_added', 'buyer'],
        ['responded', 'seller'],
        ['accepted', 'buyer'],
        ['resolved', 'system'],
      ]);
      const times = asBuyer.timeline.map((t: { at: string }) => t.at);
      expect([...times].sort()).toEqual(times);
      expect(asSeller.timeline).toEqual(asBuyer.timeline);
      expect(asAdmin.timeline).toEqual(asBuyer.timeline);
      expect(asBuyer.timeline[2].note).toBe('Sorry about that: refunding the two mugs.');
      expect(asBuyer.evidence).toMatchObject([
        { id: photo.body.id, contentType: 'image/png', uploadedBy: 'buyer' },
      ]);

      const events = await claimEvents(opened.id);
      expect(events.map((e) => e.type)).toEqual(['claim.opened', 'claim.responded', 'claim.resolved']);
      expect(events[2]!.payload).toMatchObject({
        outcome: 'partial_refund',
        refundedMinor: 1_800,
        refundId: refund.id,
      });
      for (const e of events) {
        expect(JSON.stringify(e.payload)).not.toContain('cracked');
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
      expect(await notificationsOf(seller, 'claim.opened')).toMatchObject([{ link: `/claims/${opened.id}` }]);
      expect((await notificationsOf(buyer, 'claim.updated')).map((n) => n.title)).toContainEqual(
        expect.stringContaining('Hilltop Pottery offers a partial refund of 18.00 USD'),
      );
      expect(await notificationsOf(seller, 'claim.resolved')).toHaveLength(1);
    });

    it('gives back evidence byte for byte with its content type, and refuses what is not an image', async () => {
      const orderId = await plainOrder(3);
      await deliver(orderId);
      const claim = await openClaim(
        orderId,
        claimBody({ type: 'wrong_item', lines: [{ lineNo: 1, quantity: 1 }] }),
      );
      const jpeg = await upload(seller, claim.id, JPEG, 'image/jpeg');
      expect(jpeg.status, JSON.stringify(jpeg.body)).toBe(201);
      for (const who of [buyer, seller, admin]) {
        const response = await fetch(`${tp.url}${jpeg.body.url}`, {
          headers: { authorization: `Bearer ${who.token}` },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/jpeg');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), JPEG)).toBe(0);
      }

      const fake = await upload(buyer, claim.id, Buffer.from('this is a photo, honest'), 'image/png');
      expectProblem(fake, 422, 'not_an_image', 'body');
      expect(fake.body.detail).toContain('not a JPEG, PNG or WebP image');
      expectProblem(await upload(buyer, claim.id, JPEG, 'image/png'), 422, 'evidence_type_mismatch', 'body');
      expectProblem(await upload(buyer, claim.id, PNG, 'application/pdf'), 415, 'unsupported_evidence_type');
      const huge = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
      const tooLarge = await upload(buyer, claim.id, huge, 'image/png');
      expectProblem(tooLarge, 413, 'evidence_too_large');
      expect(tooLarge.body.detail).toContain('5 MB');

      for (let i = 0; i < 5; i++) expect((await upload(buyer, claim.id, PNG, 'image/png')).status).toBe(201);
      expectProblem(await upload(buyer, claim.id, PNG, 'image/png'), 422, 'too_much_evidence', 'body');
      const stored = expectOk(await get(buyer, `/api/v1/claims/${claim.id}`));
      expect(stored.evidence).toHaveLength(6);
      expect(stored.timeline.filter((t: { action: string }) => t.action === 'evidence_added')).toHaveLength(
        6,
      );
    });

    it('opens claims only on delivered orders, within the window, for lines and quantities of the order', async () => {
      const shipped = await plainOrder(2);
      for (const action of ['accept', 'ship']) await step(seller, action, shipped);
      expectProblem(
        await post(buyer, `/api/v1/orders/${shipped}/claims`, claimBody()),
        422,
        'order_not_delivered',
        'orderId',
      );

      const late = await plainOrder(2);
      await deliver(late, 15);
      const closed = await post(buyer, `/api/v1/orders/${late}/claims`, claimBody());
      expectProblem(closed, 422, 'claim_window_closed', 'orderId');
      expect(closed.body.detail).toContain('14 days');
      const inTime = await plainOrder(2);
      await deliver(inTime, 13);
      await openClaim(inTime);

      const orderId = await plainOrder(4);
      await deliver(orderId);
      const bad = (lines: object[]) => post(buyer, `/api/v1/orders/${orderId}/claims`, claimBody({ lines }));
      expectProblem(await bad([{ lineNo: 2, quantity: 1 }]), 422, 'claim_lines_invalid', 'lines.0.lineNo');
      const tooMany = await bad([{ lineNo: 1, quantity: 5 }]);
      expectProblem(tooMany, 422, 'claim_lines_invalid', 'lines.0.quantity');
      expect(tooMany.body.fields[0].message).toContain('at most 4');
      expectProblem(
        await bad([
          { lineNo: 1, quantity: 1 },
          { lineNo: 1, quantity: 1 },
        ]),
        422,
        'claim_lines_invalid',
        'lines.1.lineNo',
      );
      expectProblem(await bad([{ lineNo: 1, quantity: 0 }]), 400, 'invalid_request', 'lines.0.quantity');
      expectProblem(
        await post(buyer, `/api/v1/orders/${orderId}/claims`, claimBody({ type: 'meh' })),
        400,
        'invalid_request',
        'type',
      );

      const first = await openClaim(orderId);
      expectProblem(
        await post(buyer, `/api/v1/orders/${orderId}/claims`, claimBody()),
        409,
        'claim_already_open',
      );
      expectProblem(await post(seller, `/api/v1/orders/${orderId}/claims`, claimBody()), 403, 'forbidden');
      // Withdrawing closes it: nothing more happens to it, and the order may have a new claim.
      const withdrawn = expectOk(
        await post(buyer, `/api/v1/claims/${first.id}/withdraw`, { note: 'Found the box' }),
      );
      expect(withdrawn).toMatchObject({ status: 'withdrawn', next: [] });
      expect(withdrawn.closedAt).not.toBeNull();
      expectProblem(
        await post(seller, `/api/v1/claims/${first.id}/respond`, { decision: 'dispute', note: 'No' }),
        409,
        'illegal_claim_transition',
      );
      expectProblem(await upload(buyer, first.id, PNG, 'image/png'), 409, 'claim_closed');
      expect((await claimEvents(first.id)).map((e) => e.type)).toEqual(['claim.opened', 'claim.withdrawn']);
      expect(await notificationsOf(seller, 'claim.updated')).toContainEqual(
        expect.objectContaining({ title: 'Corner Shop withdrew its claim: it is closed' }),
      );
      await openClaim(orderId);
    });

    it('keeps a claim from every other company: 404 on every claim route', async () => {
      const orderId = await plainOrder(2);
      await deliver(orderId);
      const claim = await openClaim(orderId);
      const photo = await upload(buyer, claim.id, PNG, 'image/png');
      const routes: Array<[string, string, object?]> = [
        ['GET', `/api/v1/claims/${claim.id}`],
        ['POST', `/api/v1/claims/${claim.id}/respond`, { decision: 'dispute', note: 'not mine' }],
        ['POST', `/api/v1/claims/${claim.id}/escalate`, {}],
        ['POST', `/api/v1/claims/${claim.id}/accept`],
        ['POST', `/api/v1/claims/${claim.id}/resolve`, { outcome: 'rejected', note: 'no' }],
        ['POST', `/api/v1/claims/${claim.id}/withdraw`, {}],
        ['GET', photo.body.url],
      ];
      for (const [method, route, body] of routes)
        expectProblem(await tp.http(method, route, { token: stranger.token, body }), 404, 'claim_not_found');
      expectProblem(await upload(stranger, claim.id, PNG, 'image/png'), 404, 'claim_not_found');
      expectProblem(
        await post(stranger, `/api/v1/orders/${orderId}/claims`, claimBody()),
        404,
        'order_not_found',
      );
      const list = expectOk(await get(stranger, '/api/v1/claims'));
      expect(list.items).toEqual([]);
      const mine = expectOk(await get(buyer, `/api/v1/claims?status=open&orderId=${orderId}`));
      expect(mine.items.map((c: { id: string }) => c.id)).toEqual([claim.id]);
      const all = expectOk(await get(admin, '/api/v1/claims?limit=100'));
      expect(all.items.map((c: { id: string }) => c.id)).toContain(claim.id);
      // The same claims as a queue: the one unchanged longest first (the newest list turned around by last change).
      type Listed = { id: string; createdAt: string; updatedAt: string };
      const newest: Listed[] = all.items;
      expect(newest.map((c) => c.createdAt)).toEqual(
        newest
          .map((c) => c.createdAt)
          .sort()
          .reverse(),
      );
      const queue: Listed[] = expectOk(
        await get(admin, '/api/v1/claims?limit=100&sort=longest_waiting'),
      ).items;
      expect(queue.map((c) => c.updatedAt)).toEqual(queue.map((c) => c.updatedAt).sort());
      expect(new Set(queue.map((c) => c.id))).toEqual(new Set(newest.map((c) => c.id)));
      expectProblem(await get(admin, '/api/v1/claims?sort=oldest'), 400, 'invalid_request', 'sort');
      expect((await claimEvents(claim.id)).map((e) => e.type)).toEqual(['claim.opened']);
    });

    it('lets only Wholesail resolve: the manufacturer disputes, the buyer escalates, an admin refunds in full', async () => {
      const orderId = await paidOrder(4);
      await deliver(orderId);
      const claim = await openClaim(
        orderId,
        claimBody({ type: 'missing', lines: [{ lineNo: 1, quantity: 4 }] }),
      );
      // Every unit of the line: it asks exactly what the order charged for that line.
      const charged = expectOk(await get(buyer, `/api/v1/orders/${orderId}`));
      expect(claim.amountAskedMinor).toBe(charged.lines[0].lineTotalMinor);
      const disputed = expectOk(
        await post(seller, `/api/v1/claims/${claim.id}/respond`, {
          decision: 'dispute',
          note: 'Our scale shows the full weight shipped.',
        }),
      );
      expect(disputed.response).toMatchObject({ decision: 'disputed', proposedOutcome: null });
      expectProblem(await post(buyer, `/api/v1/claims/${claim.id}/accept`), 409, 'no_proposal_to_accept');
      const refused = await post(seller, `/api/v1/claims/${claim.id}/resolve`, {
        outcome: 'rejected',
        note: 'mine to decide',
      });
      expectProblem(refused, 403, 'not_your_claim_step');
      expect(refused.body.detail).toBe('Only Wholesail can resolve a claim.');
      expectOk(await post(buyer, `/api/v1/claims/${claim.id}/escalate`, { note: 'The box was empty.' }));
      expectProblem(
        await post(admin, `/api/v1/claims/${claim.id}/resolve`, { outcome: 'partial_refund', note: 'half' }),
        422,
        'resolution_amount_invalid',
        'amountMinor',
      );

      const total = (
        await tp.platform.db
          .selectFrom('orders')
          .select('total_minor')
          .where('id', '=', orderId)
          .executeTakeFirstOrThrow()
      ).total_minor!;
      const resolved = expectOk(
        await post(admin, `/api/v1/claims/${claim.id}/resolve`, {
          outcome: 'full_refund',
          note: 'Carrier confirms the parcel was opened.',
        }),
      );
      // A full refund returns what is left of the order's total (tax included), not only what was asked.
      expect(total).toBeGreaterThanOrEqual(claim.amountAskedMinor);
      expect(resolved).toMatchObject({
        status: 'resolved',
        amountAskedMinor: claim.amountAskedMinor,
        resolution: {
          outcome: 'full_refund',
          amountMinor: total,
          resolvedBy: 'admin',
          note: 'Carrier confirms the parcel was opened.',
        },
      });
      expect(resolved.timeline.map((t: { action: string; by: string }) => [t.action, t.by])).toEqual([
        ['opened', 'buyer'],
        ['responded', 'seller'],
        ['escalated', 'buyer'],
        ['resolved', 'admin'],
      ]);
      const order = await tp.platform.db
        .selectFrom('orders')
        .select(['payment_status', 'refunded_minor', 'commission_minor', 'commission_reversed_minor'])
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      expect(order.payment_status).toBe('refunded');
      expect(order.refunded_minor).toBe(total);
      expect(order.commission_reversed_minor).toBe(order.commission_minor);
      const audit = await tp.platform.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'claim.resolved')
        .where('target_id', '=', orderId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ reason: 'Carrier confirms the parcel was opened.' });
      expect(audit[0]!.after).toMatchObject({
        claimId: claim.id,
        outcome: 'full_refund',
        amountMinor: total,
      });
      expect((await claimEvents(claim.id)).map((e) => e.type)).toEqual([
        'claim.opened',
        'claim.responded',
        'claim.escalated',
        'claim.resolved',
      ]);
      for (const who of [buyer, seller])
        expect(await notificationsOf(who, 'claim.resolved')).toContainEqual(
          expect.objectContaining({ link: `/claims/${claim.id}` }),
        );
      expectProblem(
        await post(admin, `/api/v1/claims/${claim.id}/resolve`, { outcome: 'rejected', note: 'again' }),
        409,
        'illegal_claim_transition',
      );
      expectProblem(
        await post(buyer, `/api/v1/claims/${claim.id}/withdraw`, {}),
        409,
        'illegal_claim_transition',
      );
    });

    it('records a replacement as the outcome without moving money', async () => {
      const orderId = await plainOrder(2);
      await deliver(orderId);
      const claim = await openClaim(orderId, claimBody({ requestedOutcome: 'replacement' }));
      // A replacement asks for goods, not money: no amount, rather than a value the buyer never asked for.
      expect(claim).toMatchObject({ requestedOutcome: 'replacement', amountAskedMinor: null });
      expect(expectOk(await get(seller, `/api/v1/claims?orderId=${orderId}`)).items).toMatchObject([
        { id: claim.id, amountAskedMinor: null },
      ]);
      expectProblem(
        await post(seller, `/api/v1/claims/${claim.id}/respond`, {
          decision: 'accept',
          proposedOutcome: 'replacement',
          amountMinor: 5,
        }),
        422,
        'proposal_amount_invalid',
        'amountMinor',
      );
      expectOk(
        await post(seller, `/api/v1/claims/${claim.id}/respond`, {
          decision: 'accept',
          proposedOutcome: 'replacement',
        }),
      );
      const resolved = expectOk(await post(buyer, `/api/v1/claims/${claim.id}/accept`));
      expect(resolved.resolution).toMatchObject({ outcome: 'replacement', amountMinor: 0, refundId: null });
      const refunds = await tp.platform.db
        .selectFrom('refunds')
        .select('id')
        .where('order_id', '=', orderId)
        .execute();
      expect(refunds).toEqual([]);
    });

    it('streams every claim event into the warehouse, none dead-lettered', async () => {
      const expected = Number(
        (
          await tp.platform.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('aggregate_type', '=', 'claim')
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(expected).toBeGreaterThan(10);
      const count = async (query: string) =>
        Number(
          (
            await (await tp.platform.warehouse.query({ query, format: 'JSONEachRow' })).json<{ n: string }>()
          )[0]!.n,
        );
      await eventually(
        () => count("SELECT count() AS n FROM wholesail.events_raw FINAL WHERE aggregate_type = 'claim'"),
        (n) => n === expected,
        30_000,
      );
      expect(await count('SELECT count() AS n FROM wholesail.dead_letters')).toBe(0);
    });
  });
}
