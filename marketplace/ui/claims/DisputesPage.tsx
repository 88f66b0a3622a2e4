/**
 * `/admin/disputes`, the admin panel's Disputes tab: claims the buyer or the manufacturer asked Wholesail to
 * decide, the longest waiting first. The API lists claims newest first in pages, so every page of escalated
 * claims is read (they are few: each is a person's case) and turned around; each links to the claim's page,
 * where the admin decides.
 */
import './claims.css';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { AdminFrame } from '../admin/AdminFrame.tsx';
import { useSession } from '../auth/SessionContext.tsx';
import { Card, DataTable, EmptyState, Notice, PageTitle } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf } from '../data/useApi.ts';
import { ageOf } from './claim-rules.ts';
import { claimMessages as m } from './messages.ts';
import { claimTypeLabel, requestedLabel } from './status.ts';
import type { ClaimPage, ClaimSummary } from './types.ts';
import { useClaimedValues } from './useClaimedValues.ts';

const LIMIT = 100;
/** A ceiling on reading pages, so a runaway backlog cannot hang the tab; the page says when it was reached. */
const MAX_PAGES = 20;
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
  const values = useClaimedValues(claims ?? []);

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const all: ClaimSummary[] = [];
        let more = true;
        for (let page = 0; more && page < MAX_PAGES; page++) {
          const answer = await session.fetchJson<ClaimPage>(
            `/api/v1/claims?status=escalated&limit=${LIMIT}&offset=${page * LIMIT}`,
          );
          all.push(...answer.items);
          more = answer.hasMore;
        }
        // Escalation is the claim's last change until Wholesail decides, so updatedAt is when it started waiting.
        all.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
        if (!alive) return;
        setClaims(all);
        setTruncated(more);
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
              {
                key: 'claim',
                header: m.claimOpened,
                render: (c) => (
                  <span className="order-cell">
                    <Link to={`/claims/${c.id}`}>{m.claimLink(c.id)}</Link>
                    <time className="muted" dateTime={c.openedAt}>
                      {formatDateTime(c.openedAt)}
                    </time>
                  </span>
                ),
              },
              {
                key: 'order',
                header: m.order,
                render: (c) => <Link to={`/orders/${c.orderId}`}>{m.shortId(c.orderId)}</Link>,
              },
              { key: 'parties', header: m.parties, render: (c) => `${c.seller.name} → ${c.buyer.name}` },
              { key: 'reason', header: m.reason, render: (c) => claimTypeLabel(c.type) },
              {
                key: 'asked',
                header: m.asked,
                numeric: true,
                render: (c) => (
                  <span className="order-cell">
                    <span>
                      {!(c.id in values)
                        ? '…'
                        : values[c.id] === null
                          ? '—'
                          : formatMoney(values[c.id]!, c.currency)}
                    </span>
                    <span className="muted">{m.asksFor(requestedLabel(c.requestedOutcome))}</span>
                  </span>
                ),
              },
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
        {truncated && <p className="muted">{m.more(LIMIT * MAX_PAGES)}</p>}
      </Card>
    </>
  );
}
