/**
 * Password reset in two visits. Without a token: ask for the email and always answer the same way (the API never
 * says whether an address has an account). With the token from the emailed link: choose a new password, which
 * ends every session of the account, then sign in with it.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Field } from '../components/index.ts';
import { accountMessages as m } from './account-messages.ts';
import { AccountFrame, DoneNotice, ProblemNotice } from './AccountFrame.tsx';
import { SignInButton } from './CheckEmail.tsx';
import { check, fieldErrorsFrom, messageOfError, postPublic } from './public-api.ts';

export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ChoosePassword token={token} /> : <AskForLink />;
}

const backToSignIn = (
  <p>
    <Link to="/login">{m.signIn}</Link>
  </p>
);

function AskForLink() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const r = m.reset;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = check.email(email);
    setError(local);
    setProblem(local ? m.fixFields(1) : null);
    if (local) return;
    setBusy(true);
    try {
      await postPublic('/api/v1/auth/password-reset', { email: email.trim() });
      setSent(true);
    } catch (failure) {
      setError(fieldErrorsFrom(failure, ['email'] as const).email);
      setProblem(messageOfError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AccountFrame
      title={r.documentTitle}
      heading={r.heading}
      lead={sent ? undefined : r.askLead}
      footer={backToSignIn}
    >
      {sent ? (
        <DoneNotice title={r.sent} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ProblemNotice text={problem} />
          <Field
            label={m.email}
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            error={error}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" busy={busy} style={{ width: '100%' }}>
            {busy ? r.sending : r.send}
          </Button>
        </form>
      )}
    </AccountFrame>
  );
}

function ChoosePassword({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [linkSpent, setLinkSpent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const r = m.reset;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = check.newPassword(password);
    setError(local);
    setProblem(local ? m.fixFields(1) : null);
    if (local) return;
    setBusy(true);
    try {
      await postPublic('/api/v1/auth/password-reset/confirm', { token, password });
      setChanged(true);
    } catch (failure) {
      const fields = fieldErrorsFrom(failure, ['password', 'token'] as const);
      setError(fields.password);
      setLinkSpent(Boolean(fields.token));
      setProblem(messageOfError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AccountFrame title={r.documentTitle} heading={r.heading} lead={changed ? undefined : r.chooseLead}>
      {changed ? (
        <>
          <DoneNotice title={r.changed} />
          <p style={{ margin: 'var(--space-4) 0 0' }}>
            <SignInButton />
          </p>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ProblemNotice text={problem} />
          {linkSpent && (
            <p>
              <Link to="/reset-password">{r.askAgain}</Link>
            </p>
          )}
          <Field
            label={m.newPassword}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint={m.passwordHint}
            value={password}
            error={error}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" busy={busy} style={{ width: '100%' }}>
            {busy ? r.saving : r.save}
          </Button>
        </form>
      )}
    </AccountFrame>
  );
}
