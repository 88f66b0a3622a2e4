/**
 * Files the analysts take away. The SQL console's exports are made by the API (a POST with the query, so the
 * access token, which lives in memory only, goes in its header): they go through data/download.ts like every
 * authenticated download. The explorer's CSV is made in the browser from the answer on screen and saved directly.
 */
import type { Session } from '../auth/session.ts';
import { downloadPostWithSession } from '../data/download.ts';

export function downloadSqlExport(session: Session, sql: string, format: 'csv' | 'parquet'): Promise<void> {
  return downloadPostWithSession(
    session,
    '/api/v1/analytics/sql',
    { sql, format },
    `wholesail-export.${format}`,
  );
}

/** Hands a file made in the browser to the browser as a download. */
export function saveFile(content: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
