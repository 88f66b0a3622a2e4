/**
 * "Verify your company to publish": shown on a manufacturer's pages while its KYB case is not approved, linking
 * to the wizard. The shell mounts it once for manufacturers. It re-reads the case on every page change and when
 * the tab comes back into view, so a decision made meanwhile shows (or removes the banner) without a reload;
 * it stays out of the way on the wizard itself, which says the same thing in more detail.
 */
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Notice } from '../components/index.ts';
import { bannerMessages as m } from './banner-messages.ts';
import type { CompanyCase, KybStatus } from './types.ts';

export const VERIFICATION_PATH = '/seller/verification';

export function VerificationBanner() {
  const { session } = useSession();
  const { pathname } = useLocation();
  const [status, setStatus] = useState<KybStatus | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      session
        .fetchJson<CompanyCase>('/api/v1/company')
        .then((c) => live && setStatus(c.kyb.status))
        // Without an answer there is nothing reliable to say; the pages themselves report the error.
        .catch(() => undefined);
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [session, pathname]);

  if (status === null || status === 'approved' || pathname.startsWith(VERIFICATION_PATH)) return null;
  return (
    <aside className="verification-banner" aria-label={m.bannerLabel} data-testid="verification-banner">
      <Notice tone="warning" title={m.bannerTitle}>
        <p>
          {m.banner[status]} <Link to={VERIFICATION_PATH}>{m.bannerLink[status]}</Link>
        </p>
      </Notice>
    </aside>
  );
}
