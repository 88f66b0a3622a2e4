/**
 * The caller of a public route, when it sent a valid access token. Public pages (the catalog) answer everyone,
 * but what a signed-in retailer does there is worth recording for analytics; an expired or unusable token on a
 * public page is not an error, so it reads as anonymous rather than a 401.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Principal } from '../../platform/principal.ts';
import { principalOf } from '../auth/authenticate.ts';

export async function signedInCaller(
  authenticate: RequestHandler,
  req: Request,
  res: Response,
): Promise<Principal | undefined> {
  if (!req.get('authorization')) return undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      Promise.resolve(authenticate(req, res, (error?: unknown) => (error ? reject(error) : resolve()))).catch(
        reject,
      );
    });
    return principalOf(req);
  } catch {
    return undefined;
  }
}
