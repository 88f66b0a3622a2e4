/**
 * The embed page: one dashboard or chart without the app shell, for an iframe on another site. It reads the
 * dashboard from the path and the embed token from the URL, checks what it can before asking for data (right
 * dashboard, allowed parent site), asks the API once whether the token is good, then renders the charts with a
 * Cube client that sends `Authorization: Embed <token>`. Anything wrong shows an error page, never a blank frame.
 */
import cube from '@cubejs-client/core';
import { CubeProvider } from '@cubejs-client/react';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';
import { Skeleton } from '../../marketplace/ui/components/index.ts';
import { resolveEmbedTarget, type EMBEDDABLE_DASHBOARDS, type EmbedTarget } from './catalog.ts';
import {
  readClaims,
  readEmbedLocation,
  type EmbedTokenClaims,
  type EmbedLocation,
} from './embed-location.ts';
import { EmbedError, type EmbedProblem } from './EmbedError.tsx';
import { embedMessages as m } from './messages.ts';
import {
  applyTheme,
  isFramed,
  parentOrigin,
  postToParent,
  useParentTheme,
  useReportHeight,
} from './parent-frame.ts';
import type { Theme } from './theme-variables.ts';

// Each dashboard's charts are their own chunk; ECharts loads later still, with the first chart.
const DASHBOARDS: Record<
  (typeof EMBEDDABLE_DASHBOARDS)[number]['id'],
  LazyExoticComponent<ComponentType<{ chart?: string }>>
> = {
  'seller-overview': lazy(() => import('./SellerOverview.tsx')),
  executive: lazy(() => import('./Executive.tsx')),
};

interface Scoped {
  target: EmbedTarget;
  token: string;
  claims: EmbedTokenClaims;
}

type State =
  | ({ kind: 'checking' } & Scoped)
  | ({ kind: 'ready'; clockSkewMs: number } & Scoped)
  | { kind: 'failed'; problem: EmbedProblem; detail?: string };

const failed = (problem: EmbedProblem, detail?: string): State => ({
  kind: 'failed',
  problem,
  ...(detail ? { detail } : {}),
});

/** What can be told from the URL alone, before any request. */
function firstLook(where: EmbedLocation): State {
  const target = resolveEmbedTarget(where.embedId);
  if (!target) return failed('unknown_dashboard', where.embedId);
  if (!where.token) return failed('missing_token');
  const claims = readClaims(where.token);
  if (!claims) return failed('invalid_token');
  if (claims.dashboard !== target.id) return failed('wrong_dashboard', claims.dashboard);
  // frame-ancestors enforces the allowed sites when the token comes in the query; a fragment never reaches the
  // server, so the page checks its parent itself.
  if (isFramed() && claims.allowedOrigins?.length) {
    const origin = parentOrigin();
    if (!origin || !claims.allowedOrigins.includes(origin)) return failed('origin_not_allowed');
  }
  return { kind: 'checking', target, token: where.token, claims };
}

const REVOKED = new Set(['embed_token_revoked', 'account_suspended', 'company_suspended', 'account_removed']);

/** Asks the API whether the token is good (the cube list is the cheapest question), and for its clock. */
async function checkToken(token: string): Promise<{ clockSkewMs: number } | { problem: EmbedProblem }> {
  try {
    const res = await fetch('/cubejs-api/v1/meta', { headers: { authorization: `Embed ${token}` } });
    if (res.ok) {
      const serverTime = Date.parse(res.headers.get('date') ?? '');
      return { clockSkewMs: Number.isNaN(serverTime) ? 0 : serverTime - Date.now() };
    }
    const code = ((await res.json().catch(() => ({}))) as { code?: string }).code ?? '';
    if (code === 'embed_token_expired') return { problem: 'expired' };
    if (REVOKED.has(code)) return { problem: 'revoked' };
    return { problem: res.status === 401 || res.status === 403 ? 'invalid_token' : 'unreachable' };
  } catch {
    return { problem: 'unreachable' };
  }
}

function EmbeddedDashboard({ target, token, version }: Scoped & { version: number }) {
  const cubeApi = useMemo(
    () => cube(`Embed ${token}`, { apiUrl: `${window.location.origin}/cubejs-api/v1` }),
    [token],
  );
  const Charts = DASHBOARDS[target.dashboard.id as keyof typeof DASHBOARDS];
  // Shown in the page's language; catalog.ts keeps the English titles the API speaks.
  const titles: Record<string, string> = m.titles;
  const title = titles[target.id] ?? target.chart?.title ?? target.dashboard.title;
  useEffect(() => {
    document.title = m.documentTitle(title);
  }, [title]);
  return (
    <CubeProvider cubeApi={cubeApi}>
      {target.chart ? (
        <h1 className="visually-hidden">{title}</h1>
      ) : (
        <header className="embed__header">
          <h1>{title}</h1>
          <span className="live-indicator">{m.live}</span>
        </header>
      )}
      <Suspense fallback={<Skeleton height={240} label={m.loading} />}>
        {/* A new theme remounts the charts: ECharts reads the colour tokens when it draws. */}
        <Charts key={version} chart={target.chart?.id} />
      </Suspense>
    </CubeProvider>
  );
}

export function EmbedApp() {
  const [where, setWhere] = useState(() => readEmbedLocation(window.location));
  const [state, setState] = useState<State>(() => firstLook(where));
  const [themeVersion, setThemeVersion] = useState(0);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useReportHeight(root);

  useLayoutEffect(() => applyTheme(where.theme), [where]);
  // A new token in the fragment (a renewed link) changes only the hash, which does not reload the page.
  useEffect(() => {
    const onHashChange = () => {
      const next = readEmbedLocation(window.location);
      setWhere(next);
      setState(firstLook(next));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const onTheme = useCallback((theme: Theme) => {
    applyTheme(theme);
    setThemeVersion((v) => v + 1);
  }, []);
  useParentTheme(state.kind === 'failed' ? undefined : state.claims.allowedOrigins, onTheme);

  useEffect(() => {
    if (state.kind !== 'checking') return;
    let current = true;
    void checkToken(state.token).then((outcome) => {
      if (!current) return;
      setState('problem' in outcome ? failed(outcome.problem) : { ...state, kind: 'ready', ...outcome });
    });
    return () => {
      current = false;
    };
  }, [state]);

  // The API refuses the token from its expiry on; say so then instead of leaving cards that fail one by one.
  useEffect(() => {
    if (state.kind !== 'ready' || state.claims.expiresAt === undefined) return;
    const remaining = state.claims.expiresAt * 1000 - (Date.now() + state.clockSkewMs);
    const timer = window.setTimeout(
      () => setState(failed('expired')),
      Math.min(Math.max(0, remaining), 2 ** 31 - 1),
    );
    return () => window.clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    if (state.kind === 'failed') postToParent({ type: 'wholesail:error', code: state.problem });
  }, [state]);

  return (
    <main ref={setRoot} className="embed" aria-busy={state.kind === 'checking'}>
      {state.kind === 'failed' ? (
        <EmbedError problem={state.problem} detail={state.detail} />
      ) : state.kind === 'checking' ? (
        <Skeleton height={240} label={m.loading} />
      ) : (
        <EmbeddedDashboard
          key={state.token}
          target={state.target}
          token={state.token}
          claims={state.claims}
          version={themeVersion}
        />
      )}
    </main>
  );
}
