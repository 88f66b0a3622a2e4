/**
 * The page the invitation email links to: choose a password, and the account is created in the inviting company
 * with the invited role. The API tells neither which company invited nor the invited address before acceptance
 * (there is no read endpoint for an invitation token), and accepting returns no session: so the form asks for the
 * address too, only to sign the new member in straight after.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Field, Notice } from '../components/index.ts';
import { accountMessages as m } from './account-messages.ts';
import { AccountFrame, DoneNotice, ProblemNotice } from './AccountFrame.tsx';
import { SignInButton } from './CheckEmail.tsx';
import { check, fieldErrorsFrom, messageOfError, onlyProblems, postPublic } from './public-api.ts';
import { useSession } from './SessionContext.tsx';

type FieldName = 'email' | 'password';

export default function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { login } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState<Record<FieldName, string>>({ email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState(false);
  const i = m.invitation;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = onlyProblems({
      email: check.email(form.email),
      password: check.newPassword(form.password),
    });
    setErrors(found);
    setProblem(Object.keys(found).length > 0 ? m.fixFields(Object.keys(found).length) : null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await postPublic('/api/v1/invitations/accept', { token, password: form.password });
    } catch (error) {
      setErrors(fieldErrorsFrom(error, ['password'] as const));
      setProblem(messageOfError(error));
      setBusy(false);
      return;
    }
    const outcome = await login(form.email.trim(), form.password);
    setBusy(false);
    // The index route sends each kind of account to its own home page.
    if (outcome.kind === 'signed-in') navigate('/', { replace: true });
    else setJoined(true);
  };

  const field = (name: FieldName) => ({
    value: form[name],
    error: errors[name],
    required: true,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  return (
    <AccountFrame title={i.documentTitle} heading={i.heading} lead={joined || !token ? undefined : i.lead}>
      {!token ? (
        <Notice tone="warning">{i.noToken}</Notice>
      ) : joined ? (
        <>
          <DoneNotice title={i.joined} />
          <p style={{ margin: 'var(--space-4) 0 0' }}>
            <SignInButton />
          </p>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ProblemNotice text={problem} />
          <Field
            label={m.email}
            name="email"
            type="email"
            autoComplete="username"
            hint={i.emailHint}
            {...field('email')}
          />
          <Field
            label={m.password}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={m.passwordHint}
            {...field('password')}
          />
          <Button type="submit" busy={busy} style={{ width: '100%' }}>
            {busy ? i.accepting : i.accept}
          </Button>
        </form>
      )}
    </AccountFrame>
  );
}
