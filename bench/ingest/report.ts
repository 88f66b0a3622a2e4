/** Turns scenario runs into the printed tables: throughput and freshness, where the time goes, ratios. */
import type { Op } from './instrument.ts';
import type { ScenarioRun } from './scenario.ts';
import { median, ms, percentile, rate, ratio, sortedCopy, table } from './stats.ts';

export interface Summary {
  run: ScenarioRun;
  committedPerS: number;
  /** Median over full windows during the load of events that became queryable per second. */
  loadedPerS: number;
  backlogAtEnd: number;
  drainMs: number;
  /** Events/s loaded after the generator stopped while a backlog remained: capacity without the generator. */
  drainPerS: number;
  fresh: { p50: number; p95: number; p99: number; max: number };
  /** p95 of each window (by commit time): min and max over windows. */
  windowP95: { min: number; max: number };
  poller: { n: number; p50: number; p95: number; missing: number };
  stages: Record<'outbox' | 'kafka' | 'consumer' | 'load', { p50: number; p95: number }>;
  ops: Record<keyof ScenarioRun['tracker']['ops'], { p50: number; p95: number; n: number; perS: number }>;
}

/** Operations that finished while the generator ran (the drain phase is reported separately). */
function opStats(all: Op[], from: number, to: number) {
  const ops = all.filter((o) => o.end >= from && o.end <= to);
  const seconds = (to - from) / 1000;
  const sorted = sortedCopy(ops.map((o) => o.ms));
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    n: median(ops.map((o) => o.n)),
    perS: ops.length / seconds,
  };
}

export function summarise(run: ScenarioRun, windowMs: number): Summary {
  const { tracker: t, genStart, genEnd } = run;
  const fresh: number[] = [];
  const byWindow = new Map<number, number[]>();
  const loadedInWindow = new Map<number, number>();
  const stage = {
    outbox: [] as number[],
    kafka: [] as number[],
    consumer: [] as number[],
    load: [] as number[],
  };
  let loadedByEnd = 0;
  let loadedAfter = 0;
  let lastDone = genEnd;
  const kafka = run.spec.path === 'kafka';
  for (let i = 0; i < t.count; i++) {
    const commit = t.at.commit[i]!;
    if (Number.isNaN(commit)) continue;
    const done = t.at.loadDone[i]!;
    const f = Number.isNaN(done) ? Infinity : done - commit;
    fresh.push(f);
    const w = Math.floor((commit - genStart) / windowMs);
    (byWindow.get(w) ?? byWindow.set(w, []).get(w)!).push(f);
    if (!Number.isNaN(done)) {
      if (done <= genEnd) loadedByEnd++;
      else {
        loadedAfter++;
        lastDone = Math.max(lastDone, done);
      }
      const lw = Math.floor((done - genStart) / windowMs);
      loadedInWindow.set(lw, (loadedInWindow.get(lw) ?? 0) + 1);
      const { pubStart, pubAck, loadStart } = {
        pubStart: t.at.pubStart[i]!,
        pubAck: t.at.pubAck[i]!,
        loadStart: t.at.loadStart[i]!,
      };
      stage.outbox.push(pubStart - commit);
      if (kafka) {
        stage.kafka.push(pubAck - pubStart);
        stage.consumer.push(loadStart - pubAck);
      }
      stage.load.push(done - loadStart);
    }
  }
  const sorted = sortedCopy(fresh);
  const fullWindows = Math.floor((genEnd - genStart) / windowMs);
  const windowRates: number[] = [];
  const windowP95: number[] = [];
  for (let w = 0; w < fullWindows; w++) {
    windowRates.push(((loadedInWindow.get(w) ?? 0) * 1000) / windowMs);
    const f = byWindow.get(w);
    if (f) windowP95.push(percentile(sortedCopy(f), 95));
  }
  const polled = sortedCopy(t.polled.map((p) => p.seen - p.commit));
  const stat = (v: number[]) => {
    const s = sortedCopy(v);
    return { p50: percentile(s, 50), p95: percentile(s, 95) };
  };
  const lastLoad = run.drainedAt;
  return {
    run,
    committedPerS: run.generator.committed / (run.generator.elapsedMs / 1000),
    loadedPerS: windowRates.length > 0 ? median(windowRates) : NaN,
    backlogAtEnd: run.generator.committed - loadedByEnd,
    drainMs: lastLoad === undefined ? Infinity : lastLoad - genEnd,
    drainPerS: loadedAfter >= 1000 && lastDone > genEnd ? (loadedAfter * 1000) / (lastDone - genEnd) : NaN,
    fresh: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    },
    windowP95: { min: Math.min(...windowP95), max: Math.max(...windowP95) },
    poller: {
      n: t.polled.length,
      p50: percentile(polled, 50),
      p95: percentile(polled, 95),
      missing: t.markers.size,
    },
    stages: {
      outbox: stat(stage.outbox),
      kafka: stat(stage.kafka),
      consumer: stat(stage.consumer),
      load: stat(stage.load),
    },
    ops: {
      select: opStats(t.ops.select, genStart, genEnd),
      mark: opStats(t.ops.mark, genStart, genEnd),
      runOnce: opStats(t.ops.runOnce, genStart, genEnd),
      publish: opStats(t.ops.publish, genStart, genEnd),
      load: opStats(t.ops.load, genStart, genEnd),
      insert: opStats(t.ops.insert, genStart, genEnd),
    },
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const pair = (a: number, b: number, cap?: number) => `${ms(a, cap)} / ${ms(b, cap)}`;

export function report(runs: ScenarioRun[], windowMs: number): string {
  const summaries = runs.map((r) => summarise(r, windowMs));
  const out: string[] = [];
  out.push(
    '\n## Throughput and freshness (commit in PostgreSQL -> insert returned, i.e. queryable in chDB)\n',
  );
  out.push(
    table([
      [
        'scenario',
        'offered/s',
        'committed/s',
        'loaded/s',
        'backlog@end',
        'drain',
        'drain/s',
        'fresh p50',
        'p95',
        'p99',
        'window p95 min-max',
        'poller p50/p95 (n)',
      ],
      ...summaries.map((s) => {
        const cap = s.run.spec.drainMaxMs;
        return [
          s.run.spec.label,
          rate(s.run.spec.rate),
          rate(s.committedPerS),
          rate(s.loadedPerS),
          String(s.backlogAtEnd),
          ms(s.drainMs, cap),
          rate(s.drainPerS),
          ms(s.fresh.p50, cap),
          ms(s.fresh.p95, cap),
          ms(s.fresh.p99, cap),
          `${ms(s.windowP95.min, cap)}-${ms(s.windowP95.max, cap)}`,
          `${pair(s.poller.p50, s.poller.p95)} (${s.poller.n}${s.poller.missing ? `, ${s.poller.missing} unseen` : ''})`,
        ];
      }),
    ]),
  );
  out.push(
    `\nloaded/s: median over ${windowMs / 1000} s windows of events inserted during the load; backlog@end: committed ` +
      'but not yet queryable when the generator stopped; drain: time after that until the last one was; ' +
      'drain/s: events/s loaded during the drain (capacity with the generator idle; shown for backlogs >= 1,000). ' +
      'Freshness over every event; the poller checks ~20 marker events/s with a query every 50 ms (an upper bound).',
  );

  out.push('\n## Where the time goes, per event p50 / p95\n');
  out.push(
    table([
      ['scenario', 'outbox wait (poll+select)', 'Kafka ack', 'consumer wait', 'load (validate+insert)'],
      ...summaries.map((s) => [
        s.run.spec.label,
        pair(s.stages.outbox.p50, s.stages.outbox.p95),
        s.run.spec.path === 'kafka' ? pair(s.stages.kafka.p50, s.stages.kafka.p95) : '-',
        s.run.spec.path === 'kafka' ? pair(s.stages.consumer.p50, s.stages.consumer.p95) : '-',
        pair(s.stages.load.p50, s.stages.load.p95),
      ]),
    ]),
  );
  out.push(
    '\nPer operation while the load ran: ms p50 / p95, [median events per call], calls/s. ' +
      'Embedded: publish = load (the relay waits for the insert).\n',
  );
  const op = (o: Summary['ops']['select']) =>
    `${pair(o.p50, o.p95)} [${Number.isNaN(o.n) ? '-' : Math.round(o.n)}] ${o.perS.toFixed(0)}/s`;
  out.push(
    table([
      [
        'scenario',
        'relay select',
        'relay publish',
        'relay mark sent',
        'relay cycle',
        'loader load',
        'chDB insert',
        'CPU: pipeline / generator / machine',
      ],
      ...summaries.map((s) => [
        s.run.spec.label,
        op(s.ops.select),
        op(s.ops.publish),
        op(s.ops.mark),
        op(s.ops.runOnce),
        op(s.ops.load),
        op(s.ops.insert),
        `${pct(s.run.pipelineCpu)} / ${pct(s.run.generator.cpuMs / s.run.generator.elapsedMs)} / ${pct(s.run.machineBusy)}`,
      ]),
    ]),
  );
  out.push(
    '\nCPU: pipeline and generator processes as % of one core; machine as % of all cores (incl. PostgreSQL, Kafka).',
  );

  const problems = summaries.flatMap((s) => {
    const p: string[] = [];
    const t = s.run.tracker;
    if (t.relayErrors > 0)
      p.push(`${s.run.spec.label}: relay failed ${t.relayErrors} times: ${t.firstRelayError}`);
    if (s.run.generator.errors > 0)
      p.push(
        `${s.run.spec.label}: generator: ${s.run.generator.errors} failed transactions: ${s.run.generator.firstError}`,
      );
    if (s.run.generator.maxBehindMs > 1000)
      p.push(
        `${s.run.spec.label}: the generator fell ${ms(s.run.generator.maxBehindMs)} behind its schedule`,
      );
    return p;
  });
  if (problems.length > 0) out.push('\nProblems seen:\n' + problems.map((p) => `- ${p}`).join('\n'));

  out.push('\n## Kafka / embedded, same settings\n');
  const rows = [['settings', 'loaded/s', 'fresh p50', 'fresh p95', 'fresh p99']];
  const key = (s: Summary) => s.run.spec.label.replace(/ (kafka|embedded)$/, '');
  for (const k of [...new Set(summaries.map(key))]) {
    const kf = summaries.find((s) => key(s) === k && s.run.spec.path === 'kafka');
    const em = summaries.find((s) => key(s) === k && s.run.spec.path === 'embedded');
    if (!kf || !em) continue;
    rows.push([
      k,
      ratio(kf.loadedPerS, em.loadedPerS),
      ratio(kf.fresh.p50, em.fresh.p50),
      ratio(kf.fresh.p95, em.fresh.p95),
      ratio(kf.fresh.p99, em.fresh.p99),
    ]);
  }
  out.push(rows.length > 1 ? table(rows) : '(run both paths to see ratios)');
  return out.join('\n');
}

/** Fixed vs per-row cost of one loader call (validate + chDB insert), by batch size. */
export function insertCostTable(rows: Array<{ size: number; loadMs: number; insertMs: number }>): string {
  return [
    '\n## Loader call cost by batch size (real loader into chDB, idle pipeline, median of 5)\n',
    table([
      ['events per call', 'load (validate+insert)', 'of which chDB insert', 'events/s for one loader'],
      ...rows.map((r) => [String(r.size), ms(r.loadMs), ms(r.insertMs), rate((r.size * 1000) / r.loadMs)]),
    ]),
  ].join('\n');
}
