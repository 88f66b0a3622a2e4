import { useEffect, useState } from 'react';
import { componentMessages as m } from './messages.ts';

/**
 * A number of units that steps by the case pack: − and + move one case at a time and stop at `min` (the MOQ),
 * while typing accepts any whole number, so a buyer can enter what they want and be told what is wrong with it.
 * `onChange` fires with each valid whole number; `onCommit` when the buyer leaves the field or presses Enter.
 */
export function QuantityInput(props: {
  id?: string;
  value: number;
  step: number;
  min: number;
  label: string;
  describedBy?: string;
  invalid?: boolean;
  onChange: (value: number) => void;
  onCommit?: (value: number) => void;
}) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const step = Math.max(1, props.step);

  const set = (value: number, commit = false) => {
    setText(String(value));
    props.onChange(value);
    if (commit) props.onCommit?.(value);
  };
  const down = Math.max(props.min, Math.ceil(props.value / step) * step - step);
  const up = props.value < props.min ? props.min : Math.floor(props.value / step) * step + step;

  return (
    <div className="ws-quantity">
      <button
        type="button"
        aria-label={m.caseFewer(step)}
        disabled={props.value <= props.min}
        onClick={() => set(down, true)}
      >
        −
      </button>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={1}
        step={step}
        value={text}
        aria-label={props.id ? undefined : props.label}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n >= 1) props.onChange(n);
        }}
        onBlur={() => {
          const n = Number(text);
          if (Number.isInteger(n) && n >= 1 && n !== props.value) props.onCommit?.(n);
          else if (!(Number.isInteger(n) && n >= 1)) setText(String(props.value));
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          const n = Number(text);
          if (Number.isInteger(n) && n >= 1) {
            e.preventDefault();
            props.onCommit?.(n);
          }
        }}
      />
      <button type="button" aria-label={m.caseMore(step)} onClick={() => set(up, true)}>
        +
      </button>
    </div>
  );
}
