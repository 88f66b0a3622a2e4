/**
 * The text area a message is written in: Enter sends, Shift+Enter starts a new line (and Enter that completes an
 * input method's composition, for Japanese or Chinese, does neither). Read-only while sending, so the text stays
 * in place and focused, and is sent exactly once.
 */
import type { KeyboardEvent } from 'react';
import { Field } from '../components/index.ts';

export function MessageField(props: {
  label: string;
  hint?: string;
  value: string;
  error?: string | null;
  busy: boolean;
  rows?: number;
  onChange: (value: string) => void;
  onSubmit: () => void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          rows={props.rows ?? 3}
          value={props.value}
          readOnly={props.busy}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={onKeyDown}
        />
      )}
    </Field>
  );
}
