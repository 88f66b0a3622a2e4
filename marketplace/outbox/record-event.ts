/**
 * The one way a state change announces itself: the event row is written inside the caller's transaction,
 * so the change and its event commit together or not at all. Nothing publishes to Kafka directly; the relay
 * in ingest/ reads this table.
 */
import type { Transaction } from 'kysely';
import type { Actor, DomainEvent } from '../../platform/domain-event.ts';
import { newId } from '../../platform/ids.ts';
import type { Database } from '../db/schema.ts';

export interface NewEvent<P> {
  type: string;
  version: number;
  aggregateType: string;
  aggregateId: string;
  companyIds: string[];
  occurredAt: Date;
  actor: Actor;
  payload: P;
}

export async function recordEvent<P>(tx: Transaction<Database>, event: NewEvent<P>): Promise<DomainEvent<P>> {
  const eventId = newId();
  await tx
    .insertInto('outbox')
    .values({
      event_id: eventId,
      type: event.type,
      version: event.version,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      company_ids: JSON.stringify(event.companyIds),
      occurred_at: event.occurredAt,
      actor: JSON.stringify(event.actor),
      payload: JSON.stringify(event.payload),
      published_at: null,
    })
    .execute();
  return { ...event, eventId, occurredAt: event.occurredAt.toISOString() };
}
