/**
 * Operating the pipeline: metrics for platform admins only, replays that never double a figure, and events
 * that break their schema parked as dead letters with the reason instead of corrupting the facts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../ingest/backfill.ts';
import { createWarehouseLoader } from '../ingest/loader.ts';
import { reconcile } from '../ingest/reconcile.ts';
import { newId } from '../platform/ids.ts';
import { startTestPlatform, type TestPlatform } from './support/test-platform.ts';

describe('operating the event pipeline', () => {
  let tp: TestPlatform;
  let seller: Awaited<ReturnType<TestPlatform['company']>>;
  let buyer: Awaited<ReturnType<TestPlatform['company']>>;
  const orderIds: string[] = [];

  beforeAll(async () => {
    tp = await startTestPlatform('embedded');
    seller = await tp.company('manufacturer', 'Acme');
    buyer = await tp.company('retailer', 'Shop');
    const product = await tp.http('POST', '/api/v1/products', {
      token: seller.token,
      body: { sku: 'P-1', name: 'Pot', priceMinor: 2500, currency: 'GBP', stock: 100 },
    });
    for (let i = 1; i <= 5; i++) {
      const res = await tp.http('POST', '/api/v1/orders', {
        token: buyer.token,
        body: { lines: [{ productId: product.body.id, quantity: i }] },
      });
      expect(res.status).toBe(201);
      orderIds.push(res.body.id);
    }
    await tp.platform.relay.drain();
  });
  afterAll(async () => tp?.close());

  it('shows pipeline metrics to platform admins and to nobody else', async () => {
    const admin = await tp.company('platform', 'HQ', 'admin');
    await tp.platform.relay.drain(); // registering the admin wrote an event of its own
    expect((await tp.http('GET', '/metrics', { token: seller.token })).status).toBe(403);
    expect((await tp.http('GET', '/metrics')).status).toBe(401);
    const res = await tp.http('GET', '/metrics', { token: admin.token });
    expect(res.status).toBe(200);
    const outbox = Number(
      (
        await tp.platform.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(res.body).toMatch(/^wholesail_outbox_pending 0$/m);
    expect(res.body).toMatch(new RegExp(`^wholesail_warehouse_raw_events ${outbox}$`, 'm'));
    expect(res.body).toMatch(/^wholesail_event_freshness_seconds_count [1-9]\d*$/m);
  });

  it('rebuilds the warehouse from the outbox as often as asked without doubling a figure', async () => {
    const loader = createWarehouseLoader({ warehouse: tp.platform.warehouse, logger: tp.platform.logger });
    const progress: number[] = [];
    const first = await backfill(tp.platform.db, loader, {
      pageSize: 3,
      onProgress: (done) => progress.push(done),
    });
    await backfill(tp.platform.db, loader);
    expect(first.events).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(first.events);
    const { differences, days } = await reconcile(tp.platform.db, tp.platform.warehouse);
    expect(days).toBeGreaterThan(0);
    expect(differences).toEqual([]);
  });

  it('reports a difference when the warehouse is missing an order', async () => {
    await tp.platform.warehouse.command({
      query: 'CREATE TABLE wholesail.fct_orders_saved AS wholesail.fct_orders',
    });
    await tp.platform.warehouse.command({
      query: 'INSERT INTO wholesail.fct_orders_saved SELECT * FROM wholesail.fct_orders',
    });
    await tp.platform.warehouse.command({
      query: 'DELETE FROM wholesail.fct_orders WHERE subtotal_minor = 2500',
    });
    const { differences } = await reconcile(tp.platform.db, tp.platform.warehouse);
    expect(differences).toEqual([
      expect.objectContaining({ currency: 'GBP', metric: 'orders', oltp: 5, warehouse: 4 }),
      expect.objectContaining({ currency: 'GBP', metric: 'gmv_minor', oltp: 37_500, warehouse: 35_000 }),
    ]);
    await tp.platform.warehouse.command({
      query: 'EXCHANGE TABLES wholesail.fct_orders AND wholesail.fct_orders_saved',
    });
    await tp.platform.warehouse.command({ query: 'DROP TABLE wholesail.fct_orders_saved' });
    expect((await reconcile(tp.platform.db, tp.platform.warehouse)).differences).toEqual([]);
  });

  it('reports a difference when the warehouse is missing a refund', async () => {
    const refund = await tp.http('POST', `/api/v1/orders/${orderIds[1]}/refunds`, {
      token: seller.token,
      headers: { 'Idempotency-Key': newId() },
      body: { amountMinor: 1200, reason: 'One pot arrived cracked' },
    });
    expect(refund.status).toBe(201);
    await tp.platform.relay.drain();
    expect((await reconcile(tp.platform.db, tp.platform.warehouse)).differences).toEqual([]);

    await tp.platform.warehouse.command({
      query: 'CREATE TABLE wholesail.fct_refunds_saved AS wholesail.fct_refunds',
    });
    await tp.platform.warehouse.command({
      query: 'INSERT INTO wholesail.fct_refunds_saved SELECT * FROM wholesail.fct_refunds',
    });
    await tp.platform.warehouse.command({
      query: `DELETE FROM wholesail.fct_refunds WHERE refund_id = '${refund.body.id as string}'`,
    });
    const { differences } = await reconcile(tp.platform.db, tp.platform.warehouse);
    expect(differences).toEqual([
      expect.objectContaining({ currency: 'GBP', metric: 'refunds', oltp: 1, warehouse: 0 }),
      expect.objectContaining({ currency: 'GBP', metric: 'refunded_minor', oltp: 1200, warehouse: 0 }),
    ]);
    await tp.platform.warehouse.command({
      query: 'EXCHANGE TABLES wholesail.fct_refunds AND wholesail.fct_refunds_saved',
    });
    await tp.platform.warehouse.command({ query: 'DROP TABLE wholesail.fct_refunds_saved' });
    expect((await reconcile(tp.platform.db, tp.platform.warehouse)).differences).toEqual([]);
  });

  it('parks an event that breaks its schema as a dead letter, with the reason, and loads the rest', async () => {
    const loader = createWarehouseLoader({ warehouse: tp.platform.warehouse, logger: tp.platform.logger });
    const good = {
      eventId: newId(),
      type: 'company.registered',
      version: 1,
      aggregateType: 'company',
      aggregateId: newId(),
      companyIds: [],
      occurredAt: new Date().toISOString(),
      actor: { userId: null, companyId: null, kind: 'system' },
      payload: { companyId: newId(), kind: 'retailer', name: 'X', country: 'US', city: 'Y' },
    };
    const bad = { ...good, eventId: newId(), type: 'order.placed', payload: { orderId: 'not-a-uuid' } };
    const result = await loader.load([good, bad]);
    expect(result.loaded).toBe(1);
    expect(result.rejected).toEqual([
      { eventId: bad.eventId, reason: expect.stringContaining('order.placed@1 payload') },
    ]);
    const letters = await tp.platform.warehouse.query({
      query: 'SELECT event_id, reason FROM wholesail.dead_letters',
      format: 'JSONEachRow',
    });
    expect(await letters.json()).toEqual([
      { event_id: bad.eventId, reason: expect.stringContaining('orderId') },
    ]);
  });
});
