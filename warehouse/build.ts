/**
 * Materializes the models in ClickHouse, idempotently. A model whose file changed (its checksum) is dropped
 * and rebuilt from the raw events, and so are the models that read it: everything derives from raw, so any
 * model can always be rebuilt. Seeds (CSV under seeds/) load into tables of the same name.
 *
 * - materialized_view: a target table plus a materialized view from raw into it, back-filled from raw.
 * - table: built once from its SELECT (e.g. the calendar).
 * - refreshable: a refreshable materialized view, recomputed on its schedule (marts).
 * - view: a plain view, computed when read (joins of facts that must be as current as the events).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Warehouse } from './client.ts';
import { DATABASE, SEEDS_DIR, loadModels, type Model } from './models.ts';

const STATE_TABLE = `${DATABASE}.model_state`;

async function appliedChecksums(warehouse: Warehouse): Promise<Map<string, string>> {
  await warehouse.command({
    query: `CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (name String, checksum String, built_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = ReplacingMergeTree(built_at) ORDER BY name`,
  });
  const result = await warehouse.query({
    query: `SELECT name, checksum FROM ${STATE_TABLE} FINAL`,
    format: 'JSONEachRow',
  });
  return new Map((await result.json<{ name: string; checksum: string }>()).map((r) => [r.name, r.checksum]));
}

async function tableExists(warehouse: Warehouse, name: string): Promise<boolean> {
  const result = await warehouse.query({
    query: 'SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name = {name:String}',
    query_params: { db: DATABASE, name },
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ n: string }>())[0]?.n) > 0;
}

async function loadSeeds(warehouse: Warehouse, applied: Map<string, string>, rebuilt: string[]) {
  for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.csv'))) {
    const name = path.basename(file, '.csv');
    const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex').slice(0, 16);
    if (applied.get(`seed:${name}`) === checksum && (await tableExists(warehouse, name))) continue;
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<
      Record<string, string>
    >;
    const columns = Object.keys(rows[0] ?? {});
    const typed = (column: string) =>
      rows.every((r) => r[column] !== '' && !Number.isNaN(Number(r[column]))) ? 'Float64' : 'String';
    await warehouse.command({ query: `DROP TABLE IF EXISTS ${DATABASE}.${name}` });
    await warehouse.command({
      query: `CREATE TABLE ${DATABASE}.${name} (${columns.map((c) => `${c} ${typed(c)}`).join(', ')}) ENGINE = MergeTree ORDER BY (${columns.slice(0, 2).join(', ')})`,
    });
    const values = rows.map((r) =>
      Object.fromEntries(columns.map((c) => [c, typed(c) === 'Float64' ? Number(r[c]) : r[c]])),
    );
    await warehouse.insert({ table: `${DATABASE}.${name}`, values, format: 'JSONEachRow' });
    await warehouse.insert({
      table: STATE_TABLE,
      values: [{ name: `seed:${name}`, checksum }],
      format: 'JSONEachRow',
    });
    rebuilt.push(`seed:${name}`);
  }
}

function tableClauses(model: Model): string {
  const { engine, order_by, partition_by } = model.config;
  return `ENGINE = ${engine!}${partition_by ? ` PARTITION BY ${partition_by}` : ''} ORDER BY ${order_by!}`;
}

async function materialize(warehouse: Warehouse, model: Model) {
  const target = `${DATABASE}.${model.name}`;
  await warehouse.command({ query: `DROP VIEW IF EXISTS ${target}_mv` });
  await warehouse.command({ query: `DROP TABLE IF EXISTS ${target}` });
  switch (model.config.materialized) {
    case 'materialized_view':
      await warehouse.command({
        query: `CREATE TABLE ${target} ${tableClauses(model)} EMPTY AS ${model.select}`,
      });
      await warehouse.command({
        query: `CREATE MATERIALIZED VIEW ${target}_mv TO ${target} AS ${model.select}`,
      });
      // Back-fill history. An event landing between the two statements is written twice: identical rows,
      // which the ReplacingMergeTree collapses.
      await warehouse.command({ query: `INSERT INTO ${target} ${model.select}` });
      break;
    case 'table':
      await warehouse.command({ query: `CREATE TABLE ${target} ${tableClauses(model)} AS ${model.select}` });
      break;
    case 'refreshable':
      await warehouse.command({
        query: `CREATE MATERIALIZED VIEW ${target} REFRESH ${model.config.refresh ?? 'EVERY 1 MINUTE'} ${tableClauses(model)} AS ${model.select}`,
      });
      await refreshNow(warehouse, [model]);
      break;
    case 'view':
      await warehouse.command({ query: `CREATE VIEW ${target} AS ${model.select}` });
      break;
  }
}

/** Recomputes refreshable marts now and waits for them (after a bulk load, in tests). */
export async function refreshNow(warehouse: Warehouse, models: Model[] = loadModels()) {
  for (const model of models.filter((m) => m.config.materialized === 'refreshable')) {
    await warehouse.command({ query: `SYSTEM REFRESH VIEW ${DATABASE}.${model.name}` });
    await warehouse.command({ query: `SYSTEM WAIT VIEW ${DATABASE}.${model.name}` });
  }
}

/** Builds what changed; returns the names it (re)built. */
export async function buildModels(warehouse: Warehouse): Promise<string[]> {
  const applied = await appliedChecksums(warehouse);
  const rebuilt: string[] = [];
  await loadSeeds(warehouse, applied, rebuilt);
  for (const model of loadModels()) {
    const stale =
      applied.get(model.name) !== model.checksum ||
      model.refs.some((ref) => rebuilt.includes(ref)) ||
      !(await tableExists(warehouse, model.name));
    if (!stale) continue;
    await materialize(warehouse, model);
    await warehouse.insert({
      table: STATE_TABLE,
      values: [{ name: model.name, checksum: model.checksum }],
      format: 'JSONEachRow',
    });
    rebuilt.push(model.name);
  }
  return rebuilt;
}
