/**
 * The inbox's thread list: the first page, older pages on request ("Load older conversations": the API pages by
 * offset without a total, so a full page means there may be more), and a re-read of the first page every few
 * seconds while the tab is visible, so new conversations and replies move to the top without a reload. The open
 * conversation hands back what it learns (a read marker, a reply) through `upsert`, so the row changes at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { messageOf } from '../data/useApi.ts';
import { mergeThreads, upsertThread } from './conversation-state.ts';
import type { Thread } from './types.ts';

export const THREAD_PAGE = 25;
const REFRESH_MS = 10_000;

export interface ThreadList {
  threads: Thread[] | null;
  error: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  upsert: (thread: Thread) => void;
}

const pagePath = (offset: number) => `/api/v1/messages/threads?limit=${THREAD_PAGE}&offset=${offset}`;

export function useThreadList(): ThreadList {
  const { session } = useSession();
  const [threads, setThreads] = useState<Thread[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  /** Rows paged in so far: where the next older page starts. */
  const paged = useRef(0);

  const readFirstPage = useCallback(
    async (quiet: boolean) => {
      try {
        const { items } = await session.fetchJson<{ items: Thread[] }>(pagePath(0));
        setThreads((current) => mergeThreads(current ?? [], items));
        paged.current = Math.max(paged.current, items.length);
        if (!quiet) setHasOlder(items.length === THREAD_PAGE);
        setError(null);
      } catch (e) {
        // A failed background re-read keeps the list on screen; a failed first read says why.
        if (!quiet) setError(messageOf(e));
      }
    },
    [session],
  );

  useEffect(() => {
    void readFirstPage(false);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void readFirstPage(true);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [readFirstPage]);

  const loadOlder = useCallback(() => {
    setLoadingOlder(true);
    session
      .fetchJson<{ items: Thread[] }>(pagePath(paged.current))
      .then(({ items }) => {
        paged.current += items.length;
        setThreads((current) => mergeThreads(items, current ?? []));
        setHasOlder(items.length === THREAD_PAGE);
        setError(null);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setLoadingOlder(false));
  }, [session]);

  const upsert = useCallback(
    (thread: Thread) => setThreads((current) => upsertThread(current ?? [], thread)),
    [],
  );

  return { threads, error, hasOlder, loadingOlder, loadOlder, upsert };
}
