/**
 * CSV of a result the browser already holds (the explorer's answer), RFC 4180: CRLF between records, fields
 * with a comma, a double quote or a line break quoted, quotes doubled. csv-stringify's browser build does the
 * quoting; it is loaded with the first export, not with the page.
 */
export async function csvOf(
  header: string[],
  rows: Array<Array<string | null | undefined>>,
): Promise<string> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  return stringify([header, ...rows.map((row) => row.map((value) => value ?? ''))], {
    record_delimiter: 'windows',
    // With an explicit record delimiter csv-stringify would quote only that one; a lone \n or \r must be too.
    quote_record_delimiter: true,
  });
}
