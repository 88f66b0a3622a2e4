/**
 * What the embed page's URL says: which dashboard (`/embed/<dashboard>[/<chart>]`), the embed token (in the
 * fragment, `#token=`, or the query, `?token=`) and theme variables (query parameters named like the design tokens,
 * `?color-accent=%23c23b6f`). The token's claims are read without checking its signature: only to pick the right
 * error page before asking the API, which checks it on every query.
 */
import { decodeJwt } from 'jose';
import { pickTheme, type Theme } from './theme-variables.ts';

export interface EmbedLocation {
  embedId: string;
  token?: string;
  theme: Theme;
}

export interface EmbedTokenClaims {
  dashboard?: string;
  allowedOrigins?: string[];
  /** Seconds since the epoch, as JWTs count. */
  expiresAt?: number;
}

export function readEmbedLocation(location: Location): EmbedLocation {
  const path = location.pathname.replace(/^\/embed\/?/, '').replace(/\/+$/, '');
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const query = new URLSearchParams(location.search);
  const token = fragment.get('token') ?? query.get('token') ?? undefined;
  let embedId = path;
  try {
    embedId = decodeURIComponent(path);
  } catch {
    // A malformed escape is simply an unknown dashboard.
  }
  return { embedId, ...(token ? { token } : {}), theme: pickTheme(query.entries()) };
}

/** The claims of something shaped like a JWT, or undefined when it is not one. */
export function readClaims(token: string): EmbedTokenClaims | undefined {
  try {
    const payload = decodeJwt(token);
    return {
      ...(typeof payload.dsh === 'string' ? { dashboard: payload.dsh } : {}),
      ...(Array.isArray(payload.org) ? { allowedOrigins: payload.org.map(String) } : {}),
      ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp } : {}),
    };
  } catch {
    return undefined;
  }
}
