/**
 * The browser's session with the API. The access token (15 minutes) lives only in memory; the refresh token is
 * kept in sessionStorage so a reload of this tab stays signed in, and it dies with the tab. Refresh tokens are
 * single use and the API revokes the whole family when one is presented twice, so refreshes are serialized: one
 * in flight at a time, everyone else awaits it.
 */
import { loginMessages as m } from './messages.ts';

export type CompanyKind = 'manufacturer' | 'retailer' | 'platform';

export interface Me {
  userId: string;
  companyId: string;
  companyKind: CompanyKind;
  role: string;
  permissions: string[];
  email: string;
  emailVerified: boolean;
  twoFactor: boolean;
}

interface SessionBody {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

export type LoginOutcome =
  | { kind: 'signed-in' }
  | { kind: 'two-factor'; challengeToken: string }
  | { kind: 'failed'; message: string };

const REFRESH_KEY = 'wholesail.refreshToken';
/** Refresh this long before the access token expires, so a request never leaves with a dying token. */
const EARLY_MS = 60_000;

interface ProblemBody {
  detail?: string;
  title?: string;
  code?: string;
  fields?: Array<{ field: string; message: string }>;
}

async function problemMessage(response: Response, body?: ProblemBody): Promise<string> {
  body ??= (await response.json().catch(() => ({}))) as ProblemBody;
  if (response.status === 429) return body.detail ?? m.tooManyAttempts;
  return body.detail ?? body.title ?? m.serverAnswered(response.status);
}

/** A refused answer as an ApiError: the problem's sentence, code and field messages (forms show each by its field). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ProblemBody;
  return new ApiError(response.status, await problemMessage(response, body), body.code, body.fields ?? []);
}

export class Session {
  private accessToken: string | null = null;
  private expiresAt = 0;
  private refreshing: Promise<string | null> | null = null;
  private storage: Storage | null;

  constructor(storage: Storage | null = typeof sessionStorage === 'undefined' ? null : sessionStorage) {
    this.storage = storage;
  }

  get hasRefreshToken(): boolean {
    return Boolean(this.storage?.getItem(REFRESH_KEY));
  }

  async login(email: string, password: string): Promise<LoginOutcome> {
    return this.startSession('/api/v1/auth/login', { email, password });
  }

  async completeTwoFactor(challengeToken: string, code: string): Promise<LoginOutcome> {
    return this.startSession('/api/v1/auth/login/two-factor', { challengeToken, code });
  }

  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  async token(): Promise<string | null> {
    if (this.accessToken && Date.now() < this.expiresAt - EARLY_MS) return this.accessToken;
    return this.refresh();
  }

  refresh(): Promise<string | null> {
    this.refreshing ??= this.rotate().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async logout(): Promise<void> {
    const refreshToken = this.storage?.getItem(REFRESH_KEY);
    this.clear();
    if (refreshToken)
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      }).catch(() => undefined);
  }

  /** GET/POST JSON with the access token; one refresh and retry when the API says the token is no good. */
  async fetchJson<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.fetchOk(path, init);
    return (await response.json()) as T;
  }

  /**
   * Any request with the access token (a PDF, a CSV): the response once it is OK, else an ApiError carrying the
   * problem's code and fields. A network failure rejects with the fetch TypeError, so callers can tell "the
   * server said no" from "the answer never came" (which is when an idempotent retry makes sense).
   */
  async fetchOk(path: string, init: RequestInit = {}): Promise<Response> {
    const send = async (token: string | null) =>
      fetch(path, {
        ...init,
        headers: {
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...init.headers,
        },
      });
    let response = await send(await this.token());
    if (response.status === 401 && this.hasRefreshToken) response = await send(await this.refresh());
    if (!response.ok) throw await apiErrorFrom(response);
    return response;
  }

  private async startSession(path: string, body: unknown): Promise<LoginOutcome> {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!response) return { kind: 'failed', message: m.unreachable };
    if (!response.ok) return { kind: 'failed', message: await problemMessage(response) };
    const answer = (await response.json()) as SessionBody & {
      twoFactorRequired: boolean;
      challengeToken?: string;
    };
    if (answer.twoFactorRequired) return { kind: 'two-factor', challengeToken: answer.challengeToken ?? '' };
    this.accept(answer);
    return { kind: 'signed-in' };
  }

  private async rotate(): Promise<string | null> {
    const refreshToken = this.storage?.getItem(REFRESH_KEY);
    if (!refreshToken) return null;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    }).catch(() => null);
    if (!response?.ok) {
      // A network failure keeps the refresh token for the next try; a refusal means the session is over.
      if (response) this.clear();
      return null;
    }
    this.accept((await response.json()) as SessionBody);
    return this.accessToken;
  }

  private accept(body: SessionBody) {
    this.accessToken = body.accessToken;
    this.expiresAt = Date.now() + body.expiresIn * 1000;
    this.storage?.setItem(REFRESH_KEY, body.refreshToken);
  }

  private clear() {
    this.accessToken = null;
    this.expiresAt = 0;
    this.storage?.removeItem(REFRESH_KEY);
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The problem's stable code (`below_moq`, `illegal_transition`, ...), when the API gave one. */
    readonly code?: string,
    /** For invalid input: each field at fault (`shippingAddress.country`) with what is wrong with it. */
    readonly fields: Array<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}
