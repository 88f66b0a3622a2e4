/**
 * The semantic-layer gateway: takes Cube REST queries from a caller, secures them (security.ts), compiles
 * them to ClickHouse SQL with Cube's compiler, runs them on the warehouse and answers in the shape Cube's
 * REST API uses, so @cubejs-client/core and @cubejs-client/react work unchanged. It knows nothing of HTTP.
 */
import { createHash } from 'node:crypto';
import { formatMySql } from '@cubejs-backend/shared';
import { LRUCache } from 'lru-cache';
import { createQuery, UserError } from '@cubejs-backend/schema-compiler';
import { systemClock, type Clock } from '../platform/clock.ts';
import { DomainError } from '../platform/errors.ts';
import type { Principal } from '../platform/principal.ts';
import type { Warehouse } from '../warehouse/client.ts';
import type { CompiledModel } from './compiler.ts';
import { checkFilterValues, parseCubeQuery, resolveDateRanges, type CubeQuery } from './query.ts';
import { createDataVersion } from './data-version.ts';
import { matchingPolicies, memberVisible, membersOf, secureQuery, securityContextFor } from './security.ts';

const DEFAULT_LIMIT = 10_000;

/** What an embed token narrows its caller to (api/auth/embed-tokens.ts): one dashboard and the cubes it queries. */
export interface EmbedScope {
  dashboard: string;
  cubes: readonly string[];
}

/** Whoever queries the gateway: a principal, narrowed to one dashboard's cubes when it came with an embed token. */
export type Caller = Principal & { embed?: EmbedScope };

/** An embedded dashboard runs its own queries and nothing else: no other cube, no SQL, no dry runs. */
function assertInsideDashboard(caller: Caller, query?: CubeQuery) {
  const embed = caller.embed;
  if (!embed) return;
  if (!query) {
    throw new DomainError(
      'forbidden',
      'embed_token_not_allowed',
      `An embed token runs the ${embed.dashboard} dashboard's queries only, not SQL or dry runs.`,
    );
  }
  const outside = membersOf(query).find((m) => !embed.cubes.includes(m.split('.')[0]!));
  if (outside) {
    throw new DomainError(
      'forbidden',
      'outside_embedded_dashboard',
      `This embed token opens the ${embed.dashboard} dashboard, which does not query ${outside.split('.')[0]} (${outside}).`,
    );
  }
}

interface MemberMeta {
  name: string;
  title: string;
  shortTitle: string;
  type: string;
  meta?: unknown;
}

interface Compiled {
  sql: string;
  rawSql: string;
  params: unknown[];
  columns: Array<{ alias: string; keys: string[]; time: boolean }>;
}

interface CubeMeta {
  name: string;
  title: string;
  measures: MemberMeta[];
  dimensions: MemberMeta[];
  segments: MemberMeta[];
}

/** '2026-11-01 00:00:00.000' (ClickHouse) -> '2026-11-01T00:00:00.000' (Cube's wire format, UTC). */
function cubeTime(value: string): string {
  const [date, time = '00:00:00'] = value.split(' ');
  const [hms, ms = ''] = time.split('.');
  return `${date}T${hms}.${ms.padEnd(3, '0').slice(0, 3)}`;
}

/**
 * Cube's compiler reports what a query asks that the model cannot answer as a UserError: the caller's mistake,
 * so a 400 naming it, never a 500. Anything else is ours and stays a server error.
 */
function asQueryProblem(error: unknown, where: string): unknown {
  if (!(error instanceof UserError)) return error;
  const joins = /Can't find join path to join (.*)$/.exec(error.message);
  if (joins) {
    const cubes = [...joins[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    return new DomainError(
      'invalid_input',
      'cubes_not_joined',
      `The ${where} combines cubes that cannot be joined: ${cubes.join(', ')}. Query members of cubes joined to one another (for example orders with sellers or buyers), or ask in separate queries.`,
      [{ field: where, message: `no join path between ${cubes.join(' and ')}` }],
    );
  }
  return new DomainError(
    'invalid_input',
    'invalid_query',
    `The ${where} cannot be answered: ${error.message}`,
    [{ field: where, message: error.message }],
  );
}

export function createGateway(deps: {
  model: CompiledModel;
  warehouse: Warehouse;
  cacheSize?: number;
  /** Off only for benchmarks, which must measure the warehouse rather than the cache. */
  cache?: boolean;
  /** "Today", "last 7 days" and the like are resolved against this clock, in UTC. */
  clock?: Clock;
}) {
  const { model, warehouse } = deps;
  const clock = deps.clock ?? systemClock;
  const dataVersion = createDataVersion(warehouse);
  // Answers keyed by the secured query, the caller's security context and the data version: a new event
  // changes the version, so nobody is served rows from before it once the version is re-read (<= 250 ms).
  const answers = new LRUCache<string, Record<string, string | null>[]>({ max: deps.cacheSize ?? 2_000 });
  const stats = { hits: 0, misses: 0 };
  const cubes = (model.metaTransformer.cubes as unknown as Array<{ config: CubeMeta }>).map((c) => c.config);
  const memberMeta = new Map<string, MemberMeta>();
  for (const cube of cubes)
    for (const m of [...cube.measures, ...cube.dimensions, ...cube.segments]) memberMeta.set(m.name, m);

  // Compiling a query with Cube's compiler costs a few milliseconds; dashboards repeat the same queries, so
  // compiled SQL is kept per secured query (the row filters are part of the key).
  const compiledQueries = new LRUCache<string, Compiled>({ max: 5_000 });

  function compile(query: CubeQuery, where = 'query'): Compiled {
    const cacheKey = JSON.stringify(query);
    const hit = compiledQueries.get(cacheKey);
    if (hit) return hit;
    let compiled: ReturnType<typeof createQuery>;
    let rawSql: string;
    let params: unknown[];
    try {
      compiled = createQuery(model, 'clickhouse', {
        ...query,
        // Cube's compiler reads rowLimit (its API gateway maps the REST `limit` onto it).
        rowLimit: query.limit ?? DEFAULT_LIMIT,
        timezone: 'UTC',
        useNativeSqlPlanner: false,
      });
      [rawSql, params] = compiled.buildSqlAndParams() as [string, unknown[]];
    } catch (error) {
      throw asQueryProblem(error, where);
    }
    // SQL aliases mapped back to member names, the keys Cube's clients read.
    const columns: Compiled['columns'] = [];
    for (const m of query.measures ?? [])
      columns.push({ alias: compiled.aliasName(m), keys: [m], time: false });
    for (const d of query.dimensions ?? [])
      columns.push({ alias: compiled.aliasName(d), keys: [d], time: false });
    for (const td of query.timeDimensions ?? []) {
      if (!td.granularity) continue;
      columns.push({
        alias: `${compiled.aliasName(td.dimension)}_${td.granularity}`,
        keys: [`${td.dimension}.${td.granularity}`, td.dimension],
        time: true,
      });
    }
    const result = { sql: formatMySql(rawSql, params), rawSql, params, columns };
    compiledQueries.set(cacheKey, result);
    return result;
  }

  function annotationFor(query: CubeQuery) {
    const describe = (name: string, extra: Partial<MemberMeta> = {}) => {
      const m = memberMeta.get(name);
      return {
        title: m?.title ?? name,
        shortTitle: m?.shortTitle ?? name,
        type: m?.type ?? 'string',
        meta: m?.meta,
        ...extra,
      };
    };
    const timeDimensions: Record<string, unknown> = {};
    for (const td of query.timeDimensions ?? []) {
      if (td.granularity)
        timeDimensions[`${td.dimension}.${td.granularity}`] = describe(td.dimension, { type: 'time' });
      timeDimensions[td.dimension] = describe(td.dimension, { type: 'time' });
    }
    return {
      measures: Object.fromEntries((query.measures ?? []).map((m) => [m, describe(m)])),
      dimensions: Object.fromEntries((query.dimensions ?? []).map((d) => [d, describe(d)])),
      segments: Object.fromEntries((query.segments ?? []).map((s) => [s, describe(s)])),
      timeDimensions,
    };
  }

  /** Validates and secures one raw query: the only way a query reaches the compiler. */
  function prepare(principal: Caller, raw: unknown, index?: number) {
    const where = index === undefined ? 'query' : `query[${index}]`;
    const query = resolveDateRanges(parseCubeQuery(raw, index), clock.now(), where);
    checkFilterValues(query, where);
    assertInsideDashboard(principal, query);
    const context = securityContextFor(principal);
    const secured = secureQuery(model, query, context);
    // Compiling is where Cube finds what it cannot answer (cubes with no join path between them): do it here so
    // /load, /sql and /dry-run refuse the same queries, as a 400. The result is cached for the run that follows.
    compile(secured, where);
    return { query, secured, context };
  }

  async function runOne({ query, secured, context }: ReturnType<typeof prepare>) {
    const { sql, columns } = compile(secured);
    const key = createHash('sha256')
      .update(JSON.stringify([context.companyId, context.groups, sql, await dataVersion.current()]))
      .digest('base64url');
    const cachedData = deps.cache === false ? undefined : answers.get(key);
    if (cachedData) stats.hits++;
    else stats.misses++;
    const rows = cachedData
      ? undefined
      : await (await warehouse.query({ query: sql, format: 'JSONEachRow' })).json<Record<string, unknown>>();

    const data =
      cachedData ??
      rows!.map((row) => {
        const out: Record<string, string | null> = {};
        for (const c of columns) {
          const value = row[c.alias];
          const text =
            value === null || value === undefined ? null : c.time ? cubeTime(String(value)) : String(value);
          for (const key of c.keys) out[key] = text;
        }
        return out;
      });
    if (!cachedData) answers.set(key, data);
    return {
      query: {
        ...query,
        limit: query.limit ?? DEFAULT_LIMIT,
        timezone: 'UTC',
        filters: secured.filters,
        rowLimit: query.limit ?? DEFAULT_LIMIT,
      },
      data,
      lastRefreshTime: new Date().toISOString(),
      annotation: annotationFor(query),
      dataSource: 'default',
      dbType: 'clickhouse',
      extDbType: 'cubestore',
      external: false,
      slowQuery: false,
      total: null,
    };
  }

  /** One query or several (Cube's `queryType: multi`); every one is secured on its own. */
  async function load(principal: Caller, rawQuery: unknown) {
    const queries = Array.isArray(rawQuery) ? rawQuery : [rawQuery];
    // Every query is checked and secured before any runs (one bad query refuses the request), then they run at
    // once: a dashboard card's windows (this period, the one before, a year ago) cost one query's wait, not three.
    const prepared = queries.map((q, i) => prepare(principal, q, queries.length > 1 ? i : undefined));
    const results = await Promise.all(prepared.map(runOne));
    const queryType = queries.length > 1 ? 'blendingQuery' : 'regularQuery';
    return {
      queryType,
      results,
      pivotQuery: { ...results[0]!.query, queryType },
      slowQuery: false,
    };
  }

  /**
   * The model as the caller may see it: cubes whose policies admit one of the caller's groups, without the
   * members a member-level policy hides from it (a retailer is not even told that commission exists).
   */
  function meta(principal: Caller) {
    const ctx = securityContextFor(principal);
    const evaluator = model.cubeEvaluator as unknown as {
      cubeFromPath(n: string): {
        accessPolicy?: Array<{
          group?: string;
          groups?: string[];
          memberLevel?: { includesMembers: string[]; excludesMembers: string[] };
        }>;
      };
    };
    const visible = cubes.flatMap((cube) => {
      if (principal.embed && !principal.embed.cubes.includes(cube.name)) return [];
      const matching = matchingPolicies(evaluator.cubeFromPath(cube.name).accessPolicy ?? [], ctx);
      if (matching.length === 0) return [];
      const shown = (members: MemberMeta[]) => members.filter((m) => memberVisible(matching, m.name));
      return [
        {
          ...cube,
          measures: shown(cube.measures),
          dimensions: shown(cube.dimensions),
          segments: shown(cube.segments),
        },
      ];
    });
    return { cubes: visible };
  }

  /** Cube's /sql: the SQL the warehouse would run for this caller (row rules included), without running it. */
  function sqlFor(principal: Caller, raw: unknown) {
    assertInsideDashboard(principal);
    const { secured } = prepare(principal, raw);
    const { rawSql, params, columns } = compile(secured);
    const aliasNameToMember = Object.fromEntries(columns.map((c) => [c.alias, c.keys[0]]));
    return {
      sql: {
        sql: [rawSql, params],
        aliasNameToMember,
        order: secured.order ?? [],
        dataSource: 'default',
        external: false,
        preAggregations: [],
      },
    };
  }

  /** Cube's /dry-run: the normalized, secured queries, without touching the warehouse. */
  function dryRun(principal: Caller, raw: unknown) {
    assertInsideDashboard(principal);
    const queries = Array.isArray(raw) ? raw : [raw];
    const normalizedQueries = queries.map((q, i) => {
      const { secured } = prepare(principal, q, queries.length > 1 ? i : undefined);
      return {
        ...secured,
        limit: secured.limit ?? DEFAULT_LIMIT,
        timezone: 'UTC',
        rowLimit: secured.limit ?? DEFAULT_LIMIT,
      };
    });
    const queryType = queries.length > 1 ? 'blendingQuery' : 'regularQuery';
    return {
      queryType,
      normalizedQueries,
      queryOrder: normalizedQueries.map((_, i) => ({ [i]: 'asc' })),
      pivotQuery: { ...normalizedQueries[0], queryType },
    };
  }

  return { load, meta, sqlFor, dryRun, cacheStats: () => ({ ...stats, size: answers.size }) };
}

export type Gateway = ReturnType<typeof createGateway>;
