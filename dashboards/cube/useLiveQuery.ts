import type { Query, ResultSet } from '@cubejs-client/core';
import { useCubeQuery } from '@cubejs-client/react';
import { useEffect, useRef } from 'react';

/** How often a visible dashboard asks again. The gateway caches by data version, so an unchanged answer is cheap. */
export const LIVE_INTERVAL_MS = 2_000;

export interface LiveQuery {
  resultSet: ResultSet | null;
  /** True only before the first answer; later refreshes keep showing the previous answer. */
  loading: boolean;
  error: Error | null;
}

/**
 * `useCubeQuery`, re-run every two seconds while the tab is visible and at once when it becomes visible again,
 * so new orders appear without a reload. A refresh never starts while the previous one is still running.
 * Several queries (an array) go in one request; read them with `resultSet.decompose()`. A changed query (a new
 * period or filter) drops the old answer, so the card shows its skeleton rather than stale figures.
 */
export function useLiveQuery(
  query: Query | Query[],
  options: { live?: boolean; skip?: boolean } = {},
): LiveQuery {
  const { resultSet, isLoading, error, refetch } = useCubeQuery(query, { skip: options.skip });
  const latest = useRef({ refetch, isLoading });
  latest.current = { refetch, isLoading };
  const live = (options.live ?? true) && !options.skip;

  useEffect(() => {
    if (!live) return;
    const refresh = () => {
      if (document.visibilityState !== 'visible' || latest.current.isLoading) return;
      void latest.current.refetch();
    };
    const timer = window.setInterval(refresh, LIVE_INTERVAL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [live]);

  return { resultSet, loading: isLoading && !resultSet, error: resultSet ? null : error };
}
