/**
 * The reviewer's decision on a submitted case: approve (an optional note), request changes (a reason and the
 * document kinds to upload again) or reject (a reason). One form whose button names the chosen decision, so
 * nothing is sent by a click meant for something else. The API's own checks decide; its refusal is shown here.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../auth/session.ts';
import { Button, Card, Field, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { documentKindLabel } from '../verification/CaseFacts.tsx';
import { DOCUMENT_KINDS } from '../verification/kyb.ts';
import type { KybStatus } from '../verification/types.ts';
import { adminMessages as m } from './messages.ts';

type Action = 'approve' | 'request_changes' | 'reject';
const PATH: Record<Action, string> = {
  approve: 'approve',
  request_changes: 'request-changes',
  reject: 'reject',
};
const MIN_REASON = 3;

export function DecisionCard(props: { companyId: string; onDecided: (status: KybStatus) => Promise<void> }) {
  const send = useApiSend();
  const [action, setAction] = useState<Action>('approve');
  const [reason, setReason] = useState('');
  const [documents, setDocuments] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reasonRequired = action !== 'approve';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const text = reason.trim();
    const found: Record<string, string> = {};
    if ((reasonRequired || text) && text.length < MIN_REASON) found.reason = m.reasonTooShort;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body =
      action === 'approve'
        ? text
          ? { note: text }
          : {}
        : action === 'reject'
          ? { reason: text }
          : { reason: text, documents };
    setBusy(true);
    try {
      const answer = await send<{ status: KybStatus }>(
        `/api/v1/admin/kyb/${props.companyId}/${PATH[action]}`,
        'POST',
        body,
      );
      await props.onDecided(answer.status);
    } catch (error) {
      if (error instanceof ApiError)
        setErrors(
          Object.fromEntries(error.fields.map((f) => [f.field === 'note' ? 'reason' : f.field, f.message])),
        );
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const choice = (value: Action, label: string, hint: string) => (
    <label>
      <input
        type="radio"
        name="decision"
        value={value}
        checked={action === value}
        onChange={() => {
          setAction(value);
          setErrors({});
        }}
      />
      <span>
        {label}
        <span className="choice-list__hint">{hint}</span>
      </span>
    </label>
  );

  return (
    <Card title={m.decision} subtitle={m.decisionHint}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={m.decision}>
        <fieldset className="choice-list">
          <legend>{m.choose}</legend>
          {choice('approve', m.approve, m.approveHint)}
          {choice('request_changes', m.requestChanges, m.requestChangesHint)}
          {choice('reject', m.reject, m.rejectHint)}
        </fieldset>
        {action === 'request_changes' && (
          <fieldset className="choice-list choice-list--checks">
            <legend>{m.documentsAgain}</legend>
            {DOCUMENT_KINDS.map((kind) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={documents.includes(kind)}
                  onChange={(e) =>
                    setDocuments((d) => (e.target.checked ? [...d, kind] : d.filter((k) => k !== kind)))
                  }
                />
                {documentKindLabel(kind)}
              </label>
            ))}
          </fieldset>
        )}
        <Field
          label={reasonRequired ? m.reasonForSeller : m.note}
          hint={reasonRequired ? m.reasonHint : m.noteHint}
          error={errors.reason}
        >
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={3}
              maxLength={2000}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (errors.reason && e.target.value.trim().length >= MIN_REASON) setErrors({});
              }}
            />
          )}
        </Field>
        {refusal && (
          <Notice tone="negative" title={m.decisionRefused} alert>
            {refusal}
          </Notice>
        )}
        <Button type="submit" busy={busy}>
          {busy ? m.deciding : m.confirmDecision[action]}
        </Button>
      </form>
    </Card>
  );
}
