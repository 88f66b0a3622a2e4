/**
 * Idempotency keys for POSTs that create or move money (checkout, payment). The first request with a key
 * claims it; when it succeeds its answer is kept, and the same key with the same body gets that answer again
 * instead of a second checkout. The same key with a different body is a conflict (a client bug that would
 * otherwise be silently ignored). A failed request releases its key: it wrote nothing, so retrying it is safe.
 * Keys are scoped to the caller's company and kept for 24 hours.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Db } from '../db/database.ts';

export const KEY_TTL_HOURS = 24;

export type Claim = { kind: 'claimed' } | { kind: 'replay'; statusCode: number; response: unknown };

export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256')
    .update(operation)
    .update('\n')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

export function createIdempotencyStore(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function claim(companyId: string, key: string, operation: string, body: unknown): Promise<Claim> {
    const hash = requestHash(operation, body);
    const now = clock.now();
    // An expired key is forgotten first, so it can be used again.
    await db
      .deleteFrom('idempotency_keys')
      .where('company_id', '=', companyId)
      .where('key', '=', key)
      .where('created_at', '<', new Date(now.getTime() - KEY_TTL_HOURS * 3_600_000))
      .execute();
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({
        company_id: companyId,
        key,
        operation,
        request_hash: hash,
        status_code: null,
        response: null,
        created_at: now,
        completed_at: null,
      })
      .onConflict((oc) => oc.columns(['company_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { kind: 'claimed' };

    const existing = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!existing) return claim(companyId, key, operation, body); // released in between: try again
    if (existing.request_hash !== hash)
      throw new DomainError(
        'conflict',
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request; use a new key for a new request.',
        [{ field: 'Idempotency-Key', message: 'already used with another request body or endpoint' }],
      );
    if (existing.completed_at === null)
      throw new DomainError(
        'conflict',
        'idempotency_key_in_progress',
        'A request with this Idempotency-Key is still being processed; retry in a moment.',
        [{ field: 'Idempotency-Key', message: 'in progress' }],
      );
    return { kind: 'replay', statusCode: existing.status_code!, response: existing.response };
  }

  async function complete(companyId: string, key: string, statusCode: number, response: unknown) {
    await db
      .updateTable('idempotency_keys')
      .set({ status_code: statusCode, response: JSON.stringify(response ?? null), completed_at: clock.now() })
      .where('company_id', '=', companyId)
      .where('key', '=', key)
      .execute();
  }

  async function release(companyId: string, key: string) {
    await db
      .deleteFrom('idempotency_keys')
      .where('company_id', '=', companyId)
      .where('key', '=', key)
      .where('completed_at', 'is', null)
      .execute();
  }

  return { claim, complete, release };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
