/**
 * The SQL console's answer (`POST /api/v1/analytics/sql`, format json) and how its values are shown: exactly as
 * the warehouse returned them, like ClickHouse's own client (64-bit integers arrive as strings so no digit is
 * lost), NULL spelled out, arrays and maps as JSON. Numeric columns align right.
 */
export interface SqlAnswer {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  elapsedMs: number;
}

const NUMERIC = /^(Nullable\()?(LowCardinality\()?(U?Int\d+|Float\d+|Decimal)/;

export const isNumericType = (type: string) => NUMERIC.test(type);

export function sqlCellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

export interface TableColumns {
  table: string;
  columns: Array<{ name: string; type: string }>;
}

/** `table, name, type` rows (SCHEMA_SQL) grouped by table, in the order they came. */
export function groupColumns(rows: unknown[][]): TableColumns[] {
  const tables = new Map<string, TableColumns>();
  for (const [table, name, type] of rows) {
    const key = String(table);
    if (!tables.has(key)) tables.set(key, { table: key, columns: [] });
    tables.get(key)!.columns.push({ name: String(name), type: String(type) });
  }
  return [...tables.values()];
}
