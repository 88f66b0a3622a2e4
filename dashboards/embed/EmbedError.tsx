/** What the embed page shows instead of a dashboard it cannot show: never a blank frame. */
import { useEffect } from 'react';

export type EmbedProblem =
  | 'unknown_dashboard'
  | 'missing_token'
  | 'invalid_token'
  | 'wrong_dashboard'
  | 'expired'
  | 'revoked'
  | 'origin_not_allowed'
  | 'unreachable';

// The words, in one place (as each feature of the app keeps its strings), for a translation to replace.
const MESSAGES: Record<EmbedProblem, { title: string; body: (detail?: string) => string }> = {
  unknown_dashboard: {
    title: 'There is no such dashboard',
    body: (id) => `Nothing called "${id ?? ''}" can be embedded. Check the address of this frame.`,
  },
  missing_token: {
    title: 'This dashboard link has no access token',
    body: () => 'The page showing it must add the embed token it got from Wholesail to the frame address.',
  },
  invalid_token: {
    title: 'This dashboard link is not valid',
    body: () =>
      'Its embed token has been altered or is not an embed token. Reload the page to get a new link.',
  },
  wrong_dashboard: {
    title: 'This link is for another dashboard',
    body: (other) =>
      `Its embed token opens ${other ? `"${other}"` : 'another dashboard'}, not this one. Ask for a token for this dashboard.`,
  },
  expired: {
    title: 'This dashboard link has expired',
    body: () => 'Embed links work for a short time only. Reload the page to get a fresh one.',
  },
  revoked: {
    title: 'This dashboard link no longer works',
    body: () => 'Whoever shared it can no longer share this dashboard. Ask them for a new link.',
  },
  origin_not_allowed: {
    title: 'This dashboard cannot be shown on this site',
    body: () => 'Its embed token allows it on other sites only.',
  },
  unreachable: {
    title: 'The dashboard could not be loaded',
    body: () => 'Wholesail did not answer. Try again in a moment.',
  },
};

export function EmbedError({ problem, detail }: { problem: EmbedProblem; detail?: string }) {
  const message = MESSAGES[problem];
  useEffect(() => {
    document.title = `${message.title} - Wholesail`;
  }, [message]);
  return (
    <div className="embed-error" role="alert" data-problem={problem}>
      <h1>{message.title}</h1>
      <p>{message.body(detail)}</p>
    </div>
  );
}
