import { Button } from './Button.tsx';
import { componentMessages as m } from './messages.ts';

/**
 * Previous / next through a list the API pages without a total (inventory levels, movements): "Page 2" is
 * announced politely; hidden when everything fits on the first page.
 */
export function PrevNext(props: {
  offset: number;
  limit: number;
  hasNext: boolean;
  onChange: (offset: number) => void;
  label?: string;
}) {
  const page = Math.floor(props.offset / props.limit) + 1;
  if (page <= 1 && !props.hasNext) return null;
  return (
    <nav className="ws-pagination" aria-label={props.label ?? m.pages}>
      <Button
        variant="secondary"
        disabled={page <= 1}
        onClick={() => props.onChange(Math.max(0, props.offset - props.limit))}
      >
        {m.previous}
      </Button>
      <span aria-live="polite">{m.page(page)}</span>
      <Button
        variant="secondary"
        disabled={!props.hasNext}
        onClick={() => props.onChange(props.offset + props.limit)}
      >
        {m.next}
      </Button>
    </nav>
  );
}
