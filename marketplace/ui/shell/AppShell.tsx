import { NavLink, Outlet } from 'react-router';
import { ACCOUNT_PATH, accountLinkMessages } from '../account/account-link.ts';
import { useSession } from '../auth/SessionContext.tsx';
import { Button, CountBadge } from '../components/index.ts';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx';
import { CartProvider, useCart } from '../storefront/CartContext.tsx';
import { UnreadMessagesBadge } from '../messages/UnreadMessagesBadge.tsx';
import { VerificationBanner } from '../verification/VerificationBanner.tsx';
import { shellMessages as m } from './messages.ts';
import { KIND_LABEL, ROLE_LABEL, cartCountLabel, navFor, navLabel, type NavItem } from './navigation.ts';

/** The frame around every signed-in page: brand, the caller's pages, who is signed in, sign out. */
export function AppShell() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <CartProvider>
      <Shell />
    </CartProvider>
  );
}

function NavCount({ item }: { item: NavItem }) {
  const { cart } = useCart();
  if (item.badge === 'unreadMessages') return <UnreadMessagesBadge />;
  if (item.badge !== 'cartLines' || !cart) return null;
  return <CountBadge count={cart.lineCount} label={cartCountLabel(cart.lineCount)} />;
}

function Shell() {
  const { me, logout } = useSession();
  if (!me) return null;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header className="shell__sidebar">
        <a className="shell__brand" href="/">
          Whole<span>sail</span>
        </a>
        <nav className="shell__nav" aria-label={m.mainNavigation}>
          <ul>
            {navFor(me).map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={item.end}>
                  {navLabel(item)}
                  <NavCount item={item} />
                </NavLink>
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
          {/* Styled as the sign-out button beside it: the sidebar's colours, no underline. */}
          <NavLink
            to={ACCOUNT_PATH}
            className="ws-button ws-button--ghost"
            style={{ textAlign: 'center', textDecoration: 'none' }}
          >
            {accountLinkMessages.account}
          </NavLink>
          <Button variant="ghost" onClick={() => void logout()}>
            {m.signOut}
          </Button>
          <LanguageSwitcher className="shell__language" />
        </div>
      </header>
      <main className="shell__main" id="main" tabIndex={-1}>
        {me.companyKind === 'manufacturer' && <VerificationBanner />}
        <Outlet />
      </main>
    </div>
  );
}
