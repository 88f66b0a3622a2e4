/**
 * Two-factor authentication: turn it on (enrol, scan or type the key, confirm with the app's first code, keep the
 * recovery codes) or off (with a current or recovery code). The API decides; its refusals show in its words.
 */
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ApiError } from '../auth/session.ts';
import { Badge, Button, Card, Field, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { accountMessages as m } from './messages.ts';
import { QrCode } from './QrCode.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { groupSecret, isAuthenticatorCode, normaliseCode } from './two-factor.ts';

type Stage =
  | { step: 'idle' }
  | { step: 'enrolling'; secret: string; otpauthUrl: string }
  | { step: 'recovery'; codes: string[] }
  | { step: 'disabling' };

/** The API's words for a refusal, and its sentence about the `code` field when it named it. */
const problemOf = (error: unknown) => ({
  text: messageOf(error),
  field: error instanceof ApiError ? (error.fields.find((f) => f.field === 'code')?.message ?? null) : null,
});

export function TwoFactorCard(props: { email: string; on: boolean; onChanged: () => Promise<void> }) {
  const send = useApiSend();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  // The code field appears after a click: take the focus there so keyboard users can type at once.
  useEffect(() => {
    if (stage.step === 'enrolling' || stage.step === 'disabling') codeRef.current?.focus();
  }, [stage.step]);

  const begin = (next: Stage) => {
    setStage(next);
    setCode('');
    setCodeError(null);
    setProblem(null);
    setDone(null);
  };

  const run = async (request: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await request();
    } catch (error) {
      const p = problemOf(error);
      setProblem(p.text);
      setCodeError(p.field);
    } finally {
      setBusy(false);
    }
  };

  const enroll = () =>
    run(async () => {
      const answer = await send<{ secret: string; otpauthUrl: string }>('/api/v1/auth/2fa/enroll', 'POST');
      begin({ step: 'enrolling', ...answer });
    });

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!isAuthenticatorCode(code)) return setCodeError(m.codeFormat);
    setCodeError(null);
    void run(async () => {
      const answer = await send<{ recoveryCodes: string[] }>('/api/v1/auth/2fa/confirm', 'POST', {
        code: normaliseCode(code),
      });
      begin({ step: 'recovery', codes: answer.recoveryCodes });
      setDone(m.enabled);
      await props.onChanged();
    });
  };

  const disable = (event: FormEvent) => {
    event.preventDefault();
    // Recovery codes look like `1a2b3-c4d5e`: only an empty field is refused here, the API judges the rest.
    if (!code.trim()) return setCodeError(m.disableCodeMissing);
    setCodeError(null);
    void run(async () => {
      await send('/api/v1/auth/2fa/disable', 'POST', { code: code.trim() });
      begin({ step: 'idle' });
      setDone(m.disabled);
      await props.onChanged();
    });
  };

  const refusal = problem && (
    <Notice tone="negative" title={m.refused} alert>
      {problem}
    </Notice>
  );

  return (
    <Card
      title={m.twoFactor}
      actions={<Badge tone={props.on ? 'positive' : 'warning'}>{props.on ? m.on : m.off}</Badge>}
    >
      <div className="stack">
        {done && (
          <Notice tone="positive" alert>
            {done}
          </Notice>
        )}
        {stage.step === 'recovery' ? (
          <RecoveryCodes email={props.email} codes={stage.codes} onDone={() => begin({ step: 'idle' })} />
        ) : stage.step === 'enrolling' ? (
          <form className="account-form" onSubmit={confirm} noValidate>
            <p>{m.scanStep}</p>
            <QrCode text={stage.otpauthUrl} />
            <p>
              {m.setupKey}{' '}
              <code className="account-secret" aria-label={m.setupKeyLabel} data-testid="totp-secret">
                {groupSecret(stage.secret)}
              </code>
            </p>
            {refusal}
            <CodeField
              inputRef={codeRef}
              label={m.codeLabel}
              hint={m.codeHint}
              value={code}
              error={codeError}
              numeric
              onChange={setCode}
            />
            <div className="button-row">
              <Button type="submit" busy={busy}>
                {m.confirmOn}
              </Button>
              <Button variant="secondary" onClick={() => begin({ step: 'idle' })}>
                {m.cancel}
              </Button>
            </div>
          </form>
        ) : stage.step === 'disabling' && props.on ? (
          <form className="account-form" onSubmit={disable} noValidate>
            <p>{m.turnOffExplain}</p>
            {refusal}
            <CodeField
              inputRef={codeRef}
              label={m.disableCodeLabel}
              value={code}
              error={codeError}
              onChange={setCode}
            />
            <div className="button-row">
              <Button type="submit" busy={busy}>
                {m.confirmOff}
              </Button>
              <Button variant="secondary" onClick={() => begin({ step: 'idle' })}>
                {m.cancel}
              </Button>
            </div>
          </form>
        ) : (
          <>
            <p className="account-explain">{props.on ? m.onExplain : m.offExplain}</p>
            {refusal}
            <div className="button-row">
              {props.on ? (
                <Button variant="secondary" onClick={() => begin({ step: 'disabling' })}>
                  {m.turnOff}
                </Button>
              ) : (
                <Button busy={busy} onClick={() => void enroll()}>
                  {m.turnOn}
                </Button>
              )}
            </div>
          </>
        )}
      </div>
    </Card>
  );
}

function CodeField(props: {
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
  hint?: string;
  value: string;
  error: string | null;
  numeric?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {({ id, describedBy, invalid }) => (
        <input
          ref={props.inputRef}
          id={id}
          name="code"
          className="account-code"
          autoComplete="one-time-code"
          inputMode={props.numeric ? 'numeric' : 'text'}
          spellCheck={false}
          maxLength={20}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
