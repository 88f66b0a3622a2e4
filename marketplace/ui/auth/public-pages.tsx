/**
 * The public pages (no session needed): sign-in and the account pages the emails link to, each loaded on first
 * visit, so neither the sign-in page nor a signed-in dashboard carries the others. App.tsx mounts them.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { Skeleton } from '../components/index.ts';
import { loginMessages as m } from './messages.ts';

const chunk = (load: () => Promise<{ default: ComponentType }>) => {
  const Page = lazy(load);
  return function PublicPage() {
    return (
      <Suspense fallback={<Skeleton height={40} width="50%" label={m.loadingPage} />}>
        <Page />
      </Suspense>
    );
  };
};

// Sign-in too: someone opening a dashboard with a session never needs the form, so it stays out of the first load.
export const LoginPage = chunk(() => import('./LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
export const RegisterPage = chunk(() => import('./RegisterPage.tsx'));
export const VerifyEmailPage = chunk(() => import('./VerifyEmailPage.tsx'));
export const ResetPasswordPage = chunk(() => import('./ResetPasswordPage.tsx'));
export const AcceptInvitationPage = chunk(() => import('./AcceptInvitationPage.tsx'));
