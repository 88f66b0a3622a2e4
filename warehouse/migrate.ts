/**
 * Versioned warehouse DDL: the files in ./migrations run in name order, each once, and the applied names are
 * recorded in `wholesail.schema_migrations`. Every statement is also written to be idempotent
 * (IF NOT EXISTS), so a crash between a statement and its record is safe to re-run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Warehouse } from './client.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Splits a file into statements on `;` at the end of a line; comments are kept with their statement. */
function statements(sqlText: string): string[] {
  return sqlText
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

export async function migrateWarehouse(warehouse: Warehouse): Promise<string[]> {
  await warehouse.command({ query: 'CREATE DATABASE IF NOT EXISTS wholesail' });
  await warehouse.command({
    query: `CREATE TABLE IF NOT EXISTS wholesail.schema_migrations
            (name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = ReplacingMergeTree ORDER BY name`,
  });
  const done = await warehouse.query({
    query: 'SELECT name FROM wholesail.schema_migrations FINAL',
    format: 'JSONEachRow',
  });
  const applied = new Set((await done.json<{ name: string }>()).map((r) => r.name));
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const ran: string[] = [];
  for (const file of files) {
    const name = file.replace(/\.sql$/, '');
    if (applied.has(name)) continue;
    for (const statement of statements(readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'))) {
      await warehouse.command({ query: statement });
    }
    await warehouse.insert({
      table: 'wholesail.schema_migrations',
      values: [{ name }],
      format: 'JSONEachRow',
    });
    ran.push(name);
  }
  return ran;
}
