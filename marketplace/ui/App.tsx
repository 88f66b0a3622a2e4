import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import {
  AcceptInvitationPage,
  LoginPage,
  RegisterPage,
  ResetPasswordPage,
  VerifyEmailPage,
} from './auth/public-pages.tsx';
import { SessionProvider } from './auth/SessionContext.tsx';
import { Card, EmptyState, Skeleton } from './components/index.ts';
import { AppShell } from './shell/AppShell.tsx';
import { RequireBuyer } from './storefront/CartContext.tsx';
import { HomeRedirect, RequireKind, RequireSession } from './shell/guards.tsx';

// Each dashboard (with the Cube client) is its own chunk; ECharts loads later still, with the first chart.
const ExecutiveDashboard = lazy(() => import('../../dashboards/pages/ExecutiveDashboard.tsx'));
const ManufacturerDashboard = lazy(() => import('../../dashboards/pages/ManufacturerDashboard.tsx'));
const RetailerSpending = lazy(() => import('../../dashboards/pages/RetailerSpending.tsx'));
// Storefront and order pages load on first visit too, so the sign-in page stays small.
const CatalogPage = lazy(() => import('./storefront/CatalogPage.tsx'));
const ProductPage = lazy(() => import('./storefront/ProductPage.tsx'));
const ManufacturerPage = lazy(() => import('./storefront/ManufacturerPage.tsx'));
const CartPage = lazy(() => import('./storefront/CartPage.tsx'));
const CheckoutPage = lazy(() => import('./storefront/CheckoutPage.tsx'));
const PaymentPage = lazy(() => import('./storefront/PaymentPage.tsx'));
const ConfirmationPage = lazy(() => import('./storefront/ConfirmationPage.tsx'));
const OrdersPage = lazy(() => import('./orders/OrdersPage.tsx'));
const OrderDetailPage = lazy(() => import('./orders/OrderDetailPage.tsx'));
// The seller portal (manufacturers): one chunk per page as well.
const ProductsPage = lazy(() => import('./seller/ProductsPage.tsx'));
const ProductEditorPage = lazy(() => import('./seller/ProductEditorPage.tsx'));
const ImportPage = lazy(() => import('./seller/ImportPage.tsx'));
const InventoryPage = lazy(() => import('./seller/InventoryPage.tsx'));
const TeamPage = lazy(() => import('./seller/TeamPage.tsx'));
const BillingPage = lazy(() => import('./seller/BillingPage.tsx'));
const SettlementsPage = lazy(() => import('./seller/SettlementsPage.tsx'));
// Company verification (manufacturers) and the admin panel (platform admins): one chunk per page.
const VerificationPage = lazy(() => import('./verification/VerificationPage.tsx'));
const KybQueuePage = lazy(() => import('./admin/KybQueuePage.tsx'));
const KybCasePage = lazy(() => import('./admin/KybCasePage.tsx'));
const AdminCompaniesPage = lazy(() => import('./admin/CompaniesPage.tsx'));
const AdminUsersPage = lazy(() => import('./admin/UsersPage.tsx'));
const RiskFlagsPage = lazy(() => import('./admin/RiskFlagsPage.tsx'));
const AuditLogPage = lazy(() => import('./admin/AuditLogPage.tsx'));
const ModerationPage = lazy(() => import('./admin/ModerationPage.tsx'));
// Operations (platform admins): orders that need attention and the platform's vital signs.
const OrdersAttentionPage = lazy(() => import('./admin/OrdersAttentionPage.tsx'));
const PlatformMetricsPage = lazy(() => import('./admin/PlatformMetricsPage.tsx'));
// The analysts' tools (platform staff): the query explorer and the SQL console, one chunk each.
const ExplorePage = lazy(() => import('./analyst/ExplorePage.tsx'));
const SqlConsolePage = lazy(() => import('./analyst/SqlConsolePage.tsx'));
// Returns and claims: the list, one claim, and the admin's Disputes tab, one chunk each.
const ClaimsPage = lazy(() => import('./claims/ClaimsPage.tsx'));
const ClaimDetailPage = lazy(() => import('./claims/ClaimDetailPage.tsx'));
const DisputesPage = lazy(() => import('./claims/DisputesPage.tsx'));
// The inbox (retailers and manufacturers): list and conversation in one chunk.
const MessagesPage = lazy(() => import('./messages/MessagesPage.tsx'));
// The account page (everyone signed in); the QR code library is a later chunk still, fetched on enrolment.
const AccountPage = lazy(() => import('./account/AccountPage.tsx'));

const pageFallback = <Skeleton height={40} width="50%" label="Loading page" />;

const page = (element: ReactNode, buyersOnly = false) => {
  const loaded = <Suspense fallback={pageFallback}>{element}</Suspense>;
  return buyersOnly ? <RequireBuyer>{loaded}</RequireBuyer> : loaded;
};
const BUYERS = true;
const sellerPage = (element: ReactNode) => (
  <RequireKind kinds={['manufacturer']}>{page(element)}</RequireKind>
);
// Admin pages check the platform:admin permission themselves (admin/AdminFrame.tsx), inside their chunk.
const adminPage = (element: ReactNode) => <RequireKind kinds={['platform']}>{page(element)}</RequireKind>;
// Messages are between the two trading sides; platform staff are no party to them (messaging/thread-access.ts).
const tradingPage = (element: ReactNode) => (
  <RequireKind kinds={['retailer', 'manufacturer']}>{page(element)}</RequireKind>
);

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/verify-email" element={<VerifyEmailPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
          <Route
            element={
              <RequireSession>
                <AppShell />
              </RequireSession>
            }
          >
            <Route index element={<HomeRedirect />} />
            <Route
              path="executive"
              element={
                <RequireKind kinds={['platform']}>
                  <Suspense fallback={pageFallback}>
                    <ExecutiveDashboard />
                  </Suspense>
                </RequireKind>
              }
            />
            <Route
              path="seller"
              element={
                <RequireKind kinds={['manufacturer']}>
                  <Suspense fallback={pageFallback}>
                    <ManufacturerDashboard />
                  </Suspense>
                </RequireKind>
              }
            />
            <Route
              path="spending"
              element={
                <RequireKind kinds={['retailer']}>
                  <Suspense fallback={pageFallback}>
                    <RetailerSpending />
                  </Suspense>
                </RequireKind>
              }
            />
            <Route path="catalog" element={page(<CatalogPage />)} />
            <Route path="catalog/products/:id" element={page(<ProductPage />)} />
            <Route path="catalog/manufacturers/:id" element={page(<ManufacturerPage />)} />
            <Route path="cart" element={page(<CartPage />, BUYERS)} />
            <Route path="checkout" element={page(<CheckoutPage />, BUYERS)} />
            <Route path="order-groups/:id/pay" element={page(<PaymentPage />, BUYERS)} />
            <Route path="order-groups/:id" element={page(<ConfirmationPage />, BUYERS)} />
            <Route path="orders" element={page(<OrdersPage />)} />
            <Route path="orders/:id" element={page(<OrderDetailPage />)} />
            <Route path="claims" element={page(<ClaimsPage />)} />
            <Route path="claims/:id" element={page(<ClaimDetailPage />)} />
            <Route path="messages" element={tradingPage(<MessagesPage />)} />
            <Route path="messages/new" element={tradingPage(<MessagesPage compose />)} />
            <Route path="messages/:threadId" element={tradingPage(<MessagesPage />)} />
            <Route path="account" element={page(<AccountPage />)} />
            <Route path="products" element={sellerPage(<ProductsPage />)} />
            <Route path="products/new" element={sellerPage(<ProductEditorPage />)} />
            <Route path="products/import" element={sellerPage(<ImportPage />)} />
            <Route path="products/:id" element={sellerPage(<ProductEditorPage />)} />
            <Route path="inventory" element={sellerPage(<InventoryPage />)} />
            <Route path="team" element={sellerPage(<TeamPage />)} />
            <Route path="billing" element={sellerPage(<BillingPage />)} />
            <Route path="settlements" element={sellerPage(<SettlementsPage />)} />
            <Route path="seller/verification" element={sellerPage(<VerificationPage />)} />
            <Route path="admin" element={<Navigate to="/admin/kyb" replace />} />
            <Route path="admin/kyb" element={adminPage(<KybQueuePage />)} />
            <Route path="admin/kyb/:id" element={adminPage(<KybCasePage />)} />
            <Route path="admin/companies" element={adminPage(<AdminCompaniesPage />)} />
            <Route path="admin/users" element={adminPage(<AdminUsersPage />)} />
            <Route path="admin/risk-flags" element={adminPage(<RiskFlagsPage />)} />
            <Route path="admin/audit-log" element={adminPage(<AuditLogPage />)} />
            <Route path="admin/products" element={adminPage(<ModerationPage />)} />
            <Route path="admin/orders" element={adminPage(<OrdersAttentionPage />)} />
            <Route path="admin/platform" element={adminPage(<PlatformMetricsPage />)} />
            <Route path="admin/disputes" element={adminPage(<DisputesPage />)} />
            <Route
              path="analytics/explore"
              element={<RequireKind kinds={['platform']}>{page(<ExplorePage />)}</RequireKind>}
            />
            <Route
              path="analytics/sql"
              element={<RequireKind kinds={['platform']}>{page(<SqlConsolePage />)}</RequireKind>}
            />
            <Route
              path="*"
              element={
                <Card>
                  <EmptyState title="Page not found">There is no page at this address.</EmptyState>
                </Card>
              }
            />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
