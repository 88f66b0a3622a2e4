/**
 * Files the analysts take away. The SQL console's exports are made by the API (a POST with the query, so the
 * access token, which lives in memory only, goes in its header): they go through data/download.ts like every
 * authenticated download, lent a fetch that posts. The explorer's CSV is made in the browser from the answer
 * on screen and saved directly.
 */
import type { Session } from '../auth/session.ts';
import { downloadWithSession } from '../data/download.ts';

/** `session`, except that its downloads are sent as a POST of `body` (download.ts itself only GETs). */
function postingSession(session: Session, body: unknown): Session {
  const posting = Object.create(session) as Session;
  posting.fetchOk = (path: string) => session.fetchOk(path, { method: 'POST', body: JSON.stringify(body) });
  return posting;
}

export function downloadSqlExport(session: Session, sql: string, format: 'csv' | 'parquet'): Promise<void> {
  return downloadWithSession(
    postingSession(session, { sql, format }),
    '/api/v1/analytics/sql',
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
