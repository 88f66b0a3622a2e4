import cube from '@cubejs-client/core';
import { CubeProvider } from '@cubejs-client/react';
import { useMemo, type ReactNode } from 'react';
import { useSession } from '../../marketplace/ui/auth/SessionContext.tsx';

/**
 * The Cube client of a dashboard page, talking to our semantic layer's REST API with the signed-in user's
 * access token (fetched fresh per request, so refreshes are picked up). The UI never sends SQL: the gateway
 * compiles these queries and adds the caller's row rules.
 */
export function AnalyticsProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const cubeApi = useMemo(
    () =>
      cube(async () => (await session.token()) ?? '', {
        apiUrl: `${window.location.origin}/cubejs-api/v1`,
      }),
    [session],
  );
  return <CubeProvider cubeApi={cubeApi}>{children}</CubeProvider>;
}
