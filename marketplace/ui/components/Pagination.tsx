import { Button } from './Button.tsx';
import { componentMessages as m } from './messages.ts';

/** Previous / next through a paged list, with where you are ("Page 2 of 40"). */
export function Pagination(props: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  label?: string;
}) {
  const page = Math.floor(props.offset / props.limit) + 1;
  const pages = Math.max(1, Math.ceil(props.total / props.limit));
  if (pages <= 1) return null;
  return (
    <nav className="ws-pagination" aria-label={props.label ?? m.pages}>
      <Button
        variant="secondary"
        disabled={page <= 1}
        onClick={() => props.onChange(Math.max(0, props.offset - props.limit))}
      >
        {m.previous}
      </Button>
      <span aria-live="polite">{m.pageOf(page, pages)}</span>
      <Button
        variant="secondary"
        disabled={page >= pages}
        onClick={() => props.onChange(props.offset + props.limit)}
      >
        {m.next}
      </Button>
    </nav>
  );
}
