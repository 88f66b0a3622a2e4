import type { ReactNode } from 'react';
import { EmptyState, Skeleton } from '../../marketplace/ui/components/index.ts';
import type { LiveQuery } from '../cube/useLiveQuery.ts';
import { chartMessages as m } from './messages.ts';

/**
 * The three states every dashboard card has: loading (skeleton), failed (say what the API said), empty (say
 * why), else the content. Keeps the pages free of the same four branches.
 */
export function QueryState(props: {
  query: LiveQuery;
  isEmpty: boolean;
  empty: ReactNode;
  height?: number;
  children: () => ReactNode;
}) {
  if (props.query.loading) return <Skeleton height={props.height ?? 200} />;
  if (props.query.error)
    return <EmptyState title={m.failedTitle}>{props.query.error.message || m.noAnswer}</EmptyState>;
  if (props.isEmpty) return <>{props.empty}</>;
  return <>{props.children()}</>;
}
