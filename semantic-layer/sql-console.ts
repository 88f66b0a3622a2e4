/**
 * The analysts' read-only SQL console over the warehouse. Platform staff see every row under the row rules
 * (their access policies allow all), so SQL is open to them and to nobody else: a company's people query
 * through the semantic layer, where their row rule is enforced. Read-only is ClickHouse's own `readonly=1`,
 * which also forbids table functions (file, url, remote) and changing settings from the query, so the
 * limits below cannot be lifted by the SQL itself.
 */
import type { Readable } from 'node:stream';
import { DomainError, forbidden } from '../platform/errors.ts';
import type { Principal } from '../platform/principal.ts';
import type { Warehouse } from '../warehouse/client.ts';
import { checkAst } from './sql-guard.ts';

export type ExportFormat = 'json' | 'csv' | 'parquet';

const SQL_ROLES = new Set(['analyst', 'admin', 'executive']);
/** On-screen answers stop here (flagged `truncated`); exports go up to the connection's max_result_rows. */
const SCREEN_ROWS = 10_000;
export const SQL_CONSOLE_LIMITS = {
  max_execution_time: 30,
  max_result_rows: 1_000_000,
  result_overflow_mode: 'throw',
  max_memory_usage: 4 * 2 ** 30,
};
const CLICKHOUSE_FORMAT = { csv: 'CSVWithNames', parquet: 'Parquet' } as const;

function assertAllowed(principal: Principal) {
  if (principal.companyKind !== 'platform' || !SQL_ROLES.has(principal.role)) {
    throw forbidden('The SQL console is for platform analysts; query your data through /cubejs-api/v1/load.');
  }
}

function clientError(error: unknown): never {
  if (error instanceof DomainError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  const readonly = /readonly mode/i.test(message);
  throw new DomainError(
    readonly ? 'forbidden' : 'invalid_input',
    readonly ? 'read_only' : 'sql_error',
    readonly
      ? `The SQL console is read-only: ${message.trim()}`
      : `The warehouse refused the query: ${message.trim()}`,
    [{ field: 'sql', message: message.trim().split('\n')[0]!.slice(0, 300) }],
  );
}

/** `warehouse` must be the read-only connection from openReadOnlyWarehouse (warehouse/client.ts). */
export function createSqlConsole(warehouse: Warehouse) {
  /** Parses the statement with ClickHouse itself and refuses what sql-guard.ts does not allow. */
  async function inspect(statement: string) {
    let lines: string[];
    try {
      const ast = await warehouse.query({ query: `EXPLAIN AST ${statement}`, format: 'TabSeparatedRaw' });
      lines = (await ast.text()).split('\n').filter(Boolean);
    } catch (error) {
      clientError(error);
    }
    checkAst(lines);
  }

  async function query(principal: Principal, sql: string) {
    assertAllowed(principal);
    const started = Date.now();
    try {
      // One row past the screen limit tells us the answer was cut.
      const statement = sql.replace(/;\s*$/, '');
      await inspect(statement);
      const bounded = `SELECT * FROM (\n${statement}\n) LIMIT ${SCREEN_ROWS + 1}`;
      const result = await warehouse.query({ query: bounded, format: 'JSONCompactEachRowWithNamesAndTypes' });
      const [names, types, ...rows] = await result.json<unknown[]>();
      const columns = (names as string[]).map((name, i) => ({ name, type: String((types as string[])[i]) }));
      const truncated = rows.length > SCREEN_ROWS;
      if (truncated) rows.length = SCREEN_ROWS;
      return { columns, rows, rowCount: rows.length, truncated, elapsedMs: Date.now() - started };
    } catch (error) {
      clientError(error);
    }
  }

  async function exportRows(
    principal: Principal,
    sql: string,
    format: Exclude<ExportFormat, 'json'>,
  ): Promise<Readable> {
    assertAllowed(principal);
    try {
      // exec streams the warehouse's own bytes (CSV text or a Parquet file) without parsing them.
      await inspect(sql.replace(/;\s*$/, ''));
      const result = await warehouse.exec({
        query: `${sql.replace(/;\s*$/, '')}\nFORMAT ${CLICKHOUSE_FORMAT[format]}`,
      });
      return result.stream;
    } catch (error) {
      clientError(error);
    }
  }

  return { query, exportRows };
}

export type SqlConsole = ReturnType<typeof createSqlConsole>;
