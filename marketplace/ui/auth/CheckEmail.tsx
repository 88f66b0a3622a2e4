import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Notice } from '../components/index.ts';
import { messageOf } from '../data/useApi.ts';
import { accountMessages as m } from './account-messages.ts';
import { AccountFrame, DoneNotice, ProblemNotice } from './AccountFrame.tsx';
import { useSession } from './SessionContext.tsx';

/** A link styled as the primary button (the way on after a finished step). */
export const LINK_BUTTON = { display: 'inline-flex', alignItems: 'center', textDecoration: 'none' } as const;

/** "Sign in" as the primary button: the way on once a password is set or an address confirmed. */
export function SignInButton() {
  return (
    <Link className="ws-button ws-button--primary" style={LINK_BUTTON} to="/login">
      {m.signIn}
    </Link>
  );
}

const ROW = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 'var(--space-3)',
  marginTop: 'var(--space-4)',
} as const;

/**
 * After sign-up: the link is on its way. Signed in (the usual case), the owner can have it sent again and go on
 * into the app with look-around rights: a retailer to the catalog, a manufacturer to company verification, which
 * it needs before it can sell anyway.
 */
export function CheckEmail(props: { email: string; kind: 'retailer' | 'manufacturer'; signedIn: boolean }) {
  const c = m.checkEmail;
  return (
    <AccountFrame title={c.documentTitle} heading={c.heading}>
      <DoneNotice title={c.sent(props.email)}>
        <p>{c.open}</p>
        <p>{c.meanwhile}</p>
      </DoneNotice>
      {props.signedIn ? (
        <ResendLink>
          <Link
            className="ws-button ws-button--primary"
            style={LINK_BUTTON}
            to={props.kind === 'retailer' ? '/catalog' : '/seller/verification'}
          >
            {props.kind === 'retailer' ? c.continueRetailer : c.continueManufacturer}
          </Link>
        </ResendLink>
      ) : (
        <p style={{ margin: 'var(--space-4) 0 0' }}>
          <Link to="/login">{m.signIn}</Link>
        </p>
      )}
    </AccountFrame>
  );
}

/** "Send the link again" for the signed-in caller (the API sends it to their own address), after `children`. */
export function ResendLink({ children }: { children?: ReactNode }) {
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const c = m.checkEmail;

  const resend = async () => {
    setBusy(true);
    setProblem(null);
    setResent(false);
    try {
      await session.fetchJson('/api/v1/auth/verify-email/resend', { method: 'POST' });
      setResent(true);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div style={ROW}>
        {children}
        <Button variant="secondary" busy={busy} onClick={() => void resend()}>
          {busy ? c.resending : c.resend}
        </Button>
      </div>
      <div style={problem || resent ? { marginTop: 'var(--space-3)' } : undefined}>
        <ProblemNotice text={problem} />
        <div role="status">{resent && <Notice tone="info">{c.resent}</Notice>}</div>
      </div>
    </>
  );
}
