/**
 * Links into the SQL console. The statement rides in the address (`?sql=`) so it can be shared, unless it is too
 * long for one: a reload sends the address to the server, whose request headers stop at 16 KB, so a long
 * statement travels in the history state instead (it survives Back and Forward, not a shared link).
 */
const MAX_ENCODED_SQL_IN_LINK = 8_000;

export const fitsInLink = (sql: string) => encodeURIComponent(sql).length <= MAX_ENCODED_SQL_IN_LINK;

export function consoleLink(sql: string): { to: string; state: { sql: string } | undefined } {
  return fitsInLink(sql)
    ? { to: `/analytics/sql?${new URLSearchParams({ sql })}`, state: undefined }
    : { to: '/analytics/sql', state: { sql } };
}
