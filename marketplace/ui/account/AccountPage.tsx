/**
 * /account, for everyone signed in: who they are (read only), two-factor authentication on or off, which
 * notifications they get, and signing out of this device. Reads /api/v1/me itself rather than the session's copy,
 * so the two-factor state shown is the API's after each change.
 */
import './account.css';
import { useSession } from '../auth/SessionContext.tsx';
import type { Me } from '../auth/session.ts';
import { Badge, Button, Card, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { withColon } from '../i18n/index.ts';
import { KIND_LABEL, ROLE_LABEL } from '../shell/navigation.ts';
import { accountMessages as m } from './messages.ts';
import { NotificationsCard } from './NotificationsCard.tsx';
import { TwoFactorCard } from './TwoFactorCard.tsx';

export default function AccountPage() {
  const account = useApi<Me>('/api/v1/me');
  const me = account.data;

  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      {account.error ? (
        <Notice tone="negative" title={m.loadError} alert>
          {messageOf(account.error)}
        </Notice>
      ) : (
        <div className="account-page">
          <div className="split">
            {me ? (
              <TwoFactorCard email={me.email} on={me.twoFactor} onChanged={account.reload} />
            ) : (
              <Card title={m.twoFactor}>
                <Skeleton height={80} />
              </Card>
            )}
            <div className="stack">
              <ProfileCard me={me} />
              <DeviceCard />
            </div>
          </div>
          <NotificationsCard />
        </div>
      )}
    </>
  );
}

function ProfileCard({ me }: { me: Me | null }) {
  // The company's name is not part of /me; any member may read their own company (GET /api/v1/company).
  const company = useApi<{ name: string }>('/api/v1/company');
  if (!me)
    return (
      <Card title={m.profile}>
        <Skeleton height={80} />
      </Card>
    );
  const kind = KIND_LABEL[me.companyKind] ?? me.companyKind;
  return (
    <Card title={m.profile}>
      <dl className="account-profile">
        <div>
          <dt>{withColon(m.email)}</dt>
          <dd>
            <span className="account-email">{me.email}</span>{' '}
            <Badge tone={me.emailVerified ? 'positive' : 'warning'}>
              {me.emailVerified ? m.emailVerified : m.emailNotVerified}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>{withColon(m.role)}</dt>
          <dd>{ROLE_LABEL[me.role] ?? me.role}</dd>
        </div>
        <div>
          <dt>{withColon(m.company)}</dt>
          <dd>{company.data ? `${company.data.name} · ${kind}` : kind}</dd>
        </div>
      </dl>
    </Card>
  );
}

function DeviceCard() {
  const { logout } = useSession();
  return (
    <Card title={m.device}>
      <div className="account-device">
        <p className="account-explain">{m.signOutExplain}</p>
        <Button variant="secondary" onClick={() => void logout()}>
          {m.signOut}
        </Button>
      </div>
    </Card>
  );
}
