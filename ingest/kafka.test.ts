import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../platform/domain-event.ts';
import { chunksBySize } from './kafka.ts';

const event = (i: number, padding = 0): DomainEvent => ({
  eventId: `e${i}`,
  type: 'order.placed',
  version: 1,
  aggregateType: 'order',
  aggregateId: `a${i % 3}`,
  companyIds: [],
  occurredAt: '2026-11-25T00:00:00.000Z',
  actor: { userId: null, companyId: null, kind: 'system' },
  payload: { pad: 'x'.repeat(padding) },
});

describe('splitting a relay batch into Kafka requests', () => {
  it('keeps every event, in order, with no request over the limit', () => {
    const events = Array.from({ length: 5_000 }, (_, i) => event(i, 500));
    const chunks = chunksBySize(events, 512 * 1024);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat().map((c) => c.event.eventId)).toEqual(events.map((e) => e.eventId));
    for (const chunk of chunks)
      expect(chunk.reduce((s, c) => s + c.value.length, 0)).toBeLessThanOrEqual(512 * 1024);
  });

  it('sends an event larger than the limit on its own rather than never', () => {
    const chunks = chunksBySize([event(1), event(2, 2_000), event(3)], 1_000);
    expect(chunks.map((c) => c.map((x) => x.event.eventId))).toEqual([['e1'], ['e2'], ['e3']]);
  });
});
