/**
 * Files behind the API (invoice PDFs, CSV exports, the SQL console's CSV and Parquet) need the access token,
 * which a plain link or form cannot carry (the token lives in memory only, never in a cookie or URL). So the file
 * is fetched with it, through the session (which refreshes an expired token and turns a refusal into an ApiError
 * with the API's words), and handed to the browser as a download from a short-lived object URL, named as the
 * API's Content-Disposition says.
 */
import type { Session } from '../auth/session.ts';

/** GET `path` and save the answer. */
export function downloadWithSession(session: Session, path: string, fallbackName: string): Promise<void> {
  return download(session, path, {}, fallbackName);
}

/** POST `body` (as JSON) to `path` and save the answer: exports of a query the caller sends. */
export function downloadPostWithSession(
  session: Session,
  path: string,
  body: unknown,
  fallbackName: string,
): Promise<void> {
  return download(session, path, { method: 'POST', body: JSON.stringify(body) }, fallbackName);
}

async function download(session: Session, path: string, init: RequestInit, fallbackName: string) {
  const response = await session.fetchOk(path, init);
  const name = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
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

/**
 * The file name a Content-Disposition header gives (RFC 6266): the UTF-8 `filename*` when present (Express
 * writes it for names outside ASCII), else `filename`, quoted or not; `fallback` when there is none.
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed escape: the plain name below, or the fallback.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(disposition);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name?.trim() ? name : fallback;
}
