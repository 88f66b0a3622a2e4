/**
 * The steps the viewer may take on a claim now, exactly the API's `next` list: the manufacturer answers (refund
 * in full, refund in part with an amount, a replacement, or a dispute saying why); the buyer accepts an offer,
 * asks Wholesail to decide, or withdraws; a Wholesail admin decides (refund, part refund, replacement or
 * rejection, with a note). Amounts are typed in major units and sent as integer minor units of the claim's
 * currency. The API's refusal is shown in place, on the field it names when it names one.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../auth/session.ts';
import { Button, Field, Notice } from '../components/index.ts';
import { amountInputText, readAmount } from '../data/money-input.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { MAX_TEXT } from './claim-rules.ts';
import { claimMessages as m } from './messages.ts';
import { outcomeText } from './status.ts';
import type { ClaimAction, ClaimDetails } from './types.ts';

type Choice = 'full_refund' | 'partial_refund' | 'replacement' | 'dispute' | 'rejected';
type FieldErrors = Partial<Record<'amount' | 'note', string>>;

interface Outcome {
  ok: boolean;
  text: string;
}

export function ClaimActions(props: { claim: ClaimDetails; onChange: (claim: ClaimDetails) => void }) {
  const { claim } = props;
  const send = useApiSend();
  const [busy, setBusy] = useState<ClaimAction | null>(null);
  const [noteFor, setNoteFor] = useState<'escalate' | 'withdraw' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  /** One step through the API; true when it went through. */
  const act = async (action: ClaimAction, body?: object): Promise<boolean> => {
    setBusy(action);
    setOutcome(null);
    setFieldErrors({});
    try {
      props.onChange(await send<ClaimDetails>(`/api/v1/claims/${claim.id}/${action}`, 'POST', body));
      setNoteFor(null);
      setOutcome({ ok: true, text: m.done[action] });
      return true;
    } catch (error) {
      if (error instanceof ApiError)
        setFieldErrors(
          Object.fromEntries(
            error.fields
              .map((f) => [f.field === 'amountMinor' ? 'amount' : f.field, f.message] as const)
              .filter(([field]) => field === 'amount' || field === 'note'),
          ),
        );
      setOutcome({ ok: false, text: messageOf(error) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const next = claim.next;
  const notice = outcome && (
    <Notice tone={outcome.ok ? 'positive' : 'negative'} title={outcome.ok ? undefined : m.refused} alert>
      {outcome.text}
    </Notice>
  );
  if (next.length === 0)
    return (
      <>
        {notice}
        <p className="muted">{m.noActions}</p>
      </>
    );

  const offer =
    claim.response?.decision === 'accepted' && claim.response.proposedOutcome
      ? outcomeText(claim.response.proposedOutcome, claim.response.proposedAmountMinor, claim.currency)
      : null;

  return (
    <div className="claim-actions">
      {notice}
      {next.includes('respond') && (
        <DecisionForm
          title={m.respondTitle}
          legend={m.respondChoice}
          choices={['full_refund', 'partial_refund', 'replacement', 'dispute']}
          currency={claim.currency}
          noteLabel={(c) => (c === 'dispute' ? m.disputeWhy : m.noteToBuyer)}
          noteRequired={(c) => (c === 'dispute' ? m.disputeWhyRequired : null)}
          submitLabel={m.sendAnswer}
          busy={busy === 'respond'}
          errors={fieldErrors}
          onSubmit={(choice, amountMinor, note) =>
            act(
              'respond',
              choice === 'dispute'
                ? { decision: 'dispute', note }
                : {
                    decision: 'accept',
                    proposedOutcome: choice,
                    ...(amountMinor !== undefined ? { amountMinor } : {}),
                    ...(note ? { note } : {}),
                  },
            )
          }
        />
      )}
      {next.includes('resolve') && (
        <DecisionForm
          title={m.resolveTitle}
          legend={m.resolveChoice}
          choices={['full_refund', 'partial_refund', 'replacement', 'rejected']}
          currency={claim.currency}
          noteLabel={() => m.resolveNote}
          noteHint={m.resolveNoteHint}
          noteRequired={() => m.resolveNoteRequired}
          submitLabel={m.resolve}
          busy={busy === 'resolve'}
          errors={fieldErrors}
          onSubmit={(choice, amountMinor, note) =>
            act('resolve', { outcome: choice, ...(amountMinor !== undefined ? { amountMinor } : {}), note })
          }
        />
      )}
      {next.includes('accept') && offer && (
        <div className="claim-offer">
          <p>{m.offerIs(offer)}</p>
          <Button busy={busy === 'accept'} onClick={() => void act('accept')}>
            {m.acceptOffer}
          </Button>
        </div>
      )}
      {/* The API offers no "accept" after a dispute; the buyer (who alone may withdraw) is told what is left. */}
      {next.includes('withdraw') && claim.response?.decision === 'disputed' && <p>{m.disputedNoOffer}</p>}
      {noteFor ? (
        <NoteForm
          label={noteFor === 'escalate' ? m.escalateNote : m.withdrawNote}
          submitLabel={noteFor === 'escalate' ? m.escalateSend : m.withdrawConfirm}
          busy={busy === noteFor}
          onCancel={() => setNoteFor(null)}
          onSubmit={(note) => void act(noteFor, note ? { note } : {})}
        />
      ) : (
        (next.includes('escalate') || next.includes('withdraw')) && (
          <div className="button-row">
            {next.includes('escalate') && (
              <Button variant="secondary" onClick={() => setNoteFor('escalate')}>
                {m.escalate}
              </Button>
            )}
            {next.includes('withdraw') && (
              <Button variant="ghost" onClick={() => setNoteFor('withdraw')}>
                {m.withdraw}
              </Button>
            )}
          </div>
        )
      )}
    </div>
  );
}

/** The manufacturer's answer and Wholesail's decision share one shape: a choice, maybe an amount, a note. */
function DecisionForm(props: {
  title: string;
  legend: string;
  choices: Choice[];
  currency: string;
  noteLabel: (choice: Choice | '') => string;
  noteHint?: string;
  noteRequired: (choice: Choice | '') => string | null;
  submitLabel: string;
  busy: boolean;
  errors: FieldErrors;
  onSubmit: (choice: Choice, amountMinor: number | undefined, note: string) => Promise<boolean>;
}) {
  const [choice, setChoice] = useState<Choice | ''>('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldErrors & { choice?: string }>({});
  const legendId = `${props.title.replace(/\W+/g, '-').toLowerCase()}-choice`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!choice) found.choice = m.chooseOne;
    let amountMinor: number | undefined;
    if (choice === 'partial_refund') {
      // Typed in the page's language ("12,50" in French), sent as integer minor units of the claim's currency.
      const reading = readAmount(amount, props.currency);
      if (!reading.ok) found.amount = reading.message;
      else if (reading.minor < 1) found.amount = m.amountPositive;
      else amountMinor = reading.minor;
    }
    const required = props.noteRequired(choice);
    if (required && !note.trim()) found.note = required;
    setProblems(found);
    if (Object.keys(found).length > 0 || !choice) return;
    if (await props.onSubmit(choice, amountMinor, note.trim())) {
      setChoice('');
      setAmount('');
      setNote('');
    }
  };

  const amountError = problems.amount ?? props.errors.amount;
  const noteError = problems.note ?? props.errors.note;
  return (
    <form className="claim-decision" onSubmit={(e) => void submit(e)} noValidate>
      <h3 className="subheading">{props.title}</h3>
      <fieldset className="choice-list">
        <legend>{props.legend}</legend>
        {props.choices.map((c) => (
          <label key={c}>
            <input type="radio" name={legendId} checked={choice === c} onChange={() => setChoice(c)} />
            <span>
              <strong>{m.choice[c]}</strong>
              <span className="choice-list__hint">{m.choiceHint[c]}</span>
            </span>
          </label>
        ))}
        {problems.choice && <p className="ws-field__error">{problems.choice}</p>}
      </fieldset>
      {choice === 'partial_refund' && (
        <Field
          label={m.amountIn(props.currency)}
          hint={m.amountHint(amountInputText(1250, props.currency))}
          error={amountError}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      )}
      <NoteField
        label={props.noteLabel(choice)}
        hint={props.noteHint}
        error={noteError}
        value={note}
        onChange={setNote}
      />
      <Button type="submit" busy={props.busy}>
        {props.busy ? m.working : props.submitLabel}
      </Button>
    </form>
  );
}

function NoteField(props: {
  label: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={3}
          maxLength={MAX_TEXT}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** An optional note before escalating or withdrawing: one more click, so neither happens by accident. */
function NoteForm(props: {
  label: string;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (note: string) => void;
}) {
  const [note, setNote] = useState('');
  return (
    <form
      className="claim-note-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(note.trim());
      }}
      noValidate
    >
      <NoteField label={props.label} value={note} onChange={setNote} />
      <div className="button-row">
        <Button type="submit" busy={props.busy}>
          {props.busy ? m.working : props.submitLabel}
        </Button>
        <Button variant="ghost" onClick={props.onCancel} disabled={props.busy}>
          {m.cancel}
        </Button>
      </div>
    </form>
  );
}
