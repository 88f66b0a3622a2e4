/**
 * CSV export of what a card shows, made in the browser from the figures already on screen (the card's own Cube
 * answer: never a bigger download). csv-stringify's browser build does the RFC 4180 quoting; it loads on the
 * first export, not with the dashboard.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** One column of an export: its header and how to read it from a row (numbers unformatted, money in dollars). */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** Integer cents as a plain decimal ("123456" -> "1234.56"), from the digits so no float rounds it. */
export function centsToDecimal(cents: number | null): string {
  if (cents === null || !Number.isFinite(cents)) return '';
  const whole = Math.round(cents);
  const digits = Math.abs(whole).toString().padStart(3, '0');
  return `${whole < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The CSV text of rows: a header line, then one record per row, CRLF line ends, quoted where needed. */
export async function toCsv<Row>(columns: Array<CsvColumn<Row>>, rows: Row[]): Promise<string> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  return stringify(
    rows.map((row) => columns.map((c) => c.value(row) ?? '')),
    {
      header: true,
      columns: columns.map((c) => c.header),
      record_delimiter: 'windows',
      cast: { boolean: (b) => (b ? 'true' : 'false') },
    },
  );
}

/** Hands a file to the browser as a download (a link to an object URL, clicked and thrown away). */
export function saveFile(name: string, content: Blob | string, type = 'text/csv;charset=utf-8') {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  saveUrl(name, url);
  // The click has started the download by the next task; the URL is not needed after it.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function saveUrl(name: string, url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** A file name from a card title and the period: "gmv-by-month-2026-10-30-to-2026-11-28.csv". */
export function exportName(title: string, range: { from: string; to: string } | null, extension: string) {
  // Accents off first ("categoría" -> "categoria"), so a translated title still names the file in plain letters.
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}${range ? `-${range.from}-to-${range.to}` : ''}.${extension}`;
}
