/**
 * Versioned OLTP migrations, applied at start by Kysely's Migrator. It records applied versions in
 * `kysely_migration` and takes a lock, so running it twice (or from two processes) is safe.
 * Add a migration by adding a file in ./migrations and listing it here, in order.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import * as foundation from './migrations/2026_11_25_0001_foundation.ts';
import * as identity from './migrations/2026_11_25_0002_identity.ts';
import * as catalog from './migrations/2026_11_25_0003_catalog.ts';

const migrations: Record<string, Migration> = {
  '2026_11_25_0001_foundation': foundation,
  '2026_11_25_0002_identity': identity,
  '2026_11_25_0003_catalog': catalog,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateOltp(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
