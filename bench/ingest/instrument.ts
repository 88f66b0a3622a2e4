/**
 * Instruments the real pipeline without editing it: a Kysely plugin times the relay's SELECT and its
 * mark-as-sent UPDATE, a relay subclass times each runOnce, and wrappers around the publisher, the loader
 * and the warehouse client time publish, load and insert. Every event's path is stamped in a Tracker:
 * commit (from the generator) -> picked up by the relay (publish start) -> acknowledged (Kafka ack, or
 * in-process load done) -> handed to the loader -> inserted (queryable).
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { WarehouseLoader } from '../../ingest/loader.ts';
import type { EventPublisher } from '../../ingest/publisher.ts';
import { OutboxRelay } from '../../ingest/relay.ts';
import type { Warehouse } from '../../warehouse/client.ts';

/** One timed operation: when it ended, how long it took, how many events it carried. */
export interface Op {
  end: number;
  ms: number;
  n: number;
}

const STAGES = ['commit', 'pubStart', 'pubAck', 'loadStart', 'loadDone'] as const;
type Stage = (typeof STAGES)[number];

/** Per-event timestamps (Date.now() ms) in growable typed arrays, keyed by event id. */
export class Tracker {
  private readonly index = new Map<string, number>();
  private capacity: number;
  readonly at: Record<Stage, Float64Array>;
  private size = 0;
  committed = 0;
  /** Events both committed and loaded (the drain condition). */
  loadedCommitted = 0;
  loaded = 0;
  readonly ops = {
    select: [] as Op[],
    mark: [] as Op[],
    runOnce: [] as Op[],
    publish: [] as Op[],
    load: [] as Op[],
    insert: [] as Op[],
  };
  relayErrors = 0;
  firstRelayError: string | undefined;
  /** Marker events the warehouse poller looks for: id -> commit time, and when the poller saw them. */
  readonly markers = new Map<string, number>();
  readonly polled: Array<{ commit: number; seen: number }> = [];
  private lastMarker = 0;

  constructor(expected: number) {
    this.capacity = Math.max(1024, expected);
    this.at = Object.fromEntries(STAGES.map((s) => [s, new Float64Array(this.capacity).fill(NaN)])) as Record<
      Stage,
      Float64Array
    >;
  }

  get count(): number {
    return this.size;
  }

  private slot(id: string): number {
    let i = this.index.get(id);
    if (i !== undefined) return i;
    i = this.size++;
    if (i >= this.capacity) {
      this.capacity *= 2;
      for (const s of STAGES) {
        const grown = new Float64Array(this.capacity).fill(NaN);
        grown.set(this.at[s]);
        this.at[s] = grown;
      }
    }
    this.index.set(id, i);
    return i;
  }

  /** Sets a stage the first time only (a redelivery does not move the clock). */
  stamp(ids: Iterable<string>, stage: Stage, at: number): void {
    for (const id of ids) {
      const i = this.slot(id);
      const column = this.at[stage];
      if (!Number.isNaN(column[i]!)) continue;
      column[i] = at;
      if (stage === 'commit') {
        this.committed++;
        if (!Number.isNaN(this.at.loadDone[i]!)) this.loadedCommitted++;
      } else if (stage === 'loadDone') {
        this.loaded++;
        if (!Number.isNaN(this.at.commit[i]!)) this.loadedCommitted++;
      }
    }
  }

  commits(list: Array<[number, string[]]>, markerEveryMs: number): void {
    for (const [at, ids] of list) {
      this.stamp(ids, 'commit', at);
      if (ids.length > 0 && at - this.lastMarker >= markerEveryMs) {
        this.markers.set(ids[0]!, at);
        this.lastMarker = at;
      }
    }
  }
}

const idsOf = (items: unknown[]) =>
  items.map((e) => String((e as { eventId?: unknown } | null)?.eventId ?? '')).filter(Boolean);

/** Times the relay's queries: SELECT = poll, UPDATE = mark as sent. Paired by Kysely's query id. */
export class QueryTimer implements KyselyPlugin {
  private readonly started = new WeakMap<object, { t: number; kind: RootOperationNode['kind'] }>();
  constructor(private readonly tracker: () => Tracker) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.started.set(args.queryId, { t: performance.now(), kind: args.node.kind });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const s = this.started.get(args.queryId);
    if (s) {
      const ms = performance.now() - s.t;
      const n = args.result.rows.length || Number(args.result.numAffectedRows ?? 0);
      const op = { end: Date.now(), ms, n };
      if (s.kind === 'SelectQueryNode') this.tracker().ops.select.push(op);
      else if (s.kind === 'UpdateQueryNode') this.tracker().ops.mark.push(op);
    }
    return args.result;
  }
}

/** The real relay; only runOnce is wrapped, to time whole cycles and count failures. */
export class TimedRelay extends OutboxRelay {
  constructor(
    options: ConstructorParameters<typeof OutboxRelay>[0],
    private readonly tracker: () => Tracker,
  ) {
    super(options);
  }

  override async runOnce(): Promise<number> {
    const t = performance.now();
    try {
      const n = await super.runOnce();
      if (n > 0) this.tracker().ops.runOnce.push({ end: Date.now(), ms: performance.now() - t, n });
      return n;
    } catch (error) {
      const tracker = this.tracker();
      tracker.relayErrors++;
      tracker.firstRelayError ??= error instanceof Error ? error.message : String(error);
      throw error;
    }
  }
}

export function timedPublisher(inner: EventPublisher, tracker: () => Tracker): EventPublisher {
  return {
    publish: async (events) => {
      const ids = events.map((e) => e.eventId);
      const t = performance.now();
      tracker().stamp(ids, 'pubStart', Date.now());
      await inner.publish(events);
      const end = Date.now();
      tracker().stamp(ids, 'pubAck', end);
      tracker().ops.publish.push({ end, ms: performance.now() - t, n: events.length });
    },
    close: () => inner.close(),
  };
}

export function timedLoader(inner: WarehouseLoader, tracker: () => Tracker): WarehouseLoader {
  return {
    load: async (candidates) => {
      const ids = idsOf(candidates);
      const t = performance.now();
      tracker().stamp(ids, 'loadStart', Date.now());
      const result = await inner.load(candidates);
      // The insert has returned: these rows are now visible to queries.
      const end = Date.now();
      tracker().stamp(ids, 'loadDone', end);
      tracker().ops.load.push({ end, ms: performance.now() - t, n: candidates.length });
      return result;
    },
  };
}

/** The same client with `insert` timed (the loader's validation and serialisation are the rest of a load). */
export function timedWarehouse(inner: Warehouse, tracker: () => Tracker): Warehouse {
  return new Proxy(inner, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === 'insert') {
        return async (params: Parameters<Warehouse['insert']>[0]) => {
          const t = performance.now();
          const result = await target.insert(params);
          const rows = Array.isArray(params.values) ? params.values.length : 0;
          tracker().ops.insert.push({ end: Date.now(), ms: performance.now() - t, n: rows });
          return result;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
