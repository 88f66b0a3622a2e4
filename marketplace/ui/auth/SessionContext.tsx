import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Session, type LoginOutcome, type Me } from './session.ts';

type Status = 'restoring' | 'signed-out' | 'signed-in';

interface SessionState {
  status: Status;
  me: Me | null;
  session: Session;
  login(email: string, password: string): Promise<LoginOutcome>;
  completeTwoFactor(challengeToken: string, code: string): Promise<LoginOutcome>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Holds who is signed in. On load it tries the tab's refresh token, so a reload keeps the session. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session] = useState(() => new Session());
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<Status>(session.hasRefreshToken ? 'restoring' : 'signed-out');

  const loadMe = useCallback(async () => {
    try {
      setMe(await session.fetchJson<Me>('/api/v1/me'));
      setStatus('signed-in');
    } catch {
      setMe(null);
      setStatus('signed-out');
    }
  }, [session]);

  useEffect(() => {
    if (session.hasRefreshToken) void loadMe();
  }, [session, loadMe]);

  const afterLogin = useCallback(
    async (outcome: LoginOutcome) => {
      if (outcome.kind === 'signed-in') await loadMe();
      return outcome;
    },
    [loadMe],
  );

  const value = useMemo<SessionState>(
    () => ({
      status,
      me,
      session,
      login: async (email, password) => afterLogin(await session.login(email, password)),
      completeTwoFactor: async (challengeToken, code) =>
        afterLogin(await session.completeTwoFactor(challengeToken, code)),
      logout: async () => {
        await session.logout();
        setMe(null);
        setStatus('signed-out');
      },
    }),
    [status, me, session, afterLogin],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
