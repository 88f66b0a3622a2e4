/**
 * `/admin/disputes`, the admin panel's Disputes tab: claims the buyer or the manufacturer asked Wholesail to
 * decide, the longest waiting first (the API's `sort=longest_waiting`: escalation is a claim's last change until
 * Wholesail decides, so its last change is when it started waiting); each links to the claim's page, where the
 * admin decides.
 */
import './claims.css';
import { useEffect, useState } from 'react';
import { AdminFrame } from '../admin/AdminFrame.tsx';
import { useSession } from '../auth/SessionContext.tsx';
import { Card, DataTable, EmptyState, Notice, PageTitle } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { messageOf } from '../data/useApi.ts';
import {
  claimAskedColumn,
  claimOpenedColumn,
  claimOrderColumn,
  claimReasonColumn,
} from './claim-columns.tsx';
import { ageOf } from './claim-rules.ts';
import { claimMessages as m } from './messages.ts';
import type { ClaimPage, ClaimSummary } from './types.ts';

/** The head of the queue; the page says when more wait behind it. */
const LIMIT = 100;
const REFRESH_MS = 15_000;

export default function DisputesPage() {
  return (
    <AdminFrame>
      <Disputes />
    </AdminFrame>
  );
}

function Disputes() {
  const { session } = useSession();
  const [claims, setClaims] = useState<ClaimSummary[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const answer = await session.fetchJson<ClaimPage>(
          `/api/v1/claims?status=escalated&sort=longest_waiting&limit=${LIMIT}`,
        );
        if (!alive) return;
        setClaims(answer.items);
        setTruncated(answer.hasMore);
        setError(null);
      } catch (e) {
        if (alive) setError(e);
      }
    };
    void load();
    const timer = setInterval(() => document.visibilityState === 'visible' && void load(), REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [session]);

  const now = new Date();
  return (
    <>
      <PageTitle title={m.disputesTitle} description={m.disputesDescription} />
      <Card>
        {error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(error)}
          </Notice>
        ) : (
          <DataTable<ClaimSummary>
            caption={m.disputesTitle}
            captionHidden
            rows={claims}
            rowKey={(c) => c.id}
            empty={<EmptyState title={m.disputesEmpty}>{m.disputesEmptyHint}</EmptyState>}
            columns={[
              claimOpenedColumn,
              claimOrderColumn,
              { key: 'parties', header: m.parties, render: (c) => `${c.seller.name} → ${c.buyer.name}` },
              claimReasonColumn,
              claimAskedColumn,
              {
                key: 'waiting',
                header: m.waiting,
                render: (c) => {
                  const age = ageOf(c.updatedAt, now);
                  return (
                    <span className="order-cell">
                      <span>{m.ageOf(age.value, age.unit)}</span>
                      <time className="muted" dateTime={c.updatedAt}>
                        {formatDateTime(c.updatedAt)}
                      </time>
                    </span>
                  );
                },
              },
            ]}
          />
        )}
        {truncated && <p className="muted">{m.more(LIMIT)}</p>}
      </Card>
    </>
  );
}
