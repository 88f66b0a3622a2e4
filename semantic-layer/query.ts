/**
 * The Cube REST query, validated and normalized. Accepts what Cube's REST API accepts (order as an object or
 * as [member, direction] pairs, filters with `member` or the older `dimension`, `or`/`and` groups) and yields
 * one normalized form the compiler takes.
 */
import { z } from 'zod';
import { DomainError } from '../platform/errors.ts';
import { checkAbsoluteDate, resolveRelativeRange } from './date-range.ts';

const memberName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/, {
  message: 'must be a member name like cube.member',
});

export type CubeFilter =
  | { member?: string; dimension?: string; operator: string; values?: string[] }
  | { or: CubeFilter[] }
  | { and: CubeFilter[] };

const OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'startsWith',
  'notStartsWith',
  'endsWith',
  'notEndsWith',
  'gt',
  'gte',
  'lt',
  'lte',
  'set',
  'notSet',
  'inDateRange',
  'notInDateRange',
  'beforeDate',
  'beforeOrOnDate',
  'afterDate',
  'afterOrOnDate',
  'measureFilter',
] as const;

const filterSchema: z.ZodType<CubeFilter> = z.lazy(() =>
  z.union([
    z.object({ or: z.array(filterSchema).min(1) }).strict(),
    z.object({ and: z.array(filterSchema).min(1) }).strict(),
    z
      .object({
        member: memberName.optional(),
        dimension: memberName.optional(),
        operator: z.enum(OPERATORS),
        values: z.array(z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
      })
      .strict()
      .refine((f) => f.member || f.dimension, { message: 'a filter needs a member' }),
  ]),
);

const granularity = z.enum(['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year']);
const dateRange = z.union([z.string().min(1), z.tuple([z.string().min(1), z.string().min(1)])]);
const direction = z.enum(['asc', 'desc']);

export const cubeQuerySchema = z
  .object({
    measures: z.array(memberName).optional(),
    dimensions: z.array(memberName).optional(),
    segments: z.array(memberName).optional(),
    timeDimensions: z
      .array(
        z
          .object({
            dimension: memberName,
            granularity: granularity.optional(),
            dateRange: dateRange.optional(),
          })
          .strict(),
      )
      .optional(),
    filters: z.array(filterSchema).optional(),
    order: z.union([z.record(memberName, direction), z.array(z.tuple([memberName, direction]))]).optional(),
    limit: z.number().int().min(1).max(50_000).optional(),
    offset: z.number().int().min(0).optional(),
    timezone: z.literal('UTC').optional(),
    total: z.boolean().optional(),
    ungrouped: z.literal(false).optional(),
    renewQuery: z.boolean().optional(),
  })
  .strict();

export interface CubeQuery {
  measures?: string[];
  dimensions?: string[];
  segments?: string[];
  timeDimensions?: Array<{ dimension: string; granularity?: string; dateRange?: string | [string, string] }>;
  filters?: CubeFilter[];
  order?: Array<{ id: string; desc: boolean }>;
  limit?: number;
  offset?: number;
}

/** Validates one query; `index` names it in error messages when a request carries several. */
export function parseCubeQuery(raw: unknown, index?: number): CubeQuery {
  const where = index === undefined ? 'query' : `query[${index}]`;
  const parsed = cubeQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      field: [where, ...i.path].join('.'),
      message: i.message,
    }));
    throw new DomainError(
      'invalid_input',
      'invalid_query',
      `The ${where} is not a valid Cube query: ${fields[0]!.field} ${fields[0]!.message}.`,
      fields,
    );
  }
  const q = parsed.data;
  if (!q.measures?.length && !q.dimensions?.length && !q.timeDimensions?.some((t) => t.granularity)) {
    throw new DomainError(
      'invalid_input',
      'empty_query',
      `The ${where} asks for nothing: give at least one measure or dimension.`,
      [{ field: where, message: 'needs measures or dimensions' }],
    );
  }
  const order =
    q.order === undefined ? undefined : Array.isArray(q.order) ? q.order : Object.entries(q.order);
  return {
    measures: q.measures,
    dimensions: q.dimensions,
    segments: q.segments,
    timeDimensions: q.timeDimensions,
    filters: q.filters,
    order: order?.map(([id, dir]) => ({ id, desc: dir === 'desc' })),
    limit: q.limit,
    offset: q.offset,
  };
}

/**
 * Relative date ranges ("last 7 days") become the two dates they mean at `now` (UTC), as Cube's API gateway
 * resolves them before compiling; absolute ones are checked, so a date the warehouse cannot read is a 400.
 * The normalized query then carries dates only, which also keys the caches by the period actually asked for.
 */
export function resolveDateRanges(query: CubeQuery, now: Date, where = 'query'): CubeQuery {
  if (!query.timeDimensions?.some((td) => td.dateRange !== undefined)) return query;
  return {
    ...query,
    timeDimensions: query.timeDimensions.map((td, i) => {
      const field = `${where}.timeDimensions.${i}.dateRange`;
      if (td.dateRange === undefined) return td;
      const dateRange: [string, string] =
        typeof td.dateRange === 'string'
          ? resolveRelativeRange(td.dateRange, now, field)
          : [
              checkAbsoluteDate(td.dateRange[0], `${field}.0`),
              checkAbsoluteDate(td.dateRange[1], `${field}.1`),
            ];
      return { ...td, dateRange };
    }),
  };
}

const DATE_OPERATORS: Record<string, number> = {
  inDateRange: 2,
  notInDateRange: 2,
  beforeDate: 1,
  beforeOrOnDate: 1,
  afterDate: 1,
  afterOrOnDate: 1,
};
const NUMBER_OPERATORS = new Set(['gt', 'gte', 'lt', 'lte']);

/**
 * Filter values the warehouse would fail to read (a date that is not one, a number that is not one, a range
 * with one bound) are the caller's mistake: a 400 naming the value, instead of a ClickHouse error and a 500.
 * Cube documents gt/gte/lt/lte for numbers and the date operators for ISO dates, so that is what is accepted.
 */
export function checkFilterValues(query: CubeQuery, where = 'query'): void {
  const visit = (filter: CubeFilter, path: string) => {
    if ('or' in filter) return filter.or.forEach((f, i) => visit(f, `${path}.or.${i}`));
    if ('and' in filter) return filter.and.forEach((f, i) => visit(f, `${path}.and.${i}`));
    const values = filter.values ?? [];
    const count = DATE_OPERATORS[filter.operator];
    if (count !== undefined) {
      if (values.length !== count) {
        throw new DomainError(
          'invalid_input',
          'invalid_filter',
          `${path}.values: ${filter.operator} takes ${count === 2 ? 'two dates, from and to' : 'one date'}.`,
          [{ field: `${path}.values`, message: `needs exactly ${count} date${count === 2 ? 's' : ''}` }],
        );
      }
      values.forEach((v, i) => checkAbsoluteDate(v, `${path}.values.${i}`));
    } else if (NUMBER_OPERATORS.has(filter.operator)) {
      values.forEach((v, i) => {
        if (v.trim() === '' || !Number.isFinite(Number(v))) {
          throw new DomainError(
            'invalid_input',
            'invalid_filter',
            `${path}.values.${i} "${v}" is not a number, which ${filter.operator} compares with.`,
            [{ field: `${path}.values.${i}`, message: 'must be a number' }],
          );
        }
      });
    }
  };
  (query.filters ?? []).forEach((f, i) => visit(f, `${where}.filters.${i}`));
}
