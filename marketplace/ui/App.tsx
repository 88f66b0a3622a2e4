import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from './auth/LoginPage.tsx';
import { SessionProvider } from './auth/SessionContext.tsx';
import { Card, EmptyState, Skeleton } from './components/index.ts';
import { AppShell } from './shell/AppShell.tsx';
import { HomeRedirect, RequireKind, RequireSession } from './shell/guards.tsx';

// Each dashboard (with the Cube client) is its own chunk; ECharts loads later still, with the first chart.
const ExecutiveDashboard = lazy(() => import('../../dashboards/pages/ExecutiveDashboard.tsx'));
const ManufacturerDashboard = lazy(() => import('../../dashboards/pages/ManufacturerDashboard.tsx'));
const RetailerSpending = lazy(() => import('../../dashboards/pages/RetailerSpending.tsx'));

const pageFallback = <Skeleton height={40} width="50%" label="Loading page" />;

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
