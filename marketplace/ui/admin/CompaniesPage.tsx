/**
 * `/admin/companies`: every company, newest first, searchable by name and filtered by kind and status (all in
 * the URL). Suspend and reinstate ask for a reason first (recorded in the audit log with the change).
 */
import { Link, useSearchParams } from 'react-router';
import {
  Badge,
  Button,
  Card,
  DataTable,
  EmptyState,
  Notice,
  PageTitle,
  PrevNext,
} from '../components/index.ts';
import { formatDate } from '../data/dates.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { countryLabel } from '../verification/CaseFacts.tsx';
import { AdminFrame } from './AdminFrame.tsx';
import { ListFilters } from './ListFilters.tsx';
import { adminMessages as m } from './messages.ts';
import { StatusDialog, useStatusAction } from './StatusDialog.tsx';
import type { AdminCompany, Paged } from './types.ts';

const LIMIT = 25;

export default function CompaniesPage() {
  return (
    <AdminFrame>
      <Companies />
    </AdminFrame>
  );
}

function Companies() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = new URLSearchParams();
  for (const key of ['q', 'kind', 'status']) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  query.set('limit', String(LIMIT));
  query.set('offset', String(offset));
  const companies = useApi<Paged<AdminCompany>>(`/api/v1/admin/companies?${query}`);
  const action = useStatusAction<AdminCompany>({
    path: (c, a) => `/api/v1/admin/companies/${c.id}/${a}`,
    done: (c, a) => (a === 'suspend' ? m.suspended(c.name) : m.reinstated(c.name)),
    onDone: () => companies.reload(),
  });

  return (
    <>
      <PageTitle title={m.companiesTitle} description={m.companiesDescription} />
      <Card>
        <ListFilters
          params={params}
          setParams={setParams}
          search={{ key: 'q', label: m.searchCompanies }}
          selects={[
            { key: 'kind', label: m.kind, options: m.kinds },
            { key: 'status', label: m.status, options: m.companyStatus },
          ]}
        />
        <div aria-live="polite">{action.flash && <Notice tone="positive">{action.flash}</Notice>}</div>
        {companies.error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(companies.error)}
          </Notice>
        ) : (
          <DataTable<AdminCompany>
            caption={m.companiesTitle}
            captionHidden
            rows={companies.data?.items ?? null}
            rowKey={(c) => c.id}
            empty={<EmptyState title={m.companiesEmpty}>{m.companiesEmptyHint}</EmptyState>}
            columns={[
              {
                key: 'name',
                header: m.company,
                render: (c) => (
                  <span className="product-cell">
                    <strong>{c.name}</strong>
                    <span className="muted">
                      {c.city}, {countryLabel(c.country)}
                    </span>
                  </span>
                ),
              },
              { key: 'kind', header: m.kind, render: (c) => m.kinds[c.kind] ?? c.kind },
              {
                key: 'status',
                header: m.status,
                render: (c) => (
                  <span className="product-cell">
                    <Badge tone={c.status === 'active' ? 'positive' : 'negative'}>
                      {m.companyStatus[c.status] ?? c.status}
                    </Badge>
                    {c.suspensionReason && (
                      <span className="muted wrap">{m.suspendedBecause(c.suspensionReason)}</span>
                    )}
                  </span>
                ),
              },
              { key: 'created', header: m.created, render: (c) => formatDate(c.createdAt) },
              {
                key: 'actions',
                header: m.actions,
                render: (c) => (
                  <span className="button-row admin-row-actions">
                    {c.status === 'active' ? (
                      <Button
                        variant="secondary"
                        aria-label={m.suspendOf(c.name)}
                        onClick={() => action.start(c, 'suspend')}
                      >
                        {m.suspend}
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        aria-label={m.reinstateOf(c.name)}
                        onClick={() => action.start(c, 'reinstate')}
                      >
                        {m.reinstate}
                      </Button>
                    )}
                    <Link to={`/admin/users?companyId=${c.id}`} aria-label={m.membersOf(c.name)}>
                      {m.members}
                    </Link>
                    {c.kind === 'manufacturer' && (
                      <Link to={`/admin/kyb/${c.id}`} aria-label={m.kybCaseOf(c.name)}>
                        {m.kybCase}
                      </Link>
                    )}
                  </span>
                ),
              },
            ]}
          />
        )}
        <PrevNext
          offset={offset}
          limit={LIMIT}
          hasNext={companies.data?.hasMore ?? false}
          label={m.pages(m.companiesTitle)}
          onChange={(o) => {
            const next = new URLSearchParams(params);
            if (o > 0) next.set('offset', String(o));
            else next.delete('offset');
            setParams(next);
          }}
        />
      </Card>
      <StatusDialog
        action={action}
        title={(c, a) => (a === 'suspend' ? m.suspendCompanyTitle(c.name) : m.reinstateCompanyTitle(c.name))}
        text={(_, a) => (a === 'suspend' ? m.suspendCompanyText : m.reinstateCompanyText)}
        confirm={(_, a) => (a === 'suspend' ? m.suspendCompany : m.reinstateCompany)}
      />
    </>
  );
}
