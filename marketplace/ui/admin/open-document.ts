/**
 * Opens a file behind the API (a KYB document) in a new tab. The access token lives in memory only, so the file
 * is fetched with it and the tab is pointed at a short-lived object URL. The tab is opened before the fetch,
 * inside the click, because browsers block windows opened later; if it is blocked anyway, the file is
 * downloaded instead (data/download.ts), so the reviewer always gets it.
 */
import type { Session } from '../auth/session.ts';
import { downloadWithSession } from '../data/download.ts';

export async function openInNewTab(session: Session, path: string, fileName: string): Promise<void> {
  const tab = window.open('', '_blank');
  if (!tab) return downloadWithSession(session, path, fileName);
  // The document needs nothing from this page; cut the link back to it.
  tab.opener = null;
  try {
    const response = await session.fetchOk(path);
    const url = URL.createObjectURL(await response.blob());
    tab.location.href = url;
    // Long enough for the tab to load it; the tab keeps its copy after that.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab.close();
    throw error;
  }
}
