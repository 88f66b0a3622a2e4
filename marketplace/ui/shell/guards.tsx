import { useEffect, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import type { CompanyKind } from '../auth/session.ts';
import { Card, Skeleton } from '../components/index.ts';
import { shellMessages as m } from './messages.ts';
import { homePathFor } from './navigation.ts';

/** Signed-in pages: wait for a restoring session, else send the visitor to the login page and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring')
    return (
      <div style={{ padding: 'var(--space-6)' }}>
        <Skeleton height={32} width="40%" label={m.restoring} />
      </div>
    );
  if (status === 'signed-out')
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

/**
 * A page for some kinds of account only. The API refuses the data anyway (row rules in the semantic layer);
 * this says so plainly instead of showing empty charts.
 */
export function RequireKind({ kinds, children }: { kinds: CompanyKind[]; children: ReactNode }) {
  const { me } = useSession();
  if (me && kinds.includes(me.companyKind)) return <>{children}</>;
  return <NotAllowed />;
}

export function NotAllowed() {
  const { me } = useSession();
  useEffect(() => {
    document.title = m.notAllowedTitle;
  }, []);
  return (
    <Card>
      <h1 style={{ fontSize: 'var(--text-xl)' }}>{m.notAllowed}</h1>
      <p>{m.notAllowedWhy}</p>
      {me && <Link to={homePathFor(me)}>{m.goHome}</Link>}
    </Card>
  );
}

export function HomeRedirect() {
  const { me } = useSession();
  return me ? <Navigate to={homePathFor(me)} replace /> : null;
}
