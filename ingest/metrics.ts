/**
 * Pipeline metrics in Prometheus format: events published and loaded, end-to-end freshness (the event's
 * commit time to the moment it is queryable in the warehouse), outbox backlog, raw events in the warehouse
 * and, on Kafka, the loader group's consumer lag. Gauges that need a query are collected on scrape.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export function createPipelineMetrics() {
  const registry = new Registry();
  const published = new Counter({
    name: 'wholesail_events_published_total',
    help: 'Events the outbox relay published (acknowledged).',
    registers: [registry],
  });
  const loaded = new Counter({
    name: 'wholesail_events_loaded_total',
    help: 'Events the loader inserted into the warehouse raw table.',
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'wholesail_events_dead_lettered_total',
    help: 'Events refused by the loader (dead letters).',
    registers: [registry],
  });
  const freshness = new Histogram({
    name: 'wholesail_event_freshness_seconds',
    help: 'Seconds from an event committing in the OLTP database to being queryable in the warehouse.',
    buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const insertSeconds = new Histogram({
    name: 'wholesail_warehouse_insert_seconds',
    help: 'Duration of one warehouse insert batch.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const gauges: Gauge[] = [];

  /** A gauge whose value is read when Prometheus scrapes (e.g. a COUNT on the warehouse). */
  function gaugeOnScrape(
    name: string,
    help: string,
    read: () => Promise<number | Array<{ labels: Record<string, string>; value: number }>>,
    labelNames: string[] = [],
  ) {
    const gauge = new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const value = await read().catch(() => undefined);
        if (value === undefined) return;
        if (typeof value === 'number') this.set(value);
        else {
          this.reset();
          for (const v of value) this.set(v.labels, v.value);
        }
      },
    });
    gauges.push(gauge);
  }

  return { registry, published, loaded, rejected, freshness, insertSeconds, gaugeOnScrape };
}

export type PipelineMetrics = ReturnType<typeof createPipelineMetrics>;
