/**
 * Choosing 1 to 5 stars: a fieldset of native radio buttons (arrow keys move between them, the legend names the
 * question), drawn as stars. `optional` adds a "Not rated" choice for ratings the API does not require.
 */
import { useId } from 'react';
import { reviewMessages as m } from './messages.ts';

export function StarInput(props: {
  legend: string;
  value: number | null;
  onChange: (value: number | null) => void;
  optional?: boolean;
  error?: string | null;
}) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset
      className={['star-input', props.error ? 'star-input--invalid' : null].filter(Boolean).join(' ')}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend>{props.legend}</legend>
      <div className="star-input__choices">
        {[1, 2, 3, 4, 5].map((stars) => (
          <label
            key={stars}
            className="star-input__star"
            data-lit={props.value !== null && stars <= props.value}
          >
            <input
              type="radio"
              name={name}
              value={stars}
              checked={props.value === stars}
              onChange={() => props.onChange(stars)}
            />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">{m.starsLabel(stars)}</span>
          </label>
        ))}
        {props.optional && (
          <label className="star-input__none">
            <input
              type="radio"
              name={name}
              value=""
              checked={props.value === null}
              onChange={() => props.onChange(null)}
            />
            <span>{m.notRated}</span>
          </label>
        )}
      </div>
      {props.error && (
        <p className="ws-field__error" id={errorId}>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
