/**
 * The domain event envelope: the outbox row, the Kafka message value and the warehouse raw row all carry
 * exactly this shape (ARCHITECTURE.md, "Contracts"). `type` is `<aggregate>.<past-tense verb>`; a breaking
 * change to a payload bumps `version`, and consumers handle both.
 */
export interface Actor {
  userId: string | null;
  companyId: string | null;
  /** 'user' for a person, 'system' for jobs and the seeder. */
  kind: 'user' | 'system';
}

export interface DomainEvent<P = unknown> {
  eventId: string;
  type: string;
  version: number;
  aggregateType: string;
  aggregateId: string;
  /** Every company the event concerns: the warehouse's row-level rules start from these. */
  companyIds: string[];
  /** ISO 8601 UTC with `Z`. */
  occurredAt: string;
  actor: Actor;
  payload: P;
}

export const systemActor: Actor = { userId: null, companyId: null, kind: 'system' };
