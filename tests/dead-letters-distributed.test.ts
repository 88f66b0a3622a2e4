/**
 * On Kafka, a message that is not a valid domain event never reaches the facts: the loader parks it in
 * wholesail.dead_letters and on the dead-letter topic with the reason, commits past it, and keeps loading.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deadLetterTopic, topicFor } from '../ingest/kafka.ts';
import { newId } from '../platform/ids.ts';
import {
  eventually,
  servicesAvailable,
  startTestPlatform,
  type TestPlatform,
} from './support/test-platform.ts';

describe.runIf(servicesAvailable())('dead letters on Kafka', () => {
  let tp: TestPlatform;
  let kafka: Kafka;
  beforeAll(async () => {
    tp = await startTestPlatform('distributed');
    kafka = new Kafka({
      clientId: 'dlq-test',
      brokers: inject('services')!.KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    });
  });
  afterAll(async () => tp?.close());

  it('parks a malformed event with its reason and goes on loading the good ones', async () => {
    const prefix = tp.platform.config.kafka!.topicPrefix;
    const producer = kafka.producer();
    await producer.connect();
    const bad = {
      eventId: newId(),
      type: 'order.placed',
      version: 1,
      aggregateType: 'order',
      aggregateId: newId(),
      companyIds: [],
      occurredAt: new Date().toISOString(),
      actor: { userId: null, companyId: null, kind: 'system' },
      payload: { orderId: 'nope' },
    };
    await producer.send({
      topic: topicFor(prefix, 'order'),
      messages: [
        { key: bad.aggregateId, value: JSON.stringify(bad) },
        { key: 'x', value: 'not json at all' },
      ],
    });
    await producer.disconnect();

    const seller = await tp.company('manufacturer', 'After the bad one');
    const letters = await eventually(
      async () => {
        const r = await tp.platform.warehouse.query({
          query: 'SELECT event_id, reason FROM wholesail.dead_letters FINAL',
          format: 'JSONEachRow',
        });
        return r.json<{ event_id: string; reason: string }>();
      },
      (rows) => rows.length >= 1,
      20_000,
    );
    expect(letters).toContainEqual({
      event_id: bad.eventId,
      reason: expect.stringContaining('order.placed@1 payload'),
    });

    // The good event written after the bad ones still arrives.
    await eventually(
      async () => {
        const r = await tp.platform.warehouse.query({
          query: 'SELECT count() AS n FROM wholesail.dim_companies FINAL WHERE company_id = {id:String}',
          query_params: { id: seller.companyId },
          format: 'JSONEachRow',
        });
        return Number((await r.json<{ n: string }>())[0]!.n);
      },
      (n) => n === 1,
      20_000,
    );

    // Both refused messages are on the dead-letter topic, each with its reason.
    const consumer = kafka.consumer({ groupId: `dlq-reader-${newId()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: deadLetterTopic(prefix), fromBeginning: true });
    const reasons: string[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => void reasons.push(String(message.headers?.reason ?? '')),
    });
    await eventually(
      async () => reasons.length,
      (n) => n >= 2,
      20_000,
    );
    await consumer.disconnect();
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringContaining('order.placed@1 payload'),
        'message value is not JSON',
      ]),
    );
  });
});
