/**
 * Embed tokens: short-lived HS256 JWTs that let an iframe on another site show one dashboard (or one chart) of
 * one company, and nothing else. They are kept apart from access tokens three ways, so neither can stand in for
 * the other: their own audience (`wholesail-embed`), their own `typ` header, and their own signing key, derived
 * from the auth secret with HKDF under a separate label.
 *
 * A token names its issuer, the dashboard and the company whose data it shows. On every request the issuer is
 * looked up as they are now (authenticate.ts's identity guard): a suspended or removed issuer, or one who may no
 * longer share that dashboard, ends the token at once. The caller it becomes is narrowed to the dashboard's cubes
 * (semantic-layer/gateway.ts enforces them) and may call only the routes in EMBED_ROUTES.
 */
import { hkdfSync } from 'node:crypto';
import type { Request } from 'express';
import { SignJWT, jwtVerify } from 'jose';
import { resolveEmbedTarget, type EmbedTarget } from '../../dashboards/embed/catalog.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Caller } from '../../semantic-layer/gateway.ts';
import type { CurrentPrincipal } from './authenticate.ts';

export const EMBED_TOKEN_DEFAULT_TTL_SECONDS = 10 * 60;
export const EMBED_TOKEN_MIN_TTL_SECONDS = 60;
export const EMBED_TOKEN_MAX_TTL_SECONDS = 24 * 60 * 60;

const ISSUER = 'wholesail';
const AUDIENCE = 'wholesail-embed';
const TOKEN_TYPE = 'wholesail-embed+jwt';

/** What an embedded dashboard may ask for: its queries and the cube list. Everything else refuses the token. */
const EMBED_ROUTES: Record<string, string[]> = {
  '/cubejs-api/v1/load': ['GET', 'POST'],
  '/cubejs-api/v1/meta': ['GET'],
};

export interface EmbedClaims {
  issuerId: string;
  dashboard: string;
  companyId: string;
  allowedOrigins?: string[];
  expiresAt: Date;
}

export function createEmbedTokens(secret: string, options: { now?: () => Date } = {}) {
  const key = new Uint8Array(hkdfSync('sha256', secret, 'wholesail', 'embed-token signing key v1', 32));
  const now = options.now ?? (() => new Date());

  async function issue(input: {
    issuerId: string;
    dashboard: string;
    companyId: string;
    ttlSeconds: number;
    allowedOrigins?: string[];
  }): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = now();
    const expiresAt = new Date(issuedAt.getTime() + input.ttlSeconds * 1000);
    const token = await new SignJWT({
      dsh: input.dashboard,
      cid: input.companyId,
      ...(input.allowedOrigins?.length ? { org: input.allowedOrigins } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPE })
      .setSubject(input.issuerId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(newId())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key);
    return { token, expiresAt };
  }

  /** The claims of a genuine, unexpired embed token, or a 401 that says which of the two it is not. */
  async function verify(token: string): Promise<EmbedClaims> {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: TOKEN_TYPE,
        algorithms: ['HS256'],
        currentDate: now(),
        requiredClaims: ['sub', 'exp', 'dsh', 'cid'],
      });
      const origins = payload.org;
      return {
        issuerId: String(payload.sub),
        dashboard: String(payload.dsh),
        companyId: String(payload.cid),
        ...(Array.isArray(origins) ? { allowedOrigins: origins.map(String) } : {}),
        expiresAt: new Date(payload.exp! * 1000),
      };
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_JWT_EXPIRED') {
        throw new DomainError(
          'unauthenticated',
          'embed_token_expired',
          'The embed token has expired: the embedding page must ask its server for a new one.',
        );
      }
      throw new DomainError(
        'unauthenticated',
        'invalid_embed_token',
        'The embed token is not valid: it was altered, or it is not an embed token (an access token is not one).',
      );
    }
  }

  return { issue, verify };
}

export type EmbedTokens = ReturnType<typeof createEmbedTokens>;

/**
 * Whose data `issuer` may put in an iframe for `target`: a manufacturer member with analytics its own company's
 * seller dashboard; platform staff the executive dashboard, or any manufacturer's seller dashboard by naming it.
 * Returns the company the token will show. Checked when the token is issued and again on every use.
 */
export function embedCompanyFor(issuer: Principal, target: EmbedTarget, requestedCompanyId?: string): string {
  const staff = issuer.companyKind === 'platform' && can(issuer, 'analytics:all-companies');
  if (target.dashboard.audience === 'platform') {
    if (!staff) throw notAllowed(`Only platform staff may embed the ${target.dashboard.id} dashboard.`);
    if (requestedCompanyId !== undefined && requestedCompanyId !== issuer.companyId) {
      throw new DomainError(
        'validation',
        'company_not_applicable',
        `The ${target.dashboard.id} dashboard covers the whole marketplace: leave companyId out.`,
        [{ field: 'companyId', message: 'must be left out for this dashboard' }],
      );
    }
    return issuer.companyId;
  }
  if (staff) {
    if (requestedCompanyId === undefined) {
      throw new DomainError(
        'validation',
        'company_required',
        `Name the manufacturer whose ${target.dashboard.id} dashboard to embed in companyId.`,
        [{ field: 'companyId', message: 'is required for platform staff' }],
      );
    }
    return requestedCompanyId;
  }
  if (issuer.companyKind !== 'manufacturer' || !can(issuer, 'analytics:read'))
    throw notAllowed(`Only manufacturers and platform staff may embed the ${target.dashboard.id} dashboard.`);
  if (requestedCompanyId !== undefined && requestedCompanyId !== issuer.companyId) {
    throw new DomainError(
      'forbidden',
      'embed_other_company',
      "A manufacturer may embed only its own dashboard: companyId must be your company's id or left out.",
      [{ field: 'companyId', message: 'is not your company' }],
    );
  }
  return issuer.companyId;
}

const notAllowed = (message: string) => new DomainError('forbidden', 'embed_not_allowed', message);

/**
 * The `Embed <token>` scheme of authenticate.ts: refuses every route but EMBED_ROUTES, checks the token and its
 * issuer as they are now, and yields a caller narrowed to the token's company and dashboard.
 */
export function embedAuthenticator(deps: { embedTokens: EmbedTokens; currentPrincipal: CurrentPrincipal }) {
  return async (req: Request, token: string): Promise<Caller> => {
    if (!EMBED_ROUTES[req.path]?.includes(req.method)) {
      throw new DomainError(
        'forbidden',
        'embed_token_not_allowed',
        `An embed token opens only its dashboard's queries (${Object.keys(EMBED_ROUTES).join(', ')}), not ${req.method} ${req.path}: use an access token.`,
      );
    }
    const claims = await deps.embedTokens.verify(token);
    const target = resolveEmbedTarget(claims.dashboard);
    if (!target) {
      throw new DomainError(
        'unauthenticated',
        'invalid_embed_token',
        `The embed token names a dashboard that does not exist (${claims.dashboard}).`,
      );
    }
    const issuer = await deps.currentPrincipal(claims.issuerId);
    try {
      embedCompanyFor(issuer, target, claims.companyId);
    } catch {
      throw new DomainError(
        'unauthenticated',
        'embed_token_revoked',
        'Whoever issued this embed token may no longer share this dashboard: the embedding page needs a new token.',
      );
    }
    const embed = { dashboard: target.id, cubes: target.cubes };
    if (target.dashboard.audience === 'platform') {
      return { ...issuer, permissions: issuer.permissions.filter((p) => p.startsWith('analytics:')), embed };
    }
    // The manufacturer's own security context, whoever issued it (a member, or staff embedding its dashboard).
    return {
      userId: issuer.userId,
      companyId: claims.companyId,
      companyKind: 'manufacturer',
      role: issuer.companyId === claims.companyId ? issuer.role : 'viewer',
      permissions: ['analytics:read'],
      embed,
    };
  };
}

export type EmbedAuthenticator = ReturnType<typeof embedAuthenticator>;
