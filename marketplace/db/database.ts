/**
 * The OLTP database: PostgreSQL when DATABASE_URL is set, otherwise PGlite (Postgres in WASM) in a data folder.
 * Both are reached through one Kysely instance, so domain code never knows which it has.
 *
 * PGlite is a single session. kysely-pglite-dialect hands that session to one Kysely connection at a time and
 * queues the rest, so a transaction owns the session from BEGIN to COMMIT and no other statement can slip in
 * (a hand-rolled BEGIN on the shared session would not isolate anything; see transactions.test.ts).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

const INT8 = 20;

/** int8 (bigint) columns hold minor units and counts: read them as numbers, refusing anything unsafe. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
}

export function openPostgres(url: string, poolSize = 10): Db {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8 ? parseInt8 : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: types as pg.CustomTypesConfig });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** `dataDir` undefined keeps the database in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm serves the catalog's typo-tolerant search (real PostgreSQL ships it as a contrib extension).
  const options = { parsers: { [INT8]: parseInt8 }, extensions: { pg_trgm } };
  const pglite = await PGlite.create(dataDir ? { dataDir, ...options } : options);
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}
