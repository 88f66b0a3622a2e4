/** What the embed page shows instead of a dashboard it cannot show: never a blank frame. */
import { useEffect } from 'react';
import { embedMessages as m } from './messages.ts';

export type EmbedProblem =
  | 'unknown_dashboard'
  | 'missing_token'
  | 'invalid_token'
  | 'wrong_dashboard'
  | 'expired'
  | 'revoked'
  | 'origin_not_allowed'
  | 'unreachable';

const MESSAGES: Record<EmbedProblem, { title: string; body: (detail?: string) => string }> = m.problems;

export function EmbedError({ problem, detail }: { problem: EmbedProblem; detail?: string }) {
  const message = MESSAGES[problem];
  useEffect(() => {
    document.title = m.documentTitle(message.title);
  }, [message]);
  return (
    <div className="embed-error" role="alert" data-problem={problem}>
      <h1>{message.title}</h1>
      <p>{message.body(detail)}</p>
    </div>
  );
}
