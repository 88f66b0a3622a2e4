/**
 * The buyer's claim form on a delivered order: which lines and how many units (never more than ordered), what
 * went wrong (the API's claim types, in words), a description, what the buyer would like, and photos. The
 * form is checked as the API checks it before anything is sent; the claim is opened first, then each photo is
 * added to it, and the buyer lands on the claim's page, told of any photo the API refused.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { ApiError } from '../auth/session.ts';
import { Button, Field, Notice } from '../components/index.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import type { OrderDetails } from '../orders/types.ts';
import {
  CLAIM_TYPES,
  checkClaimDraft,
  MAX_TEXT,
  REQUESTED_OUTCOMES,
  type ClaimDraft,
  type DraftProblems,
} from './claim-rules.ts';
import { addEvidenceAll } from './evidence-upload.ts';
import { claimMessages as m } from './messages.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { claimTypeLabel, requestedLabel } from './status.ts';
import type { ClaimDetails } from './types.ts';

/** What the claim page shows after the form sent the buyer there. */
export interface OpenedState {
  opened: true;
  photosRefused: Array<{ name: string; why: string }>;
}

/** The API's field paths (`lines.0.quantity`) as the form's keys (`units-<lineNo>`). */
function problemsFromApi(error: ApiError, body: { lines: Array<{ lineNo: number }> }): DraftProblems {
  const problems: DraftProblems = {};
  for (const f of error.fields) {
    const line = /^lines\.(\d+)\./.exec(f.field);
    const lineNo = line ? body.lines[Number(line[1])]?.lineNo : undefined;
    if (lineNo !== undefined) problems[`units-${lineNo}`] = f.message;
    else if (f.field === 'type' || f.field === 'description' || f.field === 'requestedOutcome')
      problems[f.field] = f.message;
  }
  return problems;
}

export function ClaimForm(props: { order: OrderDetails; onCancel: () => void }) {
  const { order } = props;
  const { session } = useSession();
  const send = useApiSend();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ClaimDraft>({
    type: '',
    lines: order.lines.map((l) => ({ lineNo: l.lineNo, ordered: l.quantity, chosen: false, units: '' })),
    description: '',
    requestedOutcome: '',
  });
  const [photos, setPhotos] = useState<File[]>([]);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const count = Object.keys(problems).length;

  const setLine = (lineNo: number, change: Partial<ClaimDraft['lines'][number]>) =>
    setDraft((d) => ({ ...d, lines: d.lines.map((l) => (l.lineNo === lineNo ? { ...l, ...change } : l)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = checkClaimDraft(draft, m);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    setBusy(m.sending);
    let claim: ClaimDetails;
    try {
      claim = await send<ClaimDetails>(`/api/v1/orders/${order.id}/claims`, 'POST', checked.body);
    } catch (error) {
      if (error instanceof ApiError) setProblems(problemsFromApi(error, checked.body));
      setFailure(messageOf(error));
      setBusy(null);
      return;
    }
    const photosRefused = await addEvidenceAll(session, claim.id, photos, (i) =>
      setBusy(m.uploading(i, photos.length)),
    );
    navigate(`/claims/${claim.id}`, { state: { opened: true, photosRefused } satisfies OpenedState });
  };

  return (
    <form
      className="claim-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="claim-form-title"
    >
      <h3 id="claim-form-title" className="subheading" tabIndex={-1}>
        {m.formTitle}
      </h3>
      <p className="muted">{m.formIntro}</p>
      {(failure || count > 0) && (
        <Notice tone="negative" title={failure ? m.notSent : undefined} alert>
          {failure ?? m.fixFields(count)}
        </Notice>
      )}

      <fieldset className="choice-list" aria-describedby={problems.type ? 'claim-type-error' : undefined}>
        <legend>{m.whatWentWrong}</legend>
        {CLAIM_TYPES.map((type) => (
          <label key={type}>
            <input
              type="radio"
              name="claim-type"
              checked={draft.type === type}
              onChange={() => setDraft((d) => ({ ...d, type }))}
            />
            {claimTypeLabel(type)}
          </label>
        ))}
        {problems.type && (
          <p className="ws-field__error" id="claim-type-error">
            {problems.type}
          </p>
        )}
      </fieldset>

      <fieldset className="claim-lines" aria-describedby="claim-lines-hint">
        <legend>{m.whichLines}</legend>
        <p className="ws-field__hint" id="claim-lines-hint">
          {m.whichLinesHint}
        </p>
        {problems.lines && (
          <p className="ws-field__error" role="alert">
            {problems.lines}
          </p>
        )}
        {order.lines.map((line) => {
          const state = draft.lines.find((l) => l.lineNo === line.lineNo)!;
          return (
            <div key={line.lineNo} className="claim-line">
              <label className="check-field">
                <input
                  type="checkbox"
                  checked={state.chosen}
                  onChange={(e) =>
                    setLine(line.lineNo, {
                      chosen: e.target.checked,
                      // Ticking a line starts from all its units: the usual case is a whole line gone wrong.
                      units: e.target.checked && !state.units ? String(line.quantity) : state.units,
                    })
                  }
                />
                <span>
                  {line.name} <span className="muted">· {line.sku}</span>
                  <span className="claim-line__price muted">
                    {formatMoney(line.unitPriceMinor, order.currency)}
                  </span>
                </span>
              </label>
              {state.chosen && (
                <Field
                  label={m.unitsOf(line.name)}
                  hint={m.ofOrdered(line.quantity)}
                  error={problems[`units-${line.lineNo}`]}
                  className="claim-line__units"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={line.quantity}
                  step={1}
                  value={state.units}
                  onChange={(e) => setLine(line.lineNo, { units: e.target.value })}
                />
              )}
            </div>
          );
        })}
      </fieldset>

      <Field label={m.description} hint={m.descriptionHint} error={problems.description}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={4}
            maxLength={MAX_TEXT}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={draft.description}
            onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
          />
        )}
      </Field>

      <fieldset
        className="choice-list"
        aria-describedby={problems.requestedOutcome ? 'claim-outcome-error' : undefined}
      >
        <legend>{m.wants}</legend>
        {REQUESTED_OUTCOMES.map((outcome) => (
          <label key={outcome}>
            <input
              type="radio"
              name="claim-outcome"
              checked={draft.requestedOutcome === outcome}
              onChange={() => setDraft((d) => ({ ...d, requestedOutcome: outcome }))}
            />
            {requestedLabel(outcome)}
          </label>
        ))}
        {problems.requestedOutcome && (
          <p className="ws-field__error" id="claim-outcome-error">
            {problems.requestedOutcome}
          </p>
        )}
      </fieldset>

      <PhotoPicker photos={photos} onChange={setPhotos} disabled={busy !== null} />

      <div className="button-row">
        <Button type="submit" busy={busy !== null}>
          {busy ?? m.send}
        </Button>
        <Button variant="ghost" onClick={props.onCancel} disabled={busy !== null}>
          {m.cancel}
        </Button>
      </div>
    </form>
  );
}
