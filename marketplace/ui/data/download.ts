/**
 * Files behind the API (invoice PDFs, CSV exports) need the access token, which a plain link cannot carry (the
 * token lives in memory only, never in a cookie or URL). So the file is fetched with it and handed to the
 * browser as a download from a short-lived object URL.
 */
import type { Session } from '../auth/session.ts';

export async function downloadWithSession(
  session: Session,
  path: string,
  fallbackName: string,
): Promise<void> {
  const response = await session.fetchOk(path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
