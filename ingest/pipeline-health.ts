/**
 * The event pipeline's health in a few numbers people read (the admin "Platform" page), from the same
 * Prometheus registry `/metrics` serves: consumer lag, events per second, freshness percentiles, dead letters
 * and the outbox backlog. Counters only ever grow, so a rate needs two readings: each reading is kept for a few
 * minutes and the rate is taken over the last minute of them. The page re-reads every 10 s, which is enough.
 */
import type { PipelineMetrics } from './metrics.ts';

type MetricJson = Awaited<ReturnType<PipelineMetrics['registry']['getMetricsAsJSON']>>[number];
type MetricValueJson = MetricJson['values'][number] & { metricName?: string };

interface Reading {
  at: number;
  published: number;
  loaded: number;
}

/** Readings older than this are forgotten; rates use the oldest reading within RATE_WINDOW_MS. */
const KEEP_MS = 5 * 60_000;
const RATE_WINDOW_MS = 60_000;
/** Two readings closer than this give a rate too noisy to show. */
const MIN_SPAN_MS = 5_000;

/**
 * A quantile of a Prometheus histogram from its cumulative buckets, as PromQL's histogram_quantile does it:
 * find the bucket the rank falls in and interpolate linearly inside it. Null without observations; when the
 * rank falls in the +Inf bucket, the highest finite bound (we cannot know more).
 */
export function histogramQuantile(q: number, buckets: Array<{ le: number; count: number }>): number | null {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total === 0) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const b of sorted) {
    if (b.count >= rank) {
      if (!Number.isFinite(b.le)) return lowerBound;
      const inBucket = b.count - lowerCount;
      return inBucket === 0 ? b.le : lowerBound + ((b.le - lowerBound) * (rank - lowerCount)) / inBucket;
    }
    lowerBound = b.le;
    lowerCount = b.count;
  }
  return lowerBound;
}

const values = (metrics: MetricJson[], name: string): MetricValueJson[] | undefined =>
  metrics.find((m) => m.name === name)?.values as MetricValueJson[] | undefined;

const sum = (list: MetricValueJson[] | undefined) =>
  list === undefined ? null : list.reduce((total, v) => total + v.value, 0);

export function createPipelineHealth(metrics: PipelineMetrics, now: () => number = Date.now) {
  const readings: Reading[] = [];

  function rateOf(current: Reading, key: 'published' | 'loaded'): number | null {
    const oldest = readings.find((r) => current.at - r.at <= RATE_WINDOW_MS);
    if (!oldest || current.at - oldest.at < MIN_SPAN_MS) return null;
    // A counter that went down means the process restarted between readings: no honest rate.
    const delta = current[key] - oldest[key];
    return delta < 0 ? null : delta / ((current.at - oldest.at) / 1000);
  }

  return async function pipelineHealth() {
    // Collects the on-scrape gauges too (outbox backlog, raw events, consumer lag on Kafka).
    const json = await metrics.registry.getMetricsAsJSON();
    const reading: Reading = {
      at: now(),
      published: sum(values(json, 'wholesail_events_published_total')) ?? 0,
      loaded: sum(values(json, 'wholesail_events_loaded_total')) ?? 0,
    };
    while (readings.length > 0 && reading.at - readings[0]!.at > KEEP_MS) readings.shift();
    const eventsPerSecond = {
      published: rateOf(reading, 'published'),
      loaded: rateOf(reading, 'loaded'),
    };
    readings.push(reading);

    const freshness = values(json, 'wholesail_event_freshness_seconds') ?? [];
    const buckets = freshness
      .filter((v) => v.metricName?.endsWith('_bucket'))
      .map((v) => ({ le: Number(v.labels.le === '+Inf' ? Infinity : v.labels.le), count: v.value }));
    const observed = freshness.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0;
    const lag = values(json, 'wholesail_consumer_lag');
    return {
      // Null in embedded mode: there is no Kafka consumer group, events are handed over in process.
      consumerLag: sum(lag),
      eventsPerSecond: { ...eventsPerSecond, windowSeconds: RATE_WINDOW_MS / 1000 },
      eventsPublished: reading.published,
      eventsLoaded: reading.loaded,
      freshness: {
        p50Seconds: histogramQuantile(0.5, buckets),
        p95Seconds: histogramQuantile(0.95, buckets),
        observed,
      },
      deadLetters: sum(values(json, 'wholesail_events_dead_lettered_total')) ?? 0,
      outboxPending: sum(values(json, 'wholesail_outbox_pending')),
    };
  };
}

export type PipelineHealth = ReturnType<typeof createPipelineHealth>;
