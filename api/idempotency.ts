/**
 * The HTTP side of idempotency keys: reads and checks the `Idempotency-Key` header, claims the key, runs the
 * route, and keeps its answer (marketplace/idempotency holds the rules and the table). A replayed answer says
 * so in an `Idempotent-Replayed: true` header, as Stripe's API does.
 */
import type { Request, Response } from 'express';
import type { IdempotencyStore } from '../marketplace/idempotency/idempotency-keys.ts';
import { DomainError } from '../platform/errors.ts';
import type { Principal } from '../platform/principal.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export async function withIdempotencyKey(
  store: IdempotencyStore,
  ctx: { req: Request; res: Response; principal: Principal; body: unknown; status: number },
  run: () => Promise<unknown>,
): Promise<void> {
  const key = ctx.req.get('idempotency-key');
  if (key === undefined || !KEY_PATTERN.test(key))
    throw new DomainError(
      'invalid_input',
      key === undefined ? 'idempotency_key_required' : 'invalid_idempotency_key',
      key === undefined
        ? 'This request moves money: send an Idempotency-Key header (a new UUID per checkout) so a retry cannot do it twice.'
        : 'An Idempotency-Key is 1 to 255 printable ASCII characters without spaces.',
      [
        {
          field: 'Idempotency-Key',
          message: key === undefined ? 'is required' : 'must be 1-255 printable ASCII characters',
        },
      ],
    );
  // The operation is the route as called (method and path), so one key cannot be replayed on another endpoint.
  const operation = `${ctx.req.method} ${ctx.req.baseUrl}${ctx.req.path}`;
  const companyId = ctx.principal.companyId;
  const claim = await store.claim(companyId, key, operation, ctx.body);
  if (claim.kind === 'replay') {
    ctx.res.set('Idempotent-Replayed', 'true').status(claim.statusCode).json(claim.response);
    return;
  }
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    await store.release(companyId, key);
    throw error;
  }
  await store.complete(companyId, key, ctx.status, result);
  ctx.res.status(ctx.status).json(result);
}
