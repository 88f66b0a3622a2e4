/**
 * `/admin/kyb`: the verification queue. One tab per KYB state (waiting for review first), the longest-waiting
 * case at the top as the API orders it, pages of 25. State and page live in the URL.
 */
import { Link, useSearchParams } from 'react-router';
import { Badge, Card, DataTable, EmptyState, Notice, PageTitle, PrevNext } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { withColon } from '../i18n/index.ts';
import { countryLabel } from '../verification/CaseFacts.tsx';
import type { KybStatus } from '../verification/types.ts';
import { AdminFrame } from './AdminFrame.tsx';
import { adminMessages as m } from './messages.ts';
import type { Paged, QueueItem } from './types.ts';

const LIMIT = 25;
const TABS: KybStatus[] = ['submitted', 'changes_requested', 'rejected', 'not_submitted', 'approved'];

export default function KybQueuePage() {
  return (
    <AdminFrame>
      <Queue />
    </AdminFrame>
  );
}

function Queue() {
  const [params, setParams] = useSearchParams();
  const status = (TABS as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as KybStatus)
    : 'submitted';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const queue = useApi<Paged<QueueItem>>(
    `/api/v1/admin/kyb?status=${status}&limit=${LIMIT}&offset=${offset}`,
  );
  const waitingColumn = status === 'submitted';

  return (
    <>
      <PageTitle title={m.queueTitle} description={m.queueDescription} />
      <nav className="admin-tabs" aria-label={m.queueTabs}>
        <ul>
          {TABS.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                {m.kybStatus[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Card>
        {queue.error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(queue.error)}
          </Notice>
        ) : (
          <DataTable<QueueItem>
            caption={m.kybStatus[status]}
            captionHidden
            rows={queue.data?.items ?? null}
            rowKey={(r) => r.companyId}
            empty={<EmptyState title={m.queueEmpty[status]}>{m.queueEmptyHint}</EmptyState>}
            columns={[
              {
                key: 'company',
                header: m.company,
                render: (r) => (
                  <span className="product-cell">
                    <Link to={`/admin/kyb/${r.companyId}`}>{r.name}</Link>
                    <span className="muted">
                      {r.city}, {countryLabel(r.country)}
                    </span>
                  </span>
                ),
              },
              waitingColumn
                ? {
                    key: 'submitted',
                    header: m.submitted,
                    render: (r) => (
                      <span className="order-cell">
                        {r.submittedAt ? formatDateTime(r.submittedAt) : '—'}
                        {r.waitingHours !== null && (
                          <span className="muted">
                            {withColon(m.waiting)} {m.waitingFor(r.waitingHours)}
                          </span>
                        )}
                      </span>
                    ),
                  }
                : {
                    key: 'decided',
                    header: m.decided,
                    render: (r) => (r.decidedAt ? formatDateTime(r.decidedAt) : '—'),
                  },
              { key: 'documents', header: m.documents, numeric: true, render: (r) => r.documents },
              {
                key: 'rejections',
                header: m.rejections,
                numeric: true,
                render: (r) =>
                  r.previousRejections > 0 ? (
                    <Badge tone="warning">{r.previousRejections}</Badge>
                  ) : (
                    r.previousRejections
                  ),
              },
              {
                key: 'trust',
                header: m.trust,
                numeric: true,
                render: (r) => (r.trustScore === null ? '—' : r.trustScore),
              },
            ]}
          />
        )}
        <PrevNext
          offset={offset}
          limit={LIMIT}
          hasNext={queue.data?.hasMore ?? false}
          label={m.pages(m.queueTitle)}
          onChange={(o) => setParams(o > 0 ? { status, offset: String(o) } : { status })}
        />
      </Card>
    </>
  );
}
