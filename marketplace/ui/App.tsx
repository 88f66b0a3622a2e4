import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from './auth/LoginPage.tsx';
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

const pageFallback = <Skeleton height={40} width="50%" label="Loading page" />;

const page = (element: ReactNode, buyersOnly = false) => {
  const loaded = <Suspense fallback={pageFallback}>{element}</Suspense>;
  return buyersOnly ? <RequireBuyer>{loaded}</RequireBuyer> : loaded;
};
const BUYERS = true;

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
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
