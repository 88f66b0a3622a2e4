/**
 * Row- and member-level security for every semantic-layer query, applied in the gateway whatever the query
 * asks for. The rules live in the model files as Cube access policies (`access_policy`), so a Cube deployment
 * reading the same files enforces the same rules.
 *
 * How a query is secured:
 * 1. Every member the query touches (measures, dimensions, time dimensions, segments, and members inside
 *    filters, however deeply nested in `and`/`or`) names a cube or view; each of those must have policies.
 *    A cube without policies is closed: secure by default.
 * 2. The caller's groups must match at least one policy of each cube touched; otherwise the query is refused.
 * 3. Member level: a member must be included (and not excluded) by some matching policy.
 * 4. Row level: unless a matching policy allows all rows, the matching policies' row filters (several policies
 *    combine with OR, as Cube documents) are ANDed with the caller's own filters at the top level, where no
 *    `or` of the caller's can reach around them.
 */
import { DomainError } from '../platform/errors.ts';
import type { Principal } from '../platform/principal.ts';
import type { CompiledModel } from './compiler.ts';
import type { CubeFilter, CubeQuery } from './query.ts';

export interface SecurityContext {
  userId: string;
  companyId: string;
  companyKind: Principal['companyKind'];
  role: string;
  groups: string[];
}

/** The caller's groups, as the access policies name them. */
export function securityContextFor(principal: Principal): SecurityContext {
  const groups =
    principal.companyKind === 'manufacturer'
      ? ['seller']
      : principal.companyKind === 'retailer'
        ? ['buyer']
        : [principal.role]; // platform staff: executive, admin, analyst
  return {
    userId: principal.userId,
    companyId: principal.companyId,
    companyKind: principal.companyKind,
    role: principal.role,
    groups,
  };
}

interface PolicyFilter {
  memberReference?: string;
  operator?: string;
  values?: (ctx: SecurityContext) => unknown[];
  and?: PolicyFilter[];
  or?: PolicyFilter[];
}

interface Policy {
  group?: string;
  groups?: string[];
  rowLevel?: { filters?: PolicyFilter[]; allowAll?: boolean };
  memberLevel?: { includesMembers: string[]; excludesMembers: string[] };
}

/** The policies of a cube or view that admit one of the caller's groups. */
export function matchingPolicies<P extends { group?: string; groups?: string[] }>(
  policies: P[],
  ctx: SecurityContext,
): P[] {
  return policies.filter((p) =>
    [p.group, ...(p.groups ?? [])].some((g) => g === '*' || (g && ctx.groups.includes(g))),
  );
}

/** Member level: some matching policy includes the member (`cube.member`) and does not exclude it. */
export function memberVisible(
  matching: Array<{ memberLevel?: { includesMembers: string[]; excludesMembers: string[] } }>,
  member: string,
): boolean {
  return matching.some(
    (p) =>
      !p.memberLevel ||
      (p.memberLevel.includesMembers.includes(member) && !p.memberLevel.excludesMembers.includes(member)),
  );
}

const denied = (message: string) => new DomainError('forbidden', 'query_forbidden', message);

export function membersOf(query: CubeQuery): string[] {
  const members = new Set<string>([
    ...(query.measures ?? []),
    ...(query.dimensions ?? []),
    ...(query.segments ?? []),
  ]);
  for (const td of query.timeDimensions ?? []) members.add(td.dimension);
  const visit = (filter: CubeFilter) => {
    if ('or' in filter) filter.or.forEach(visit);
    else if ('and' in filter) filter.and.forEach(visit);
    else members.add(filter.member ?? filter.dimension ?? '');
  };
  (query.filters ?? []).forEach(visit);
  for (const entry of query.order ?? []) members.add(entry.id);
  return [...members];
}

function toQueryFilter(filter: PolicyFilter, ctx: SecurityContext): CubeFilter {
  if (filter.or) return { or: filter.or.map((f) => toQueryFilter(f, ctx)) };
  if (filter.and) return { and: filter.and.map((f) => toQueryFilter(f, ctx)) };
  const values = filter.values ? filter.values(ctx).map(String) : undefined;
  return { member: filter.memberReference!, operator: filter.operator!, ...(values ? { values } : {}) };
}

export function secureQuery(model: CompiledModel, query: CubeQuery, ctx: SecurityContext): CubeQuery {
  const evaluator = model.cubeEvaluator as unknown as {
    cubeExists(name: string): boolean;
    cubeFromPath(name: string): { accessPolicy?: Policy[] };
    isInstanceOfType(type: 'measures' | 'dimensions' | 'segments', path: string[]): boolean;
  };
  const members = membersOf(query);
  const cubes = new Set<string>();
  for (const member of members) {
    // Every member must exist: an unknown one would otherwise reach the compiler and fail as a server error.
    const [cube, name] = member.split('.');
    const known =
      !!cube &&
      !!name &&
      evaluator.cubeExists(cube) &&
      (['measures', 'dimensions', 'segments'] as const).some((t) =>
        evaluator.isInstanceOfType(t, [cube, name]),
      );
    if (!known) {
      throw new DomainError(
        'invalid_input',
        'unknown_member',
        `"${member}" is not a member of any cube or view.`,
        [{ field: 'query', message: `unknown member ${member}` }],
      );
    }
    cubes.add(cube);
  }

  const rowFilters: CubeFilter[] = [];
  for (const cube of cubes) {
    const policies = evaluator.cubeFromPath(cube).accessPolicy ?? [];
    const matching = matchingPolicies(policies, ctx);
    if (matching.length === 0) throw denied(`You do not have access to ${cube}.`);

    for (const member of members.filter((m) => m.startsWith(`${cube}.`))) {
      const base = member.split('.').slice(0, 2).join('.'); // drop a granularity suffix
      if (!memberVisible(matching, base)) throw denied(`You do not have access to ${base}.`);
    }

    if (matching.some((p) => !p.rowLevel || p.rowLevel.allowAll || (p.rowLevel.filters ?? []).length === 0))
      continue;
    const perPolicy = matching.map((p): CubeFilter => {
      const filters = (p.rowLevel?.filters ?? []).map((f) => toQueryFilter(f, ctx));
      return filters.length === 1 ? filters[0]! : { and: filters };
    });
    rowFilters.push(perPolicy.length === 1 ? perPolicy[0]! : { or: perPolicy });
  }
  return { ...query, filters: [...(query.filters ?? []), ...rowFilters] };
}
