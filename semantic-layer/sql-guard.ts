/**
 * What the SQL console lets through, decided on ClickHouse's own parse of the statement (`EXPLAIN AST`), not
 * on our reading of the text. `readonly = 1` alone is not enough, as tried on chDB 3.4:
 * - a SETTINGS clause inside a subquery lifts readonly for that subquery (`SELECT * FROM (SELECT * FROM
 *   file('/etc/passwd') SETTINGS readonly = 0)` read the file);
 * - the scalar function `file()` reads local files even in readonly mode.
 * So: only queries; no SETTINGS anywhere; table functions only from a short list of generators; no function
 * that reaches files, the network or other servers; tables only from the warehouse's own database.
 */
import { DomainError } from '../platform/errors.ts';

const TABLE_FUNCTIONS_ALLOWED = new Set([
  'numbers',
  'numbers_mt',
  'zeros',
  'zeros_mt',
  'generate_series',
  'generateSeries',
]);
const FUNCTIONS_DENIED = new Set([
  'file',
  'url',
  's3',
  's3Cluster',
  'hdfs',
  'hdfsCluster',
  'azureBlobStorage',
  'azureBlobStorageCluster',
  'gcs',
  'remote',
  'remoteSecure',
  'cluster',
  'clusterAllReplicas',
  'executable',
  'mysql',
  'postgresql',
  'mongodb',
  'redis',
  'sqlite',
  'odbc',
  'jdbc',
  'input',
  'dictionary',
  'fuzzJSON',
  'view',
  'merge',
  'urlCluster',
  'deltaLake',
  'iceberg',
  'hudi',
  'getServerSetting',
  'filesystemAvailable',
  'filesystemCapacity',
]);
const DATABASES_ALLOWED = new Set(['wholesail']);
const SYSTEM_TABLES_ALLOWED = new Set(['system.tables', 'system.columns', 'system.parts', 'system.one']);

const refuse = (message: string) =>
  new DomainError(
    'forbidden',
    'read_only',
    `The SQL console only runs queries over the warehouse: ${message}.`,
    [{ field: 'sql', message }],
  );

/** Checks the lines of `EXPLAIN AST` output; throws the first reason to refuse. */
export function checkAst(astLines: string[]): void {
  const lines = astLines.map((raw) => {
    const text = raw.replace(/^"|"$/g, '');
    const indent = text.length - text.trimStart().length;
    return { indent, node: text.trim() };
  });
  const root = lines[0]?.node ?? '';
  if (!root.startsWith('SelectWithUnionQuery'))
    throw refuse(`only SELECT (or WITH ... SELECT) statements, not ${root.split(' ')[0]}`);
  lines.forEach((line, i) => {
    if (line.node === 'Set' || line.node.startsWith('Set ')) throw refuse('SETTINGS clauses are not allowed');
    const fn = /^Function (\w+)/.exec(line.node)?.[1];
    if (fn && FUNCTIONS_DENIED.has(fn)) throw refuse(`function ${fn}() is not allowed`);
    if (
      fn &&
      lines[i - 1]?.node.startsWith('TableExpression') &&
      lines[i - 1]!.indent === line.indent - 1 &&
      !TABLE_FUNCTIONS_ALLOWED.has(fn)
    ) {
      throw refuse(`table function ${fn}() is not allowed`);
    }
    const table = /^TableIdentifier ([\w.]+)/.exec(line.node)?.[1];
    if (table) {
      const [database, name] = table.includes('.') ? table.split('.') : [undefined, table];
      if (!database) throw refuse(`qualify table ${name} with its database, e.g. wholesail.${name}`);
      if (!DATABASES_ALLOWED.has(database) && !SYSTEM_TABLES_ALLOWED.has(table))
        throw refuse(`table ${table} is outside the warehouse`);
    }
  });
}
