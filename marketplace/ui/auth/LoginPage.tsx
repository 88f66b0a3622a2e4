import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Button, Card } from '../components/index.ts';
import { readWebConfig } from '../config.ts';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx';
import { homePathFor } from '../shell/navigation.ts';
import { loginMessages as m } from './messages.ts';
import { useSession } from './SessionContext.tsx';

/** Email + password, then (when the account has it) an authenticator code. */
export function LoginPage() {
  const { status, me, login, completeTwoFactor } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const config = readWebConfig();

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  useEffect(() => {
    document.title = m.documentTitle;
  }, []);

  if (status === 'signed-in' && me) {
    const next = params.get('next');
    return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : homePathFor(me)} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = challenge ? await completeTwoFactor(challenge, code) : await login(email, password);
    setBusy(false);
    if (outcome.kind === 'failed') setError(outcome.message);
    if (outcome.kind === 'two-factor') setChallenge(outcome.challengeToken);
  };

  return (
    <main className="login" id="main">
      <div className="login__panel">
        <LanguageSwitcher style={{ justifyContent: 'flex-end', marginBottom: 'var(--space-4)' }} />
        <p className="login__brand" aria-hidden="true">
          Wholesail
        </p>
        <h1 className="visually-hidden">{m.heading}</h1>
        <p className="login__lead">{m.lead}</p>
        <Card>
          <form onSubmit={submit} noValidate={false} aria-describedby={error ? 'login-error' : undefined}>
            {error && (
              <p className="form-error" id="login-error" role="alert" tabIndex={-1} ref={errorRef}>
                {error}
              </p>
            )}
            {challenge ? (
              <label className="form-field">
                {m.code}
                <input
                  name="code"
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  required
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  autoFocus
                />
              </label>
            ) : (
              <>
                <label className="form-field">
                  {m.email}
                  <input
                    name="email"
                    type="email"
                    autoComplete="username"
                    required
                    value={email}
                    onChange={(e) => setEmail(e.target.value)}
                  />
                </label>
                <label className="form-field">
                  {m.password}
                  <input
                    name="password"
                    type="password"
                    autoComplete="current-password"
                    required
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                </label>
              </>
            )}
            <Button type="submit" busy={busy} style={{ width: '100%' }}>
              {busy ? m.signingIn : challenge ? m.verify : m.signIn}
            </Button>
          </form>
          {!challenge && (
            <p style={{ margin: 'var(--space-3) 0 0', textAlign: 'center' }}>
              <Link to="/reset-password">{m.forgotPassword}</Link>
            </p>
          )}
        </Card>
        <p style={{ margin: 'var(--space-4) 0 0', textAlign: 'center' }}>
          {m.newHere} <Link to="/register">{m.createAccount}</Link>
        </p>
        {config.demoLogins.length > 0 && (
          <section className="demo-logins" aria-labelledby="demo-logins-title">
            <h2 id="demo-logins-title" style={{ fontSize: 'var(--text-sm)' }}>
              {m.demoTitle}
            </h2>
            <p style={{ margin: 'var(--space-1) 0 0' }}>
              {m.demoPassword} <code>{config.demoPassword ?? 'wholesail-demo'}</code>. {m.demoPick}
            </p>
            <ul>
              {config.demoLogins.map((l) => (
                <li key={l.email}>
                  <button
                    type="button"
                    onClick={() => {
                      setEmail(l.email);
                      setPassword(config.demoPassword ?? 'wholesail-demo');
                    }}
                  >
                    {l.email}
                  </button>{' '}
                  ({l.role})
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
