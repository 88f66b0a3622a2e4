import type { Selectable } from 'kysely';
import type { OutboxTable } from '../marketplace/db/schema.ts';
import type { DomainEvent } from '../platform/domain-event.ts';

/** An outbox row as the domain event it records (jsonb columns arrive parsed from both drivers). */
export function eventFromOutboxRow(row: Selectable<OutboxTable>): DomainEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    version: row.version,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    companyIds: row.company_ids as unknown as string[],
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor as DomainEvent['actor'],
    payload: row.payload,
  };
}
