/**
 * Resolves the caller from the Authorization header. Accepts `Bearer <token>` and the bare token that
 * Cube's JS client sends.
 */
import type { Request, RequestHandler } from 'express';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { TokenIssuer } from './tokens.ts';

const principals = new WeakMap<Request, Principal>();

export function authenticate(tokens: TokenIssuer): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    if (!header) {
      throw new DomainError(
        'unauthenticated',
        'missing_token',
        'Log in first: send your access token in the Authorization header.',
      );
    }
    const token = header.replace(/^Bearer\s+/i, '').trim();
    principals.set(req, await tokens.verify(token));
    next();
  };
}

/** The principal `authenticate` resolved; routes behind it can rely on it. */
export function principalOf(req: Request): Principal {
  const principal = principals.get(req);
  if (!principal) throw new DomainError('unauthenticated', 'missing_token', 'Log in first.');
  return principal;
}
