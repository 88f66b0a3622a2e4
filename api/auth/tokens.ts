/**
 * Access tokens: short-lived (15 minutes) HS256 JWTs that carry the principal, so a request needs no
 * signature check to know who is calling. `sid` names the session (the refresh-token family) it was issued for,
 * so logging out ends it; authenticate.ts still asks the identity context whether the caller is suspended.
 */
import { SignJWT, jwtVerify } from 'jose';
import { DomainError } from '../../platform/errors.ts';
import type { CompanyKind, Permission, Principal } from '../../platform/principal.ts';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'wholesail';
const AUDIENCE = 'wholesail-api';

export function createTokenIssuer(secret: string) {
  const key = new TextEncoder().encode(secret);

  async function issue(principal: Principal, sessionId?: string): Promise<string> {
    return new SignJWT({
      cid: principal.companyId,
      ck: principal.companyKind,
      role: principal.role,
      perms: principal.permissions,
      ...(sessionId ? { sid: sessionId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(key);
  }

  async function verify(token: string): Promise<Principal> {
    return (await verifySession(token)).principal;
  }

  async function verifySession(token: string): Promise<{ principal: Principal; sessionId?: string }> {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      return {
        principal: {
          userId: String(payload.sub),
          companyId: String(payload.cid),
          companyKind: payload.ck as CompanyKind,
          role: String(payload.role),
          permissions: (payload.perms as Permission[]) ?? [],
        },
        ...(typeof payload.sid === 'string' ? { sessionId: payload.sid } : {}),
      };
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new DomainError(
        'unauthenticated',
        expired ? 'token_expired' : 'invalid_token',
        expired ? 'Your session has expired: log in again.' : 'The access token is not valid.',
      );
    }
  }

  return { issue, verify, verifySession };
}

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;
