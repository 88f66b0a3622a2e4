/**
 * The explorer's query: what the builder edits (a draft, close to the form) and the Cube REST query it becomes.
 * The query that ran lives in the address (`?query=<JSON>`) so an analysis can be shared by link and Back
 * returns to the previous one; a link is read back into a draft here. Everything is checked before it is sent,
 * with a sentence per problem, so the API's refusals are left for what only it can know (access, members).
 * Numbers are typed the page's way ("12,5" in French) and sent as Cube reads them ("12.5").
 */
import { readDecimal } from '../data/money-input.ts';

export const GRANULARITIES = ['hour', 'day', 'week', 'month', 'quarter', 'year'] as const;

/** The API's row limit bounds (semantic-layer/query.ts). */
export const MAX_LIMIT = 50_000;
export const DEFAULT_LIMIT = 10_000;

export interface CubeFilter {
  member: string;
  operator: string;
  values?: string[];
}

export interface CubeQuery {
  measures?: string[];
  dimensions?: string[];
  timeDimensions?: Array<{ dimension: string; granularity?: string; dateRange?: [string, string] }>;
  filters?: CubeFilter[];
  order?: Array<[string, 'asc' | 'desc']>;
  limit?: number;
}

export interface ExploreFilter {
  member: string;
  operator: string;
  values: string[];
}

export interface ExploreDraft {
  measures: string[];
  dimensions: string[];
  /** '' when the query has no time dimension. */
  timeDimension: string;
  /** '' for a range without grouping. */
  granularity: string;
  /** UTC days (YYYY-MM-DD), both included; '' for open. */
  from: string;
  to: string;
  filters: ExploreFilter[];
  order: Array<{ member: string; desc: boolean }>;
  /** As typed; '' means the API's default. */
  limit: string;
}

export const emptyDraft = (): ExploreDraft => ({
  measures: [],
  dimensions: [],
  timeDimension: '',
  granularity: '',
  from: '',
  to: '',
  filters: [],
  order: [],
  limit: '',
});

/** What each operator takes as values, which decides the inputs the filter row shows. */
export type ValueShape = 'none' | 'list' | 'number' | 'date' | 'dateRange';

const OPERATORS: Record<string, string[]> = {
  string: ['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith', 'set', 'notSet'],
  number: ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte', 'set', 'notSet'],
  boolean: ['equals', 'notEquals', 'set', 'notSet'],
  time: ['inDateRange', 'notInDateRange', 'beforeDate', 'afterDate', 'set', 'notSet'],
};

/** Operators that make sense for a member of this type (measures are compared as numbers). */
export const operatorsFor = (type: string | undefined): string[] =>
  OPERATORS[type ?? 'string'] ?? OPERATORS.string!;

export function valueShape(operator: string): ValueShape {
  if (operator === 'set' || operator === 'notSet') return 'none';
  if (operator === 'inDateRange' || operator === 'notInDateRange') return 'dateRange';
  if (operator === 'beforeDate' || operator === 'afterDate') return 'date';
  if (['gt', 'gte', 'lt', 'lte'].includes(operator)) return 'number';
  return 'list';
}

export interface DraftProblem {
  /** Which part of the form it is about: 'members', 'time', 'limit', 'filter-<n>', 'order-<n>' (1-based). */
  where: string;
  problem: keyof ProblemKinds;
  n?: number;
}
interface ProblemKinds {
  nothing: true;
  range: true;
  rangeHalf: true;
  limit: true;
  filterMember: true;
  filterValues: true;
  filterNumber: true;
  filterRange: true;
  orderMember: true;
}

/** A number typed in the page's language as Cube reads it ("-12,5" -> "-12.5"), or null when it is not one. */
function typedNumber(text: string): string | null {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const reading = readDecimal(negative ? trimmed.slice(1) : trimmed);
  return reading.ok ? `${negative ? '-' : ''}${reading.decimal}` : null;
}
const cleanValues = (values: string[]) => values.map((v) => v.trim()).filter((v) => v !== '');

/**
 * The Cube query a draft asks for, or the problems that stop it. `typeOf` gives a member's type from the meta
 * (numbers are checked as numbers).
 */
export function queryFromDraft(
  draft: ExploreDraft,
  typeOf: (member: string) => string | undefined = () => undefined,
): { query: CubeQuery; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const query: CubeQuery = {};
  if (draft.measures.length) query.measures = [...draft.measures];
  if (draft.dimensions.length) query.dimensions = [...draft.dimensions];

  if (draft.timeDimension) {
    const range = draft.from && draft.to ? ([draft.from, draft.to] as [string, string]) : undefined;
    if (Boolean(draft.from) !== Boolean(draft.to)) problems.push({ where: 'time', problem: 'rangeHalf' });
    else if (range && range[0] > range[1]) problems.push({ where: 'time', problem: 'range' });
    if (draft.granularity || range)
      query.timeDimensions = [
        {
          dimension: draft.timeDimension,
          ...(draft.granularity ? { granularity: draft.granularity } : {}),
          ...(range ? { dateRange: range } : {}),
        },
      ];
  }
  if (!query.measures && !query.dimensions && !(draft.timeDimension && draft.granularity))
    problems.push({ where: 'members', problem: 'nothing' });

  const filters: CubeFilter[] = [];
  draft.filters.forEach((f, i) => {
    const n = i + 1;
    const where = `filter-${n}`;
    if (!f.member) return problems.push({ where, problem: 'filterMember', n });
    const shape = valueShape(f.operator);
    let values = cleanValues(f.values);
    if (shape === 'none') return filters.push({ member: f.member, operator: f.operator });
    if (shape === 'dateRange') {
      const [from = '', to = ''] = f.values;
      if (!from || !to || from > to) return problems.push({ where, problem: 'filterRange', n });
      return filters.push({ member: f.member, operator: f.operator, values: [from, to] });
    }
    if (values.length === 0) return problems.push({ where, problem: 'filterValues', n });
    const numeric = shape === 'number' || typeOf(f.member) === 'number';
    if (numeric) {
      const numbers = values.map(typedNumber);
      if (numbers.some((v) => v === null)) return problems.push({ where, problem: 'filterNumber', n });
      values = numbers as string[];
    }
    const kept = shape === 'list' ? values : values.slice(0, 1);
    filters.push({ member: f.member, operator: f.operator, values: kept });
  });
  if (filters.length) query.filters = filters;

  const orderable = new Set([...draft.measures, ...draft.dimensions, draft.timeDimension].filter(Boolean));
  draft.order.forEach((o, i) => {
    if (!orderable.has(o.member))
      problems.push({ where: `order-${i + 1}`, problem: 'orderMember', n: i + 1 });
  });
  if (draft.order.length) query.order = draft.order.map((o) => [o.member, o.desc ? 'desc' : 'asc']);

  if (draft.limit.trim() !== '') {
    // Read like any typed number, so "10 000" (French) or "10,000" (English) is a limit too.
    const typed = readDecimal(draft.limit);
    const limit = typed.ok ? Number(typed.decimal) : NaN;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      problems.push({ where: 'limit', problem: 'limit' });
    else query.limit = limit;
  }
  return { query, problems };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v) => ['string', 'number', 'boolean'].includes(typeof v)).map(String)
    : [];

/**
 * A query from a link, as a draft. Links may come from elsewhere (Cube's own playground writes order as an
 * object, filters with `dimension`): those forms are read too. What the builder cannot show (or/and groups,
 * segments, a second time dimension, relative date ranges) is named in `unsupported`, and left out.
 */
export function draftFromQuery(raw: unknown): { draft: ExploreDraft; unsupported: string[] } {
  const draft = emptyDraft();
  const unsupported: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { draft, unsupported: ['query'] };
  const q = raw as Record<string, unknown>;
  draft.measures = strings(q.measures);
  draft.dimensions = strings(q.dimensions);
  if (strings(q.segments).length) unsupported.push('segments');

  const times = Array.isArray(q.timeDimensions) ? (q.timeDimensions as Array<Record<string, unknown>>) : [];
  if (times.length > 1) unsupported.push('timeDimensions');
  const time = times[0];
  if (time && typeof time.dimension === 'string') {
    draft.timeDimension = time.dimension;
    draft.granularity = typeof time.granularity === 'string' ? time.granularity : '';
    const range = time.dateRange;
    if (Array.isArray(range) && range.length === 2) {
      draft.from = String(range[0]).slice(0, 10);
      draft.to = String(range[1]).slice(0, 10);
    } else if (range !== undefined) unsupported.push('dateRange');
  }

  for (const f of Array.isArray(q.filters) ? (q.filters as Array<Record<string, unknown>>) : []) {
    const member =
      typeof f.member === 'string' ? f.member : typeof f.dimension === 'string' ? f.dimension : '';
    if (!member || typeof f.operator !== 'string') {
      unsupported.push('filters');
      continue;
    }
    const values = strings(f.values);
    const shape = valueShape(f.operator);
    draft.filters.push({
      member,
      operator: f.operator,
      values: shape === 'date' || shape === 'dateRange' ? values.map((v) => v.slice(0, 10)) : values,
    });
  }

  const order = q.order;
  const pairs = Array.isArray(order)
    ? (order as unknown[]).filter(Array.isArray).map((p) => p as unknown[])
    : order && typeof order === 'object'
      ? Object.entries(order as Record<string, unknown>)
      : [];
  draft.order = pairs
    .filter(([member]) => typeof member === 'string')
    .map(([member, dir]) => ({ member: member as string, desc: dir === 'desc' }));

  if (typeof q.limit === 'number') draft.limit = String(q.limit);
  if (q.offset !== undefined) unsupported.push('offset');
  return { draft, unsupported: [...new Set(unsupported)] };
}

/** The `query` parameter of a link: the query's JSON, or null with a reason when there is none to read. */
export function readQueryParam(param: string | null): { query: unknown; error: boolean } {
  if (param === null || param.trim() === '') return { query: null, error: false };
  try {
    const query: unknown = JSON.parse(param);
    const ok = typeof query === 'object' && query !== null && !Array.isArray(query);
    return ok ? { query, error: false } : { query: null, error: true };
  } catch {
    return { query: null, error: true };
  }
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Quick ranges as explicit UTC days, so a shared link shows the same figures tomorrow. */
export function presetRange(
  preset: 'last7' | 'last30' | 'last90' | 'thisYear' | 'allTime',
  now = Date.now(),
): { from: string; to: string } {
  const today = isoDay(now);
  if (preset === 'allTime') return { from: '', to: '' };
  if (preset === 'thisYear') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  const days = { last7: 7, last30: 30, last90: 90 }[preset];
  return { from: isoDay(now - (days - 1) * DAY_MS), to: today };
}

/** The starting example: gross GMV by month, if the caller may query it. */
export const GMV_BY_MONTH: CubeQuery = {
  measures: ['orders.gmv'],
  timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'month' }],
  order: [['orders.placed_at', 'asc']],
};
