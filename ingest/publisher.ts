/**
 * The event publisher port. `publish` resolves only once the events are durably accepted downstream
 * (Kafka acknowledged them, or the in-process loader inserted them); the relay marks outbox rows as sent
 * only after that. Two implementations: in-process (embedded mode) and Kafka (distributed mode).
 */
import type { DomainEvent } from '../platform/domain-event.ts';
import type { WarehouseLoader } from './loader.ts';

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** Embedded mode: hand the batch straight to the loader in this process. */
export function createInProcessPublisher(loader: WarehouseLoader): EventPublisher {
  return {
    publish: async (events) => {
      await loader.load(events);
    },
    close: async () => {},
  };
}
