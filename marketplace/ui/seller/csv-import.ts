/**
 * The CSV import's per-row report. A dry run answers the problems in its body; a real import that finds any
 * answers 422 with each problem as a field `rows.<line>.<column>` (marketplace/catalog/csv-transfer.ts). Both
 * become the same table rows here, sorted by line.
 */
import type { RowProblem } from './types.ts';

const ROW_FIELD = /^rows\.(\d+)\.(.+)$/;

export function rowProblemsFrom(fields: Array<{ field: string; message: string }>): RowProblem[] {
  const rows: RowProblem[] = [];
  for (const f of fields) {
    const match = ROW_FIELD.exec(f.field);
    if (match) rows.push({ line: Number(match[1]), column: match[2]!, message: f.message });
  }
  return rows.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
}

/** The API takes at most this many characters of CSV in one request (api/routes/catalog-routes.ts). */
export const MAX_CSV_CHARS = 900_000;
