/**
 * Idempotency keys for requests that must not happen twice (checkout, payment). Each new attempt gets a fresh
 * key; retrying the same request after its answer was lost (a network error, a 5xx gateway hiccup) reuses that
 * key, so the server replays the first answer instead of charging or ordering twice. A definite answer (2xx or
 * 4xx) ends the attempt: the next click is a new attempt with a new key.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; getRandomValues everywhere. A version 4 UUID by hand:
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class IdempotentAttempts {
  private pending: { key: string; fingerprint: string } | null = null;

  /** The key for sending `body`: the unfinished attempt's key when it was for the same body, else a new one. */
  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body);
    if (this.pending?.fingerprint !== fingerprint) this.pending = { key: newIdempotencyKey(), fingerprint };
    return this.pending.key;
  }

  /** The server answered (success or refusal): the attempt is over. */
  settled() {
    this.pending = null;
  }
}

/** True when the answer never arrived or the server could not decide: the same request may be retried as is. */
export const isRetryable = (error: unknown) =>
  error instanceof TypeError ||
  (typeof error === 'object' && error !== null && 'status' in error && (error.status as number) >= 500);
