import { describe, expect, it } from 'vitest';
import { createPipelineMetrics } from './metrics.ts';
import { createPipelineHealth, histogramQuantile } from './pipeline-health.ts';

describe('histogramQuantile', () => {
  const buckets = (counts: Array<[number, number]>) => counts.map(([le, count]) => ({ le, count }));

  it('interpolates inside the bucket the rank falls in, as PromQL does', () => {
    // 10 observations: 4 up to 0.1 s, 6 more up to 0.5 s.
    const b = buckets([
      [0.1, 4],
      [0.5, 10],
      [Infinity, 10],
    ]);
    expect(histogramQuantile(0.2, b)).toBeCloseTo(0.05); // rank 2 of the first 4, from 0
    expect(histogramQuantile(0.5, b)).toBeCloseTo(0.1 + 0.4 * (1 / 6)); // rank 5: first of the next 6
    expect(histogramQuantile(1, b)).toBeCloseTo(0.5);
  });

  it('has no answer without observations, and stops at the last finite bound for the +Inf bucket', () => {
    expect(
      histogramQuantile(
        0.5,
        buckets([
          [1, 0],
          [Infinity, 0],
        ]),
      ),
    ).toBeNull();
    expect(
      histogramQuantile(
        0.95,
        buckets([
          [1, 1],
          [Infinity, 10],
        ]),
      ),
    ).toBe(1);
  });
});

describe('pipeline health', () => {
  it('reads totals, freshness and dead letters from the registry, and a rate once two readings are 5 s apart', async () => {
    const metrics = createPipelineMetrics();
    let clock = 1_000_000;
    const health = createPipelineHealth(metrics, () => clock);
    metrics.published.inc(100);
    metrics.loaded.inc(90);
    metrics.rejected.inc(2);
    for (const seconds of [0.2, 0.2, 0.2, 0.4, 3]) metrics.freshness.observe(seconds);

    const first = await health();
    expect(first).toMatchObject({
      consumerLag: null,
      eventsPublished: 100,
      eventsLoaded: 90,
      deadLetters: 2,
      outboxPending: null,
      eventsPerSecond: { published: null, loaded: null },
      freshness: { observed: 5 },
    });
    // Rank 2.5 of 5 falls in (0.1, 0.2], which holds 3: 0.1 + 0.1 * 2.5/3.
    expect(first.freshness.p50Seconds).toBeCloseTo(0.1 + 0.1 * (2.5 / 3));
    expect(first.freshness.p95Seconds).toBeCloseTo(2 + 3 * (0.75 / 1));

    clock += 2_000;
    metrics.loaded.inc(10);
    expect((await health()).eventsPerSecond.loaded).toBeNull(); // too close to the first reading

    clock += 8_000;
    metrics.published.inc(50);
    metrics.loaded.inc(40);
    const later = await health();
    // 10 s after the first reading: 50 published, 50 loaded.
    expect(later.eventsPerSecond).toEqual({ published: 5, loaded: 5, windowSeconds: 60 });

    clock += 120_000;
    metrics.loaded.inc(60);
    // The first readings fell out of the minute: nothing recent enough to compare with.
    expect((await health()).eventsPerSecond.loaded).toBeNull();
  });
});
