/**
 * The outbox relay: reads unpublished outbox rows in sequence order, publishes them, and marks them sent only
 * after the publisher acknowledged them. A crash between publish and mark re-publishes the batch on restart:
 * at least once, in order per aggregate (one relay, sequence order, one in-flight request to Kafka).
 * Run exactly one relay per database; a second would only add duplicates, which the warehouse absorbs.
 */
import { sql } from 'kysely';
import type { Db } from '../marketplace/db/database.ts';
import type { DomainEvent } from '../platform/domain-event.ts';
import { eventFromOutboxRow } from './outbox-row.ts';
import type { Logger } from '../platform/logger.ts';
import type { PipelineMetrics } from './metrics.ts';
import type { EventPublisher } from './publisher.ts';

export interface RelayOptions {
  db: Db;
  publisher: EventPublisher;
  logger: Logger;
  pollMs: number;
  batchSize?: number;
  metrics?: PipelineMetrics;
  /** Test seam: runs after a publish was acknowledged and before the rows are marked sent. */
  betweenPublishAndMark?: (events: DomainEvent[]) => Promise<void> | void;
}

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  private readonly batchSize: number;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 500;
  }

  /** Publishes one batch. Returns how many events it published. */
  async runOnce(): Promise<number> {
    const { db, publisher } = this.options;
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('published_at', 'is', null)
      .orderBy('seq')
      .limit(this.batchSize)
      .execute();
    if (rows.length === 0) return 0;
    const events = rows.map(eventFromOutboxRow);
    await publisher.publish(events);
    this.options.metrics?.published.inc(events.length);
    await this.options.betweenPublishAndMark?.(events);
    await db
      .updateTable('outbox')
      .set({ published_at: sql<Date>`now()` })
      .where(
        'seq',
        'in',
        rows.map((r) => r.seq),
      )
      .execute();
    return rows.length;
  }

  /** Drains everything currently in the outbox (used by the seeder and tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      let published = 0;
      try {
        this.running = this.runOnce();
        published = await this.running;
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox relay: publish failed, will retry');
      } finally {
        this.running = undefined;
      }
      // A full batch means more is waiting: go again at once instead of sleeping.
      if (!this.stopped) this.timer = setTimeout(tick, published >= this.batchSize ? 0 : this.options.pollMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
