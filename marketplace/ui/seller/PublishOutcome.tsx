/**
 * What happened when a product was published or unpublished. A refusal is the API's own sentence; when its
 * code says what would lift it (a plan limit, a company not verified yet), the page that does is linked.
 */
import { Link } from 'react-router';
import { ApiError } from '../auth/session.ts';
import { Notice } from '../components/index.ts';
import { messageOf } from '../data/useApi.ts';
import { productListMessages as m } from './messages.ts';

export interface PublishResult {
  ok: boolean;
  title?: string;
  text: string;
  code?: string;
}

export const publishFailure = (title: string, error: unknown): PublishResult => ({
  ok: false,
  title,
  text: messageOf(error),
  code: error instanceof ApiError ? error.code : undefined,
});

const NEXT_STEP: Record<string, { to: string; label: string }> = {
  plan_limit_reached: { to: '/billing', label: m.seePlans },
  company_not_verified: { to: '/seller/verification', label: m.getVerified },
};

export function PublishOutcome({ result }: { result: PublishResult | null }) {
  if (!result) return null;
  const next = result.code ? NEXT_STEP[result.code] : undefined;
  return (
    <Notice tone={result.ok ? 'positive' : 'negative'} title={result.title} alert>
      <p>{result.text}</p>
      {next && (
        <p>
          <Link to={next.to}>{next.label}</Link>
        </p>
      )}
    </Notice>
  );
}
