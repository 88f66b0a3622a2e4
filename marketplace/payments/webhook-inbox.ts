/**
 * Provider webhooks, applied exactly once. Other contexts register handlers by event type (checkout handles
 * `payment_intent.succeeded`); the receiver verifies the signature, stores the event once per id, and runs
 * its handlers in the transaction that marks it processed. So a replay is acknowledged and skipped, and a
 * handler that fails leaves no half-applied change: the event stays unprocessed, with its error, and the
 * provider's retry applies it.
 */
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { PaymentProvider, ProviderEvent } from './payment-provider.ts';

export type WebhookHandler = (tx: Transaction<Database>, event: ProviderEvent) => Promise<void>;

export interface WebhookDispatcher {
  /** Runs `handler` for every event of `type`, inside the transaction that records it processed. */
  on(type: string, handler: WebhookHandler): () => void;
  handlersFor(type: string): WebhookHandler[];
}

export function createWebhookDispatcher(): WebhookDispatcher {
  const handlers = new Map<string, WebhookHandler[]>();
  return {
    on(type, handler) {
      handlers.set(type, [...(handlers.get(type) ?? []), handler]);
      return () =>
        handlers.set(
          type,
          (handlers.get(type) ?? []).filter((h) => h !== handler),
        );
    },
    handlersFor: (type) => [...(handlers.get(type) ?? [])],
  };
}

export interface WebhookReceipt {
  eventId: string;
  type: string;
  /** `duplicate`: this event id was processed before; nothing ran again. */
  outcome: 'processed' | 'duplicate';
}

export function createWebhookReceiver(deps: {
  db: Db;
  provider: PaymentProvider;
  dispatcher: WebhookDispatcher;
  clock: Clock;
  logger: Logger;
}) {
  const { db, provider, dispatcher, clock, logger } = deps;

  return async function receiveWebhook(
    rawBody: Buffer | string,
    signatureHeader: string | undefined,
  ): Promise<WebhookReceipt> {
    const event = provider.parseWebhook(rawBody, signatureHeader);
    const receipt = { eventId: event.id, type: event.type };
    // Recorded first, on its own: even an event whose handlers fail stays on file, with its attempts.
    await db
      .insertInto('payment_provider_events')
      .values({
        event_id: event.id,
        provider: provider.name,
        type: event.type,
        object_id: event.object.id,
        received_at: clock.now(),
        processed_at: null,
        last_error: null,
        payload: Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody,
      })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
    try {
      return await db.transaction().execute(async (tx) => {
        // The row lock makes two concurrent deliveries of one event run its handlers once.
        const row = await tx
          .selectFrom('payment_provider_events')
          .select(['processed_at', 'provider'])
          .where('event_id', '=', event.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (row.processed_at !== null) return { ...receipt, outcome: 'duplicate' as const };
        for (const handler of dispatcher.handlersFor(event.type)) await handler(tx, event);
        await tx
          .updateTable('payment_provider_events')
          .set((eb) => ({ processed_at: clock.now(), attempts: eb('attempts', '+', 1), last_error: null }))
          .where('event_id', '=', event.id)
          .execute();
        return { ...receipt, outcome: 'processed' as const };
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('payment_provider_events')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: message.slice(0, 2000) }))
        .where('event_id', '=', event.id)
        .execute()
        .catch((err) => logger.error({ err, eventId: event.id }, 'could not record a webhook failure'));
      logger.error({ err: error, eventId: event.id, type: event.type }, 'webhook handler failed');
      // A non-2xx answer makes the provider retry; the event stays unprocessed until a retry succeeds.
      throw new DomainError(
        'unavailable',
        'webhook_processing_failed',
        `Event ${event.id} could not be applied; it stays unprocessed and a retry will apply it.`,
      );
    }
  };
}

export type ReceiveWebhook = ReturnType<typeof createWebhookReceiver>;
