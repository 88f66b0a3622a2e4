/**
 * The page the verification email links to. Opening it changes nothing (mail scanners open links to inspect
 * them, and some run the page's script): the person confirms with a button, which spends the single-use token.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Notice } from '../components/index.ts';
import { accountMessages as m } from './account-messages.ts';
import { AccountFrame, DoneNotice, ProblemNotice } from './AccountFrame.tsx';
import { LINK_BUTTON, ResendLink, SignInButton } from './CheckEmail.tsx';
import { messageOfError, postPublic } from './public-api.ts';
import { useSession } from './SessionContext.tsx';

/** Signed out, a new link starts with signing in; the login page then brings the person back here to ask. */
const SIGN_IN_TO_RESEND = `/login?next=${encodeURIComponent('/verify-email')}`;

export default function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const v = m.verify;
  const signedIn = status === 'signed-in';

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await postPublic('/api/v1/auth/verify-email', { token });
      setDone(true);
    } catch (error) {
      setProblem(messageOfError(error));
    } finally {
      setBusy(false);
    }
  };

  // Signed in, "continue" reloads the app so the session reads the account's new rights (buying, selling).
  const wayOn = signedIn ? (
    <a className="ws-button ws-button--primary" style={LINK_BUTTON} href="/">
      {v.continue}
    </a>
  ) : (
    <SignInButton />
  );

  return (
    <AccountFrame title={v.documentTitle} heading={v.heading} lead={done || !token ? undefined : v.lead}>
      {!token ? (
        <>
          <Notice tone="warning">{v.noToken}</Notice>
          {signedIn ? (
            <ResendLink />
          ) : (
            <p style={{ margin: 'var(--space-4) 0 0' }}>
              <Link to={SIGN_IN_TO_RESEND}>{v.askNew}</Link>
            </p>
          )}
        </>
      ) : done ? (
        <>
          <DoneNotice title={v.done}>{signedIn && <p>{v.doneSignedIn}</p>}</DoneNotice>
          <p style={{ margin: 'var(--space-4) 0 0' }}>{wayOn}</p>
        </>
      ) : (
        <>
          <ProblemNotice text={problem} />
          <Button busy={busy} onClick={() => void confirm()} style={{ width: '100%' }}>
            {busy ? v.confirming : v.confirm}
          </Button>
          {/* A spent or expired link: a new one is sent to a signed-in account only (the API's rule). */}
          {problem &&
            (signedIn ? (
              <ResendLink />
            ) : (
              <p style={{ margin: 'var(--space-4) 0 0' }}>
                <Link to={SIGN_IN_TO_RESEND}>{v.askNew}</Link>
              </p>
            ))}
        </>
      )}
    </AccountFrame>
  );
}
