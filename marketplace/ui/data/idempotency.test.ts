import { describe, expect, it } from 'vitest';
import { IdempotentAttempts, isRetryable, newIdempotencyKey } from './idempotency.ts';

describe('idempotency keys of a submission', () => {
  it('reuses the key when the same submission is retried after its answer was lost', () => {
    const attempts = new IdempotentAttempts();
    const body = { paymentMethod: 'card', country: 'US' };
    const first = attempts.keyFor(body);
    expect(attempts.keyFor({ ...body })).toBe(first);
  });

  it('uses a new key once the server answered, or when the submission changed', () => {
    const attempts = new IdempotentAttempts();
    const first = attempts.keyFor({ a: 1 });
    expect(attempts.keyFor({ a: 2 })).not.toBe(first);
    const second = attempts.keyFor({ a: 2 });
    attempts.settled();
    expect(attempts.keyFor({ a: 2 })).not.toBe(second);
  });

  it('makes version 4 UUIDs and tells a lost answer from a refusal', () => {
    expect(newIdempotencyKey()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable({ status: 502 })).toBe(true);
    expect(isRetryable({ status: 422 })).toBe(false);
  });
});
