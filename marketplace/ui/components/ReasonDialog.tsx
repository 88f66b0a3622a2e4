import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from './Button.tsx';
import { Field } from './Field.tsx';
import { componentMessages as m } from './messages.ts';
import { Notice } from './Notice.tsx';

/**
 * A modal that asks why before an action that is recorded with a reason (suspend, reinstate, hide a listing).
 * It is the browser's own <dialog> opened with showModal(): focus moves into it and stays there, Escape closes
 * it, and the page behind is inert. The reason must have `minLength` characters; `error` shows the API's
 * refusal inside the dialog, so nothing is lost when the action fails.
 */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  description?: ReactNode;
  label: string;
  hint?: string;
  confirmLabel: string;
  cancelLabel?: string;
  minLength?: number;
  tooShort?: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const minLength = props.minLength ?? 3;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      setReason('');
      setProblem(null);
      element.showModal();
    } else if (!props.open && element.open) element.close();
  }, [props.open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < minLength) return setProblem(props.tooShort ?? m.reasonTooShort(minLength));
    setProblem(null);
    props.onConfirm(reason.trim());
  };

  return (
    <dialog ref={dialog} className="ws-dialog" aria-labelledby={titleId} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="ws-dialog__title">
          {props.title}
        </h2>
        {props.description && <div className="ws-dialog__text">{props.description}</div>}
        <Field label={props.label} hint={props.hint} error={problem}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={3}
              maxLength={1000}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (problem && e.target.value.trim().length >= minLength) setProblem(null);
              }}
            />
          )}
        </Field>
        {props.error && (
          <Notice tone="negative" alert>
            {props.error}
          </Notice>
        )}
        <div className="ws-dialog__actions">
          <Button variant="secondary" onClick={props.onClose}>
            {props.cancelLabel ?? m.cancel}
          </Button>
          <Button type="submit" busy={props.busy}>
            {props.confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
