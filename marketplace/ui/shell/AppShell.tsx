import { NavLink, Outlet } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Button } from '../components/index.ts';
import { KIND_LABEL, ROLE_LABEL, navFor } from './navigation.ts';

/** The frame around every signed-in page: brand, the caller's pages, who is signed in, sign out. */
export function AppShell() {
  const { me, logout } = useSession();
  if (!me) return null;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__sidebar">
        <a className="shell__brand" href="/">
          Whole<span>sail</span>
        </a>
        <nav className="shell__nav" aria-label="Main">
          <ul>
            {navFor(me).map((item) => (
              <li key={item.path}>
                <NavLink to={item.path}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell__account">
          <span>
            {me.email}
            <br />
            {KIND_LABEL[me.companyKind]} · {ROLE_LABEL[me.role] ?? me.role}
          </span>
          <Button variant="ghost" onClick={() => void logout()}>
            Sign out
          </Button>
        </div>
      </header>
      <main className="shell__main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
