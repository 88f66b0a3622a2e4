/**
 * The warehouse's models, dbt-shaped: one SELECT per file under models/, with dbt's `config`, `source` and
 * `ref` (the only template features we support, so the same files run under dbt-clickhouse on a server).
 * This module reads and renders them; build.ts materializes them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MODELS_DIR = path.join(import.meta.dirname, 'models');
export const SEEDS_DIR = path.join(import.meta.dirname, 'seeds');
export const DATABASE = 'wholesail';

export interface ModelConfig {
  materialized: 'materialized_view' | 'table' | 'refreshable' | 'view';
  /** Required for everything but views, which store nothing. */
  engine?: string;
  order_by?: string;
  partition_by?: string;
  refresh?: string;
}

export interface Model {
  name: string;
  file: string;
  config: ModelConfig;
  /** The SELECT with sources and refs resolved to `wholesail.<table>`. */
  select: string;
  refs: string[];
  checksum: string;
}

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sqlFiles(full) : entry.endsWith('.sql') ? [full] : [];
  });
}

export function parseModel(file: string, text: string): Model {
  const name = path.basename(file, '.sql');
  const configMatch = /\{\{\s*config\(([\s\S]*?)\)\s*\}\}/.exec(text);
  if (!configMatch)
    throw new Error(`${file}: a model starts with {{ config(materialized=..., engine=..., order_by=...) }}`);
  const config = Object.fromEntries(
    [...configMatch[1]!.matchAll(/(\w+)\s*=\s*'([^']*)'/g)].map((m) => [m[1], m[2]]),
  ) as unknown as ModelConfig;
  if (!['materialized_view', 'table', 'refreshable', 'view'].includes(config.materialized)) {
    throw new Error(`${file}: materialized must be materialized_view, table, refreshable or view`);
  }
  if (config.materialized !== 'view' && (!config.engine || !config.order_by))
    throw new Error(`${file}: config needs engine and order_by`);
  const refs: string[] = [];
  const select = text
    .replace(configMatch[0], '')
    .replace(
      /\{\{\s*source\(\s*'[^']+'\s*,\s*'([^']+)'\s*\)\s*\}\}/g,
      (_m, table: string) => `${DATABASE}.${table}`,
    )
    .replace(/\{\{\s*ref\(\s*'([^']+)'\s*\)\s*\}\}/g, (_m, ref: string) => {
      refs.push(ref);
      return `${DATABASE}.${ref}`;
    })
    .replace(/^\s*--.*$/gm, '')
    .trim();
  if (/\{\{|\{%/.test(select))
    throw new Error(`${file}: only config, source and ref templates are supported`);
  const checksum = createHash('sha256')
    .update(JSON.stringify(config))
    .update(select)
    .digest('hex')
    .slice(0, 16);
  return { name, file, config, select, refs: [...new Set(refs)], checksum };
}

/** All models, dependencies before dependents. */
export function loadModels(dir = MODELS_DIR): Model[] {
  const models = sqlFiles(dir).map((file) => parseModel(file, readFileSync(file, 'utf8')));
  const seedNames = new Set(
    readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => path.basename(f, '.csv')),
  );
  const byName = new Map(models.map((m) => [m.name, m]));
  const ordered: Model[] = [];
  const visiting = new Set<string>();
  const visit = (model: Model) => {
    if (ordered.includes(model)) return;
    if (visiting.has(model.name))
      throw new Error(`models reference each other in a cycle through ${model.name}`);
    visiting.add(model.name);
    for (const ref of model.refs) {
      const dep = byName.get(ref);
      if (dep) visit(dep);
      else if (!seedNames.has(ref)) throw new Error(`${model.file}: ref('${ref}') names no model or seed`);
    }
    ordered.push(model);
  };
  models.sort((a, b) => a.name.localeCompare(b.name)).forEach(visit);
  return ordered;
}
