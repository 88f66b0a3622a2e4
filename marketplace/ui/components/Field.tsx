import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * A labelled input with its hint and its error, wired with aria-describedby / aria-invalid so assistive
 * technology reads them with the field. `children` replaces the input (a select, a QuantityInput).
 */
export function Field({
  label,
  hint,
  error,
  children,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  children?: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ws-field', error ? 'ws-field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children ? (
        children({ id, describedBy, invalid: Boolean(error) })
      ) : (
        <input id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...input} />
      )}
      {hint && (
        <p className="ws-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="ws-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
