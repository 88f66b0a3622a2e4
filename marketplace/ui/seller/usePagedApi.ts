/**
 * A list the API pages with limit/offset but without a total (inventory levels and movements): one row more
 * than a page is asked for, so the page knows whether there is a next one.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../data/useApi.ts';

export function usePagedApi<T>(base: string | null, pageSize: number) {
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [base]);
  const path =
    base === null ? null : `${base}${base.includes('?') ? '&' : '?'}limit=${pageSize + 1}&offset=${offset}`;
  const resource = useApi<{ items: T[] }>(path);
  return {
    rows: resource.data ? resource.data.items.slice(0, pageSize) : null,
    hasNext: (resource.data?.items.length ?? 0) > pageSize,
    error: resource.error,
    offset,
    setOffset,
    reload: resource.reload,
  };
}
