/**
 * Inputs a dashboard or an API user may send the semantic layer that the model cannot answer as asked: cubes
 * with no join path between them, and date ranges in words. Each is a 400 naming the problem on /load, /sql and
 * /dry-run alike (never a server error), and the words mean what Cube's REST API makes them mean, in UTC at the
 * gateway's clock. The gateway is built on the real model; these queries are refused or resolved before any
 * warehouse is asked, so none is needed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors.ts';
import type { Principal } from '../platform/principal.ts';
import { compileModel, MODEL_DIR } from '../semantic-layer/compiler.ts';
import { createGateway, type Gateway } from '../semantic-layer/gateway.ts';

const admin: Principal = {
  userId: '01900000-0000-7000-8000-000000000001',
  companyId: '01900000-0000-7000-8000-00000000000a',
  companyKind: 'platform',
  role: 'admin',
  permissions: [],
};
// A Monday late in a month: weeks, months and quarters all have edges nearby.
const NOW = new Date('2026-11-30T10:15:00.000Z');

/** Runs `call` and returns the DomainError it throws (failing if it throws anything else or nothing). */
async function problemOf(call: () => unknown): Promise<DomainError> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the query to be refused');
}

describe('queries the model cannot answer as asked', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    const model = await compileModel(MODEL_DIR);
    // No warehouse: every query below is refused or resolved before one would be asked.
    gateway = createGateway({ model, warehouse: {} as never, clock: { now: () => NOW } });
  });
  const endpoints = {
    load: (q: unknown) => gateway.load(admin, q),
    sql: (q: unknown) => gateway.sqlFor(admin, q),
    dryRun: (q: unknown) => gateway.dryRun(admin, q),
  };
  const resolved = (query: unknown) =>
    gateway.dryRun(admin, query).normalizedQueries[0]!.timeDimensions![0]!.dateRange;

  it.each(Object.keys(endpoints))(
    'refuses members of cubes with no join path between them on %s, naming both cubes',
    async (endpoint) => {
      const problem = await problemOf(() =>
        endpoints[endpoint as keyof typeof endpoints]({ dimensions: ['sellers.name', 'buyers.name'] }),
      );
      expect(problem.kind).toBe('invalid_input');
      expect(problem.code).toBe('cubes_not_joined');
      expect(problem.message).toMatch(/sellers/);
      expect(problem.message).toMatch(/buyers/);
      expect(problem.fields[0]!.field).toBe('query');
    },
  );

  it('names which query of several cannot be joined', async () => {
    const problem = await problemOf(() =>
      gateway.dryRun(admin, [{ measures: ['orders.gmv'] }, { dimensions: ['sellers.name', 'buyers.city'] }]),
    );
    expect(problem.code).toBe('cubes_not_joined');
    expect(problem.fields[0]!.field).toBe('query[1]');
  });

  it('still answers cubes that are joined (orders with sellers and buyers)', () => {
    const { sql } = gateway.sqlFor(admin, {
      measures: ['orders.gmv'],
      dimensions: ['sellers.name', 'buyers.city'],
    });
    expect(sql.sql[0]).toMatch(/JOIN/);
  });

  it.each([
    ['today', '2026-11-30T00:00:00.000', '2026-11-30T23:59:59.999'],
    ['yesterday', '2026-11-29T00:00:00.000', '2026-11-29T23:59:59.999'],
    ['this week', '2026-11-30T00:00:00.000', '2026-12-06T23:59:59.999'],
    ['last week', '2026-11-23T00:00:00.000', '2026-11-29T23:59:59.999'],
    ['last 7 days', '2026-11-23T00:00:00.000', '2026-11-29T23:59:59.999'],
    ['last 90 days', '2026-09-01T00:00:00.000', '2026-11-29T23:59:59.999'],
    ['this month', '2026-11-01T00:00:00.000', '2026-11-30T23:59:59.999'],
    ['Last Month', '2026-10-01T00:00:00.000', '2026-10-31T23:59:59.999'],
    ['this quarter', '2026-10-01T00:00:00.000', '2026-12-31T23:59:59.999'],
    ['this year', '2026-01-01T00:00:00.000', '2026-12-31T23:59:59.999'],
    ['last year', '2025-01-01T00:00:00.000', '2025-12-31T23:59:59.999'],
    ['from 7 days ago to now', '2026-11-23T00:00:00.000', '2026-11-30T23:59:59.999'],
    ['from 2 weeks ago to today', '2026-11-16T00:00:00.000', '2026-11-30T23:59:59.999'],
    ['from 3 hours ago to now', '2026-11-30T07:00:00.000', '2026-11-30T10:59:59.999'],
  ])('reads the date range "%s" as Cube does, in UTC at the gateway clock', (words, from, to) => {
    expect(
      resolved({
        measures: ['orders.gmv'],
        timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'day', dateRange: words }],
      }),
    ).toEqual([from, to]);
  });

  it('puts the resolved dates in the SQL, so the cache is keyed by the period actually asked for', () => {
    const { sql } = gateway.sqlFor(admin, {
      measures: ['orders.gmv'],
      timeDimensions: [{ dimension: 'orders.placed_at', dateRange: 'last month' }],
    });
    expect(sql.sql[1]).toEqual(['2026-10-01T00:00:00.000Z', '2026-10-31T23:59:59.999Z']);
  });

  it.each(Object.keys(endpoints))(
    'answers a date range it cannot read with a 400 naming the field, on %s',
    async (endpoint) => {
      const problem = await problemOf(() =>
        endpoints[endpoint as keyof typeof endpoints]({
          measures: ['orders.gmv'],
          timeDimensions: [{ dimension: 'orders.placed_at', dateRange: 'the other day, maybe' }],
        }),
      );
      expect(problem.kind).toBe('invalid_input');
      expect(problem.code).toBe('invalid_date_range');
      expect(problem.fields[0]!.field).toBe('query.timeDimensions.0.dateRange');
    },
  );

  it('refuses an absolute range with a bound that is not a date, naming that bound', async () => {
    const problem = await problemOf(() =>
      gateway.sqlFor(admin, {
        measures: ['orders.gmv'],
        timeDimensions: [{ dimension: 'orders.placed_at', dateRange: ['2026-01-01', 'soon'] }],
      }),
    );
    expect(problem.code).toBe('invalid_date');
    expect(problem.fields[0]!.field).toBe('query.timeDimensions.0.dateRange.1');
  });

  it.each([
    [
      { member: 'orders.placed_at', operator: 'inDateRange', values: ['foo', 'bar'] },
      'invalid_date',
      'query.filters.0.values.0',
    ],
    [
      { member: 'orders.placed_at', operator: 'inDateRange', values: ['2026-01-01'] },
      'invalid_filter',
      'query.filters.0.values',
    ],
    [
      {
        or: [
          { member: 'orders.status', operator: 'set' },
          { member: 'orders.gmv', operator: 'gt', values: ['lots'] },
        ],
      },
      'invalid_filter',
      'query.filters.0.or.1.values.0',
    ],
  ])('refuses a filter value the warehouse could not read (%j), naming it', async (filter, code, field) => {
    for (const call of Object.values(endpoints)) {
      const problem = await problemOf(() => call({ measures: ['orders.gmv'], filters: [filter] }));
      expect(problem.code).toBe(code);
      expect(problem.fields[0]!.field).toBe(field);
    }
  });
});
