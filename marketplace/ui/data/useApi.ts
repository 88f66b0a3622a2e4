/** Reading API resources in components: loading, error and data, and a reload after a change. */
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { ApiError } from '../auth/session.ts';
import { dataMessages as m } from './messages.ts';

export interface Resource<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replace the data with an answer the API already gave (a PATCH returning the new state). */
  set: (data: T) => void;
}

/** GET `path` (null: nothing to load yet). `refreshMs` re-reads it while the tab is visible. */
export function useApi<T>(path: string | null, options: { refreshMs?: number } = {}): Resource<T> {
  const { session } = useSession();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(path !== null);

  const load = useCallback(
    async (quiet: boolean) => {
      if (path === null) return;
      if (!quiet) setLoading(true);
      try {
        const answer = await session.fetchJson<T>(path);
        setData(answer);
        setError(null);
      } catch (e) {
        // A failed background refresh keeps what is on screen; a failed first load shows the error.
        if (!quiet) setError(e as Error);
      } finally {
        if (!quiet) setLoading(false);
      }
    },
    [path, session],
  );

  useEffect(() => {
    setData(null);
    void load(false);
  }, [load]);

  useEffect(() => {
    if (!options.refreshMs || path === null) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load(true);
    }, options.refreshMs);
    return () => clearInterval(timer);
  }, [load, options.refreshMs, path]);

  return { data, error, loading, reload: () => load(true), set: setData };
}

/** The signed-in session's request function, for POST/PATCH/DELETE from event handlers. */
export function useApiSend() {
  const { session } = useSession();
  return useCallback(
    <T>(path: string, method: string, body?: unknown, headers: Record<string, string> = {}) =>
      session.fetchJson<T>(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    [session],
  );
}

export const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : error instanceof TypeError ? m.unreachable : m.failed;
