/**
 * `/claims`: the claims the signed-in company is a party to (a retailer's own, those against a manufacturer;
 * platform staff: all), newest first as the API lists them, filtered by status on the API, 25 to a page. The
 * status and page live in the URL.
 */
import './claims.css';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import {
  Badge,
  Card,
  DataTable,
  EmptyState,
  Field,
  Notice,
  PageTitle,
  PrevNext,
} from '../components/index.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import {
  claimAskedColumn,
  claimOpenedColumn,
  claimOrderColumn,
  claimReasonColumn,
} from './claim-columns.tsx';
import { ageOf, CLAIM_STATUSES } from './claim-rules.ts';
import { claimMessages as m } from './messages.ts';
import { claimStatusLabel, claimStatusTone } from './status.ts';
import type { ClaimPage, ClaimSummary } from './types.ts';

const LIMIT = 25;

export default function ClaimsPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const status = (CLAIM_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? params.get('status')!
    : '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const claims = useApi<ClaimPage>(
    `/api/v1/claims?limit=${LIMIT}&offset=${offset}${status ? `&status=${status}` : ''}`,
    { refreshMs: 15_000 },
  );
  const rows = claims.data?.items ?? null;
  const side =
    me?.companyKind === 'retailer' ? 'buyer' : me?.companyKind === 'manufacturer' ? 'seller' : 'platform';
  const now = new Date();

  const counterparty = (c: ClaimSummary) =>
    side === 'buyer'
      ? c.seller.name
      : side === 'seller'
        ? c.buyer.name
        : `${c.seller.name} → ${c.buyer.name}`;

  return (
    <>
      <PageTitle
        title={m.title}
        description={side === 'buyer' ? m.listBuyer : side === 'seller' ? m.listSeller : m.listPlatform}
      />
      <Card>
        <div className="list-toolbar">
          <Field label={m.statusFilter}>
            {({ id }) => (
              <select
                id={id}
                value={status}
                onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
              >
                <option value="">{m.allStatuses}</option>
                {CLAIM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {claimStatusLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {claims.error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(claims.error)}
          </Notice>
        ) : (
          <DataTable<ClaimSummary>
            caption={m.title}
            captionHidden
            rows={rows}
            rowKey={(c) => c.id}
            empty={
              <EmptyState title={m.empty}>
                {status ? m.emptyFiltered : side === 'seller' ? m.emptySeller : m.emptyBuyer}
              </EmptyState>
            }
            columns={[
              claimOpenedColumn,
              claimOrderColumn,
              {
                key: 'other',
                header: side === 'buyer' ? m.supplier : side === 'seller' ? m.buyer : m.parties,
                render: counterparty,
              },
              claimReasonColumn,
              claimAskedColumn,
              {
                key: 'status',
                header: m.statusFilter,
                render: (c) => <Badge tone={claimStatusTone(c.status)}>{claimStatusLabel(c.status)}</Badge>,
              },
              {
                key: 'age',
                header: m.age,
                render: (c) => {
                  const age = ageOf(c.openedAt, now);
                  return m.ageOf(age.value, age.unit);
                },
              },
            ]}
          />
        )}
        <PrevNext
          offset={offset}
          limit={LIMIT}
          hasNext={Boolean(claims.data?.hasMore)}
          label={m.pages}
          onChange={(o) => setParams({ ...(status ? { status } : {}), ...(o ? { offset: String(o) } : {}) })}
        />
      </Card>
    </>
  );
}
