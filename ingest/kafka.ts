/**
 * Kafka transport (distributed mode), through kafkajs. One topic per aggregate type
 * (`<prefix>.order`, ...), message key = aggregate id so one aggregate's events stay in one partition, in
 * order. The producer is idempotent with one request in flight, so a retry cannot reorder or duplicate
 * within a session; duplicates across restarts are absorbed by the warehouse (dedup by event id).
 */
import { CompressionTypes, Kafka, Partitioners, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { DomainEvent } from '../platform/domain-event.ts';
import type { Logger } from '../platform/logger.ts';
import { AGGREGATE_TYPES } from './events/catalog.ts';
import type { WarehouseLoader } from './loader.ts';
import type { EventPublisher } from './publisher.ts';

export interface KafkaSettings {
  brokers: string[];
  topicPrefix: string;
  consumerGroup: string;
}

/** Uncompressed bytes per produce request: well under the broker's 1 MiB default even before GZIP. */
export const MAX_REQUEST_BYTES = 512 * 1024;

/** Splits events, in order, into runs whose serialized size stays under `limit` (one oversized event runs alone). */
export function chunksBySize(
  events: DomainEvent[],
  limit: number,
): Array<Array<{ event: DomainEvent; value: string }>> {
  const chunks: Array<Array<{ event: DomainEvent; value: string }>> = [];
  let current: Array<{ event: DomainEvent; value: string }> = [];
  let size = 0;
  for (const event of events) {
    const value = JSON.stringify(event);
    if (current.length > 0 && size + value.length > limit) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push({ event, value });
    size += value.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export const topicFor = (prefix: string, aggregateType: string) => `${prefix}.${aggregateType}`;
export const deadLetterTopic = (prefix: string) => `${prefix}.dlq`;

function kafkaFor(settings: KafkaSettings, logger: Logger, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    retry: { retries: 8, initialRetryTime: 200 },
    logCreator:
      () =>
      ({ namespace, level, log }) => {
        const { message, ...extra } = log;
        // Expected by design: retries are bounded so a dead broker surfaces to the relay, which re-sends the
        // whole batch later (duplicates are absorbed by the warehouse).
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        const fn = level <= logLevel.ERROR ? 'error' : 'warn';
        logger[fn]({ namespace, ...extra }, `kafka: ${message}`);
      },
  });
}

/** Creates the per-aggregate topics and the dead-letter topic if they do not exist. */
export async function ensureTopics(settings: KafkaSettings, logger: Logger): Promise<void> {
  const admin = kafkaFor(settings, logger, 'wholesail-admin').admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [
      ...AGGREGATE_TYPES.map((a) => topicFor(settings.topicPrefix, a)),
      deadLetterTopic(settings.topicPrefix),
    ];
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
        waitForLeaders: true,
      });
    }
  } finally {
    await admin.disconnect();
  }
}

export async function createKafkaPublisher(settings: KafkaSettings, logger: Logger): Promise<EventPublisher> {
  const producer: Producer = kafkaFor(settings, logger, 'wholesail-relay').producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return {
    publish: async (events: DomainEvent[]) => {
      // Sent in order, in requests of bounded size: a relay batch larger than the broker's message limit
      // (1 MiB by default) was refused whole and retried forever (found by bench/ingest at batch 5,000).
      for (const chunk of chunksBySize(events, MAX_REQUEST_BYTES)) {
        const byTopic = new Map<
          string,
          Array<{ key: string; value: string; headers: Record<string, string> }>
        >();
        for (const { event, value } of chunk) {
          const topic = topicFor(settings.topicPrefix, event.aggregateType);
          const messages = byTopic.get(topic) ?? [];
          messages.push({ key: event.aggregateId, value, headers: { 'event-type': event.type } });
          byTopic.set(topic, messages);
        }
        // acks -1: resolved only when every in-sync replica has the batch. GZIP keeps requests small.
        await producer.sendBatch({
          acks: -1,
          compression: CompressionTypes.GZIP,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
      }
    },
    close: () => producer.disconnect(),
  };
}

/**
 * The warehouse consumer group: a batch is inserted into the warehouse first, and only then is its offset
 * committed, so a crash between the two redelivers the batch (harmless: dedup by event id) and never loses it.
 * Events that fail validation go to the dead-letter topic with the reason.
 */
export async function startKafkaConsumer(
  settings: KafkaSettings,
  loader: WarehouseLoader,
  logger: Logger,
): Promise<{ stop: () => Promise<void> }> {
  const kafka = kafkaFor(settings, logger, 'wholesail-loader');
  // A 10 s session (Kafka's floor is 6 s): a crashed loader's partitions move to a live one within seconds.
  const consumer: Consumer = kafka.consumer({
    groupId: settings.consumerGroup,
    allowAutoTopicCreation: false,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
  });
  const dlqProducer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await Promise.all([consumer.connect(), dlqProducer.connect()]);
  await consumer.subscribe({
    topics: AGGREGATE_TYPES.map((a) => topicFor(settings.topicPrefix, a)),
    fromBeginning: true,
  });
  await consumer.run({
    autoCommit: false,
    // One insert per partition at a time, partitions in parallel: bench/ingest found the loader inserting one
    // partition's batch after another to be the limit once the relay sends large batches.
    partitionsConsumedConcurrently: 3,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      if (!isRunning() || isStale() || batch.messages.length === 0) return;
      const parsed: unknown[] = [];
      const unreadable: Array<{ value: string; reason: string }> = [];
      for (const message of batch.messages) {
        const text = message.value?.toString('utf8') ?? '';
        try {
          parsed.push(JSON.parse(text));
        } catch {
          unreadable.push({ value: text, reason: 'message value is not JSON' });
        }
      }
      const result = await loader.load(parsed);
      const dead = [
        ...unreadable,
        ...result.rejected.map((r) => ({
          value: JSON.stringify(
            parsed.find((p) => (p as { eventId?: string })?.eventId === r.eventId) ?? null,
          ),
          reason: r.reason,
        })),
      ];
      if (dead.length > 0) {
        await dlqProducer.send({
          topic: deadLetterTopic(settings.topicPrefix),
          acks: -1,
          messages: dead.map((d) => ({
            value: d.value,
            headers: { reason: d.reason, 'source-topic': batch.topic },
          })),
        });
      }
      const last = batch.messages[batch.messages.length - 1]!;
      resolveOffset(last.offset);
      await consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
      ]);
      await heartbeat();
    },
  });
  return {
    stop: async () => {
      await consumer.disconnect();
      await dlqProducer.disconnect();
    },
  };
}

/** Messages the loader group has not committed yet, per topic, summed over partitions. */
export function createLagProbe(settings: KafkaSettings, logger: Logger) {
  const admin = kafkaFor(settings, logger, 'wholesail-lag-probe').admin();
  let connected: Promise<void> | undefined;
  return {
    async lag(): Promise<Array<{ labels: { topic: string }; value: number }>> {
      connected ??= admin.connect();
      await connected;
      const topics = AGGREGATE_TYPES.map((a) => topicFor(settings.topicPrefix, a));
      const committed = await admin.fetchOffsets({ groupId: settings.consumerGroup, topics });
      const result = [];
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        let lag = 0;
        for (const end of ends) {
          const done = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          lag += Number(end.high) - Math.max(0, Number(done));
        }
        result.push({ labels: { topic }, value: lag });
      }
      return result;
    },
    close: async () => {
      if (connected) await admin.disconnect();
    },
  };
}
