/**
 * The semantic layer's catalogue as `GET /cubejs-api/v1/meta` answers it for the caller (only the cubes and
 * members their role may query), and what the explorer asks of it: which members to offer, what type each is,
 * and which members can go into one query together.
 */

export type MemberKind = 'measure' | 'dimension';

export interface MetaMember {
  name: string;
  title: string;
  shortTitle: string;
  description?: string;
  /** Measures: number, string, time, boolean; dimensions: string, number, time, boolean. */
  type: string;
  /** Cube's visibility: primary keys and members marked `public: false` are not offered. */
  public?: boolean;
  format?: string;
  meta?: { unit?: string; currency?: string };
}

export interface MetaCube {
  name: string;
  title: string;
  type: 'cube' | 'view';
  description?: string;
  public?: boolean;
  /**
   * Cubes linked by joins share a number; a cube without joins has none. Members of two cubes can only be
   * queried together when the cubes are linked.
   */
  connectedComponent?: number;
  measures: MetaMember[];
  dimensions: MetaMember[];
  segments: MetaMember[];
}

export interface CubeMeta {
  cubes: MetaCube[];
}

export interface IndexedMember {
  member: MetaMember;
  cube: MetaCube;
  kind: MemberKind;
}

export const cubeNameOf = (member: string) => member.split('.')[0] ?? '';

const visible = (m: { public?: boolean }) => m.public !== false;

/** Every queryable member by name. */
export function indexMembers(meta: CubeMeta): Map<string, IndexedMember> {
  const index = new Map<string, IndexedMember>();
  for (const cube of meta.cubes.filter(visible)) {
    for (const member of cube.measures.filter(visible))
      index.set(member.name, { member, cube, kind: 'measure' });
    for (const member of cube.dimensions.filter(visible))
      index.set(member.name, { member, cube, kind: 'dimension' });
  }
  return index;
}

/** The cubes that offer members of `kind`, each with those members (hidden ones left out). */
export function cubesWith(
  meta: CubeMeta,
  kind: MemberKind,
): Array<{ cube: MetaCube; members: MetaMember[] }> {
  return meta.cubes
    .filter(visible)
    .map((cube) => ({
      cube,
      members: (kind === 'measure' ? cube.measures : cube.dimensions).filter(visible),
    }))
    .filter((group) => group.members.length > 0);
}

export const timeDimensions = (meta: CubeMeta) =>
  cubesWith(meta, 'dimension')
    .map(({ cube, members }) => ({ cube, members: members.filter((m) => m.type === 'time') }))
    .filter((group) => group.members.length > 0);

/**
 * Whether a member of `cube` can join a query that already uses `usedCubes`. Cube's meta does not say which
 * way joins go, so this only rules out what cannot work (cubes in different join groups, or a cube without
 * joins next to another); the API still has the last word.
 */
export function combinable(meta: CubeMeta, usedCubes: ReadonlySet<string>, cube: MetaCube): boolean {
  if (usedCubes.size === 0) return true;
  if (usedCubes.size === 1 && usedCubes.has(cube.name)) return true;
  if (cube.connectedComponent === undefined) return false;
  const byName = new Map(meta.cubes.map((c) => [c.name, c]));
  return [...usedCubes].every((name) => byName.get(name)?.connectedComponent === cube.connectedComponent);
}

/** Money measures carry `meta: { unit: minor }` (USD cents). */
export const isMoney = (member: MetaMember | undefined) => member?.meta?.unit === 'minor';

/** Words to match a member by in the picker's search. */
export const searchText = (member: MetaMember, cube: MetaCube) =>
  `${member.title} ${member.name} ${member.description ?? ''} ${cube.title}`.toLowerCase();
