/**
 * Cube's `/sql` answers the compiled SQL with `?` placeholders and their values apart, as the warehouse receives
 * them. To read it, or take it to the SQL console, the values are written in as ClickHouse literals, the way the
 * gateway itself inlines them before running (formatMySql): strings quoted with backslash escapes, numbers as
 * they are. Question marks inside quoted strings and identifiers are text, not placeholders.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(sqlLiteral).join(', ');
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function inlineParams(sql: string, params: unknown[]): string {
  let out = '';
  let next = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      out += ch;
      if (ch === '\\' && quote === "'") {
        out += sql[++i] ?? '';
      } else if (ch === quote) {
        // A doubled quote stays inside the string.
        if (sql[i + 1] === quote) out += sql[++i];
        else quote = null;
      }
    } else if (ch === "'" || ch === '`' || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?' && next < params.length) {
      out += sqlLiteral(params[next++]);
    } else {
      out += ch;
    }
  }
  return out;
}
