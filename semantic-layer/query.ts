/**
 * The Cube REST query, validated and normalized. Accepts what Cube's REST API accepts (order as an object or
 * as [member, direction] pairs, filters with `member` or the older `dimension`, `or`/`and` groups) and yields
 * one normalized form the compiler takes.
 */
import { z } from 'zod';
import { DomainError } from '../platform/errors.ts';

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
