/**
 * Data tests in the spirit of dbt's generic tests, read from models/schema.yml: unique, not_null,
 * accepted_values, relationships, and the model-level unique_combination and expression_is_true (after
 * dbt_utils: a SQL condition every row must meet). Each compiles to a query counting the rows that break it; a
 * test passes at zero. The same YAML runs under dbt on a ClickHouse server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Warehouse } from './client.ts';
import { DATABASE, MODELS_DIR, loadModels } from './models.ts';

type TestSpec = string | Record<string, Record<string, unknown>>;
interface Column {
  name: string;
  tests?: TestSpec[];
}
interface Entry {
  name: string;
  grain?: string;
  tests?: TestSpec[];
  columns?: Column[];
}

export interface DataTestResult {
  model: string;
  test: string;
  failures: number;
  sql: string;
}

const quote = (v: unknown) => `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const refTable = (ref: string) => `${DATABASE}.${/ref\('([^']+)'\)/.exec(ref)?.[1] ?? ref}`;

export function compileDataTests(): Array<{ model: string; test: string; sql: string }> {
  const schema = parse(readFileSync(path.join(MODELS_DIR, 'schema.yml'), 'utf8')) as {
    models?: Entry[];
    seeds?: Entry[];
  };
  // Engines that collapse rows on merge: read through FINAL, or a test would see rows not yet merged.
  const collapsing = new Set(
    loadModels()
      .filter((m) => /^(Replacing|Aggregating)/.test(m.config.engine ?? ''))
      .map((m) => m.name),
  );
  const from = (name: string) => `${DATABASE}.${name}${collapsing.has(name) ? ' FINAL' : ''}`;
  const compiled: Array<{ model: string; test: string; sql: string }> = [];

  for (const entry of [...(schema.models ?? []), ...(schema.seeds ?? [])]) {
    const table = from(entry.name);
    const add = (test: string, sql: string) => compiled.push({ model: entry.name, test, sql });
    for (const spec of entry.tests ?? []) {
      const [kind, args] = typeof spec === 'string' ? [spec, {}] : Object.entries(spec)[0]!;
      if (kind === 'unique_combination') {
        const columns = (args as { columns: string[] }).columns.join(', ');
        add(
          `unique_combination(${columns})`,
          `SELECT count() AS failures FROM (SELECT ${columns} FROM ${table} GROUP BY ${columns} HAVING count() > 1)`,
        );
      } else if (kind === 'expression_is_true') {
        const expression = (args as { expression: string }).expression;
        add(
          `expression_is_true(${expression})`,
          `SELECT count() AS failures FROM ${table} WHERE NOT (${expression})`,
        );
      } else throw new Error(`schema.yml: ${entry.name}: unknown model test ${kind}`);
    }
    for (const column of entry.columns ?? []) {
      const c = column.name;
      for (const spec of column.tests ?? []) {
        const [kind, args] =
          typeof spec === 'string' ? [spec, {} as Record<string, unknown>] : Object.entries(spec)[0]!;
        switch (kind) {
          case 'unique':
            add(
              `unique(${c})`,
              `SELECT count() AS failures FROM (SELECT ${c} FROM ${table} GROUP BY ${c} HAVING count() > 1)`,
            );
            break;
          case 'not_null':
            // ClickHouse columns are rarely Nullable: an empty string is the "missing" a loader would produce.
            add(
              `not_null(${c})`,
              `SELECT count() AS failures FROM ${table} WHERE isNull(${c}) OR toString(${c}) = ''`,
            );
            break;
          case 'accepted_values': {
            const values = (args.values as unknown[]).map(quote).join(', ');
            add(
              `accepted_values(${c})`,
              `SELECT count() AS failures FROM ${table} WHERE toString(${c}) NOT IN (${values})`,
            );
            break;
          }
          case 'relationships': {
            const parent = refTable(String(args.to));
            add(
              `relationships(${c} -> ${parent}.${String(args.field)})`,
              `SELECT count() AS failures FROM ${table} WHERE toString(${c}) != '' AND toString(${c}) NOT IN (SELECT toString(${String(args.field)}) FROM ${parent})`,
            );
            break;
          }
          default:
            throw new Error(`schema.yml: ${entry.name}.${c}: unknown column test ${kind}`);
        }
      }
    }
  }
  return compiled;
}

export async function runDataTests(warehouse: Warehouse): Promise<DataTestResult[]> {
  const results: DataTestResult[] = [];
  for (const test of compileDataTests()) {
    const result = await warehouse.query({ query: test.sql, format: 'JSONEachRow' });
    const [row] = await result.json<{ failures: string }>();
    results.push({ ...test, failures: Number(row?.failures ?? 0) });
  }
  return results;
}
