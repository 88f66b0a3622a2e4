import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { systemClock } from '../../platform/clock.ts';
import { createTestDatabase, dropTestDatabase } from '../../tests/support/global-services.ts';
import { servicesAvailable } from '../../tests/support/test-platform.ts';
import { openPglite, openPostgres, type Db } from '../db/database.ts';
import { migrateOltp } from '../db/migrate.ts';
import { OfflinePaymentProvider } from './offline-provider.ts';
import type { ProviderEvent } from './payment-provider.ts';
import { createPaymentService, type PaymentService } from './payment-service.ts';

const silent = pino({ level: 'silent' });

const databases: Array<{ name: string; open: () => Promise<{ db: Db; drop: () => Promise<void> }> }> = [
  {
    name: 'PGlite',
    open: async () => {
      const db = await openPglite();
      return { db, drop: () => db.destroy() };
    },
  },
];
if (servicesAvailable())
  databases.push({
    name: 'PostgreSQL',
    open: async () => {
      const name = `t_payments_${process.pid}`;
      const db = openPostgres(createTestDatabase(name));
      return {
        db,
        drop: async () => {
          await db.destroy();
          dropTestDatabase(name);
        },
      };
    },
  });

describe.each(databases)('payment webhooks on $name', ({ open }) => {
  let db: Db;
  let drop: () => Promise<void>;
  let provider: OfflinePaymentProvider;
  let payments: PaymentService;

  beforeAll(async () => {
    ({ db, drop } = await open());
    await migrateOltp(db);
    provider = new OfflinePaymentProvider({ logger: silent, retryDelaysMs: [] });
    payments = createPaymentService({ db, clock: systemClock, logger: silent, provider });
  });
  afterAll(async () => drop?.());

  let counter = 0;
  function signedEvent(type: string, object: Record<string, unknown> = {}) {
    const body = JSON.stringify({
      id: `evt_inbox_${++counter}_${newId()}`,
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: `pi_${counter}`, object: 'payment_intent', status: 'succeeded', ...object } },
    });
    return { body, header: () => provider.signWebhook(body) };
  }

  const stored = (eventId: string) =>
    db
      .selectFrom('payment_provider_events')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();

  it('applies an event once: a replay is acknowledged without running the handlers again', async () => {
    const seen: ProviderEvent[] = [];
    const off = payments.webhooks.on('test.once', async (tx, event) => {
      await tx.selectFrom('payment_provider_events').select('event_id').execute(); // the transaction is usable
      seen.push(event);
    });
    const e = signedEvent('test.once', { amount: 4_200, currency: 'usd' });
    const first = await payments.receiveWebhook(e.body, e.header());
    const replay = await payments.receiveWebhook(e.body, e.header());
    off();
    expect(first.outcome).toBe('processed');
    expect(replay).toEqual({ ...first, outcome: 'duplicate' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.object).toMatchObject({ amountMinor: 4_200, currency: 'USD' });
    const row = await stored(first.eventId);
    expect(row).toMatchObject({ provider: 'offline', type: 'test.once', attempts: 1, last_error: null });
    expect(row.processed_at).not.toBeNull();
    expect(row.payload).toMatchObject({ type: 'test.once' });
  });

  it('leaves nothing half-done when a handler fails, and applies the event on the retry', async () => {
    let failNext = true;
    const companyId = newId();
    const off = payments.webhooks.on('test.flaky', async (tx) => {
      await tx
        .insertInto('companies')
        .values({
          id: companyId,
          kind: 'retailer',
          name: 'Written by a handler',
          country: 'US',
          city: 'Austin',
          created_at: new Date(),
        })
        .execute();
      if (failNext) {
        failNext = false;
        throw new Error('the database of another context is down');
      }
    });
    const e = signedEvent('test.flaky');
    const failure = await payments.receiveWebhook(e.body, e.header()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'unavailable', code: 'webhook_processing_failed' });
    const eventId = JSON.parse(e.body).id as string;
    expect(await stored(eventId)).toMatchObject({
      processed_at: null,
      attempts: 1,
      last_error: 'the database of another context is down',
    });
    // The handler's own write was rolled back with it.
    expect(await db.selectFrom('companies').select('id').where('id', '=', companyId).execute()).toEqual([]);

    const retry = await payments.receiveWebhook(e.body, e.header());
    off();
    expect(retry.outcome).toBe('processed');
    expect(await stored(eventId)).toMatchObject({ attempts: 2, last_error: null });
    expect(await db.selectFrom('companies').select('id').where('id', '=', companyId).execute()).toHaveLength(
      1,
    );
  });

  it('runs the handlers once when the same event arrives twice at the same moment', async () => {
    let runs = 0;
    const off = payments.webhooks.on('test.race', async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const e = signedEvent('test.race');
    const outcomes = await Promise.all([1, 2, 3].map(() => payments.receiveWebhook(e.body, e.header())));
    off();
    expect(runs).toBe(1);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['duplicate', 'duplicate', 'processed']);
  });

  it('refuses a forged event before storing anything', async () => {
    const e = signedEvent('test.forged');
    const forged = new OfflinePaymentProvider({ logger: silent }).signWebhook(e.body);
    await expect(payments.receiveWebhook(e.body, forged)).rejects.toMatchObject({
      code: 'invalid_signature',
    });
    const rows = await db
      .selectFrom('payment_provider_events')
      .select('event_id')
      .where('event_id', '=', JSON.parse(e.body).id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('records events nobody handles as processed', async () => {
    const e = signedEvent('customer.created');
    expect((await payments.receiveWebhook(e.body, e.header())).outcome).toBe('processed');
  });

  it('takes the offline provider’s own outcomes through the same receiver', async () => {
    const succeeded: ProviderEvent[] = [];
    const off = payments.webhooks.on('payment_intent.succeeded', async (_tx, event) => {
      succeeded.push(event);
    });
    const intent = await provider.createPaymentIntent({
      amountMinor: 1_999,
      currency: 'EUR',
      transferGroup: 'group-x',
      metadata: { orderGroupId: 'group-x' },
      idempotencyKey: `inbox-${newId()}`,
    });
    await provider.confirmPaymentIntent(intent.id, {
      paymentMethod: 'pm_card_visa',
      idempotencyKey: `c-${newId()}`,
    });
    await provider.whenDelivered();
    off();
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.object).toMatchObject({ id: intent.id, amountMinor: 1_999, currency: 'EUR' });
    expect((await stored(succeeded[0]!.id)).processed_at).not.toBeNull();
  });

  describe('connected accounts', () => {
    const company = async (kind: 'manufacturer' | 'retailer') => {
      const id = newId();
      await db
        .insertInto('companies')
        .values({
          id,
          kind,
          name: `${kind} ${id.slice(-4)}`,
          country: 'DE',
          city: 'Berlin',
          created_at: new Date(),
        })
        .execute();
      return id;
    };

    it('creates a manufacturer’s account once, however often it is asked for', async () => {
      const id = await company('manufacturer');
      expect(await payments.connectedAccountOf(id)).toBeUndefined();
      const [a, b] = await Promise.all([
        payments.ensureConnectedAccount(id),
        payments.ensureConnectedAccount(id),
      ]);
      expect(a.accountId).toMatch(/^offline_acct_/);
      expect(b.accountId).toBe(a.accountId);
      expect(await payments.connectedAccountOf(id)).toEqual(a);
    });

    it('has no account for a retailer, who is never paid out', async () => {
      const id = await company('retailer');
      await expect(payments.ensureConnectedAccount(id)).rejects.toMatchObject({ code: 'not_a_manufacturer' });
      await expect(payments.ensureConnectedAccount(newId())).rejects.toMatchObject({
        code: 'company_not_found',
      });
    });
  });
});
