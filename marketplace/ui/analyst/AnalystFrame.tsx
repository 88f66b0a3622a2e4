/**
 * What both analysts' pages share: their styles and the check that the caller may use them. The API decides
 * (the SQL console admits platform analysts, executives and admins: semantic-layer/sql-console.ts; the
 * semantic layer shows platform-wide data to the same roles); this says so plainly instead of showing refusals.
 */
import '../styles/analyst.css';
import type { ReactNode } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { ApiError } from '../auth/session.ts';
import { Card, EmptyState } from '../components/index.ts';
import { analystMessages as m } from './messages.ts';

export const ANALYST_ROLES: readonly string[] = ['analyst', 'executive', 'admin'];

export function AnalystFrame(props: { children: ReactNode }) {
  const { me } = useSession();
  if (!me || me.companyKind !== 'platform' || !ANALYST_ROLES.includes(me.role))
    return (
      <Card>
        <EmptyState title={m.notAllowed} />
      </Card>
    );
  return <>{props.children}</>;
}

/** The API's refusal, in its words, under a title that says it was refused (with the status) or failed. */
export const problemTitle = (error: Error): string =>
  error instanceof ApiError ? m.refused(error.status) : m.failed;
