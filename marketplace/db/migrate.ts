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
import * as checkout from './migrations/2026_11_28_0001_checkout.ts';
import * as fulfilment from './migrations/2026_11_28_0002_fulfilment.ts';
import * as messaging from './migrations/2026_11_28_0004_messaging.ts';
import * as payments from './migrations/2026_11_28_0003_payments.ts';
import * as invoices from './migrations/2026_11_28_0005_invoices.ts';
import * as claims from './migrations/2026_11_28_0006_claims.ts';
import * as billing from './migrations/2026_11_28_0007_billing.ts';
import * as kyb from './migrations/2026_11_29_0001_kyb.ts';
import * as catalogMedia from './migrations/2026_11_29_0002_catalog_media.ts';
import * as orderLineCosts from './migrations/2026_11_29_0003_order_line_costs.ts';

const migrations: Record<string, Migration> = {
  '2026_11_25_0001_foundation': foundation,
  '2026_11_25_0002_identity': identity,
  '2026_11_25_0003_catalog': catalog,
  '2026_11_28_0001_checkout': checkout,
  '2026_11_28_0002_fulfilment': fulfilment,
  '2026_11_28_0004_messaging': messaging,
  '2026_11_28_0003_payments': payments,
  '2026_11_28_0005_invoices': invoices,
  '2026_11_28_0006_claims': claims,
  '2026_11_28_0007_billing': billing,
  '2026_11_29_0001_kyb': kyb,
  '2026_11_29_0002_catalog_media': catalogMedia,
  '2026_11_29_0003_order_line_costs': orderLineCosts,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateOltp(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
