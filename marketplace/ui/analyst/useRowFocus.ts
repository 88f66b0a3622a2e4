/**
 * Keeps a keyboard user's place when rows are added or removed with a button (filters, order): focus moves to
 * the new row's first field, or after a removal to the add button (or the section itself), instead of falling
 * back to the top of the page.
 */
import { useEffect, useRef } from 'react';

export function useRowFocus(count: number) {
  const section = useRef<HTMLFieldSetElement>(null);
  const previous = useRef(count);
  useEffect(() => {
    const root = section.current;
    if (root && count > previous.current)
      root.querySelector<HTMLElement>('.explore-rows > li:last-child :is(select, input, textarea)')?.focus();
    else if (root && count < previous.current)
      (
        root.querySelector<HTMLElement>('[data-add-row]') ?? root.querySelector<HTMLElement>('select, input')
      )?.focus();
    previous.current = count;
  }, [count]);
  return section;
}
