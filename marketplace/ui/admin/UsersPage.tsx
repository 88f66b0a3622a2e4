/**
 * `/admin/users`: every account, newest first, searchable by email and filtered by status, or only one company's
 * members (`?companyId=`, from the companies list or a KYB case). Suspend and reinstate ask for a reason.
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
import { ROLE_LABEL } from '../shell/navigation.ts';
import { AdminFrame } from './AdminFrame.tsx';
import { ListFilters } from './ListFilters.tsx';
import { adminMessages as m } from './messages.ts';
import { StatusDialog, useStatusAction } from './StatusDialog.tsx';
import type { AdminCompany, AdminUser, Paged } from './types.ts';

const LIMIT = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function UsersPage() {
  return (
    <AdminFrame>
      <Users />
    </AdminFrame>
  );
}

function Users() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const companyId = UUID.test(params.get('companyId') ?? '') ? params.get('companyId') : null;
  const query = new URLSearchParams();
  for (const key of ['q', 'status']) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  if (companyId) query.set('companyId', companyId);
  query.set('limit', String(LIMIT));
  query.set('offset', String(offset));
  const users = useApi<Paged<AdminUser>>(`/api/v1/admin/users?${query}`);
  const company = useApi<AdminCompany>(companyId ? `/api/v1/admin/companies/${companyId}` : null);
  const action = useStatusAction<AdminUser>({
    path: (u, a) => `/api/v1/admin/users/${u.id}/${a}`,
    done: (u, a) => (a === 'suspend' ? m.suspended(u.email) : m.reinstated(u.email)),
    onDone: () => users.reload(),
  });

  const allCompanies = () => {
    const next = new URLSearchParams(params);
    next.delete('companyId');
    next.delete('offset');
    setParams(next);
  };

  return (
    <>
      <PageTitle
        title={companyId && company.data ? m.onlyCompany(company.data.name) : m.usersTitle}
        description={m.usersDescription}
        actions={
          companyId && (
            <Button variant="secondary" onClick={allCompanies}>
              {m.allCompanies}
            </Button>
          )
        }
      />
      <Card>
        <ListFilters
          params={params}
          setParams={setParams}
          search={{ key: 'q', label: m.searchUsers }}
          selects={[{ key: 'status', label: m.status, options: m.userStatus }]}
        />
        <div aria-live="polite">{action.flash && <Notice tone="positive">{action.flash}</Notice>}</div>
        {users.error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(users.error)}
          </Notice>
        ) : (
          <DataTable<AdminUser>
            caption={m.usersTitle}
            captionHidden
            rows={users.data?.items ?? null}
            rowKey={(u) => u.id}
            empty={<EmptyState title={m.usersEmpty}>{m.usersEmptyHint}</EmptyState>}
            columns={[
              {
                key: 'email',
                header: m.email,
                render: (u) => (
                  <span className="product-cell">
                    <strong>{u.email}</strong>
                    <span className="muted">{m.createdOn(formatDate(u.createdAt))}</span>
                  </span>
                ),
              },
              {
                key: 'company',
                header: m.company,
                render: (u) => (
                  <span className="product-cell">
                    <Link to={`/admin/users?companyId=${u.companyId}`}>{u.companyName}</Link>
                    <span className="muted">{m.kinds[u.companyKind] ?? u.companyKind}</span>
                  </span>
                ),
              },
              { key: 'role', header: m.role, render: (u) => ROLE_LABEL[u.role] ?? u.role },
              {
                key: 'status',
                header: m.status,
                render: (u) => (
                  <span className="product-cell">
                    <span className="badge-row">
                      <Badge tone={u.status === 'active' ? 'positive' : 'negative'}>
                        {m.userStatus[u.status] ?? u.status}
                      </Badge>
                      {!u.emailVerified && <Badge tone="warning">{m.unverifiedEmail}</Badge>}
                      {u.twoFactor && <Badge tone="info">{m.twoFactor}</Badge>}
                    </span>
                    {u.suspensionReason && (
                      <span className="muted wrap">{m.suspendedBecause(u.suspensionReason)}</span>
                    )}
                  </span>
                ),
              },
              {
                key: 'actions',
                header: m.actions,
                render: (u) =>
                  u.status === 'active' ? (
                    <Button
                      variant="secondary"
                      aria-label={m.suspendOf(u.email)}
                      onClick={() => action.start(u, 'suspend')}
                    >
                      {m.suspend}
                    </Button>
                  ) : u.status === 'suspended' ? (
                    <Button
                      variant="secondary"
                      aria-label={m.reinstateOf(u.email)}
                      onClick={() => action.start(u, 'reinstate')}
                    >
                      {m.reinstate}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
        <PrevNext
          offset={offset}
          limit={LIMIT}
          hasNext={users.data?.hasMore ?? false}
          label={m.pages(m.usersTitle)}
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
        title={(u, a) => (a === 'suspend' ? m.suspendUserTitle(u.email) : m.reinstateUserTitle(u.email))}
        text={(_, a) => (a === 'suspend' ? m.suspendUserText : m.reinstateUserText)}
        confirm={(_, a) => (a === 'suspend' ? m.suspendUser : m.reinstateUser)}
      />
    </>
  );
}
