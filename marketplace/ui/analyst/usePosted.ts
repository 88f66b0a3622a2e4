/**
 * A POST whose answer a page shows (a Cube load, a SQL query): loading, error (the API's problem as an
 * ApiError, so its words and status reach the screen) and data. It re-sends when the body or `run` changes, so
 * "Run again" with the same query asks again; an answer that arrives after a newer request is dropped.
 */
import { useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import type { ApiError } from '../auth/session.ts';

export interface Posted<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
}

export function usePosted<T>(path: string, body: string | null, run = 0): Posted<T> {
  const { session } = useSession();
  const [state, setState] = useState<Posted<T>>({ data: null, error: null, loading: body !== null });
  useEffect(() => {
    if (body === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let current = true;
    setState({ data: null, error: null, loading: true });
    session
      .fetchJson<T>(path, { method: 'POST', body })
      .then((data) => current && setState({ data, error: null, loading: false }))
      .catch((error: Error) => current && setState({ data: null, error, loading: false }));
    return () => {
      current = false;
    };
  }, [path, body, run, session]);
  return state;
}
