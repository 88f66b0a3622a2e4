import { componentMessages as m } from './messages.ts';

/** A grey placeholder of the size of what is loading; announced once as "Loading" to screen readers. */
export function Skeleton(props: { height?: number | string; width?: number | string; label?: string }) {
  return (
    <div
      className="ws-skeleton"
      role="status"
      aria-label={props.label ?? m.loading}
      style={{ height: props.height ?? 16, width: props.width ?? '100%' }}
    />
  );
}
