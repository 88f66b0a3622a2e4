/**
 * What every admin page shares: the check that the caller is a platform admin (executives and analysts are
 * platform staff too, but the API refuses them here, so the page says so instead of showing errors) and the
 * admin sections' navigation.
 */
import '../styles/admin.css';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { DISPUTES_TAB } from '../claims/admin-tab.ts';
import { Card, EmptyState } from '../components/index.ts';
import { adminMessages as m } from './messages.ts';
import { opsMessages } from './ops-messages.ts';

const SECTIONS = [
  { path: '/admin/kyb', label: m.nav.kyb },
  { path: '/admin/companies', label: m.nav.companies },
  { path: '/admin/users', label: m.nav.users },
  { path: '/admin/risk-flags', label: m.nav.riskFlags },
  { path: '/admin/audit-log', label: m.nav.auditLog },
  { path: '/admin/products', label: m.nav.products },
  { path: '/admin/orders', label: opsMessages.nav.orders },
  { path: '/admin/platform', label: opsMessages.nav.platform },
  DISPUTES_TAB,
];

export const isPlatformAdmin = (permissions: string[] | undefined) =>
  Boolean(permissions?.includes('platform:admin'));

export function AdminFrame(props: { children: ReactNode }) {
  const { me } = useSession();
  if (!isPlatformAdmin(me?.permissions))
    return (
      <Card>
        <EmptyState title={m.notAdmin} />
      </Card>
    );
  return (
    <div className="admin-page">
      <nav className="admin-nav" aria-label={m.sections}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.path}>
              <NavLink to={s.path}>{s.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </div>
  );
}
