/**
 * Resolves the caller from the Authorization header. Accepts `Bearer <token>` and the bare token that
 * Cube's JS client sends. A valid signature is not enough: the identity context is asked for the caller as they
 * are now (a small cached lookup), so a suspended account, a removed member or a logged-out session stops at once,
 * and a changed role or a newly verified email applies without waiting for a new token.
 * `Embed <token>` is an embed token (embed-tokens.ts), which decides itself which few routes it opens.
 */
import type { Request, RequestHandler } from 'express';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { TokenIssuer } from './tokens.ts';

const principals = new WeakMap<Request, Principal>();

export type CurrentPrincipal = (userId: string, sessionId?: string) => Promise<Principal>;

/** Resolves an `Embed` token on this request to its narrowed caller, or refuses it (embed-tokens.ts). */
export type EmbedTokenCheck = (req: Request, token: string) => Promise<Principal>;

export function authenticate(
  tokens: TokenIssuer,
  current: CurrentPrincipal,
  embed?: EmbedTokenCheck,
): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    if (!header) {
      throw new DomainError(
        'unauthenticated',
        'missing_token',
        'Log in first: send your access token in the Authorization header.',
      );
    }
    const embedToken = /^Embed\s+(.*)$/is.exec(header)?.[1]?.trim();
    if (embedToken !== undefined && embed) {
      principals.set(req, await embed(req, embedToken));
      return next();
    }
    const token = header.replace(/^Bearer\s+/i, '').trim();
    const { principal, sessionId } = await tokens.verifySession(token);
    principals.set(req, await current(principal.userId, sessionId));
    next();
  };
}

/** The principal `authenticate` resolved; routes behind it can rely on it. */
export function principalOf(req: Request): Principal {
  const principal = principals.get(req);
  if (!principal) throw new DomainError('unauthenticated', 'missing_token', 'Log in first.');
  return principal;
}
