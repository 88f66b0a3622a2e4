/** A rating shown as five stars; the stars are decoration, the words are what assistive technology reads. */
import { reviewMessages as m } from './messages.ts';

export function Stars({ value }: { value: number }) {
  const full = Math.round(value);
  return (
    <span className="review-stars" role="img" aria-label={m.outOf5(value)}>
      <span aria-hidden="true">
        {'★'.repeat(full)}
        <span className="review-stars__empty">{'★'.repeat(5 - full)}</span>
      </span>
    </span>
  );
}
