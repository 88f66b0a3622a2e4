/**
 * An admin action that needs a reason (suspend or reinstate a company or user, hide or show a listing): which
 * row and action are being confirmed, the request, and the outcome. The reason dialog stays open with the API's
 * refusal when the action fails; on success it closes, the list is re-read and a notice says what happened.
 */
import { useState } from 'react';
import { ReasonDialog } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { adminMessages as m } from './messages.ts';

export interface StatusAction<Row, A extends string> {
  target: { row: Row; action: A } | null;
  busy: boolean;
  error: string | null;
  flash: string | null;
  start: (row: Row, action: A) => void;
  confirm: (reason: string) => Promise<void>;
  close: () => void;
}

export function useStatusAction<Row, A extends string = 'suspend' | 'reinstate'>(options: {
  path: (row: Row, action: A) => string;
  done: (row: Row, action: A) => string;
  onDone: () => Promise<void> | void;
}): StatusAction<Row, A> {
  const send = useApiSend();
  const [target, setTarget] = useState<{ row: Row; action: A } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  return {
    target,
    busy,
    error,
    flash,
    start: (row, action) => {
      setError(null);
      setFlash(null);
      setTarget({ row, action });
    },
    confirm: async (reason) => {
      if (!target) return;
      setBusy(true);
      setError(null);
      try {
        await send(options.path(target.row, target.action), 'POST', { reason });
        setFlash(options.done(target.row, target.action));
        setTarget(null);
        await options.onDone();
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setBusy(false);
      }
    },
    close: () => {
      if (!busy) setTarget(null);
    },
  };
}

export function StatusDialog<Row, A extends string>(props: {
  action: StatusAction<Row, A>;
  title: (row: Row, action: A) => string;
  text: (row: Row, action: A) => string;
  confirm: (row: Row, action: A) => string;
}) {
  const { action } = props;
  const t = action.target;
  return (
    <ReasonDialog
      open={t !== null}
      title={t ? props.title(t.row, t.action) : ''}
      description={t ? <p>{props.text(t.row, t.action)}</p> : null}
      label={m.reason}
      hint={m.reasonHint}
      tooShort={m.reasonTooShort}
      cancelLabel={m.cancel}
      confirmLabel={t ? props.confirm(t.row, t.action) : ''}
      busy={action.busy}
      error={action.error}
      onConfirm={(reason) => void action.confirm(reason)}
      onClose={action.close}
    />
  );
}
