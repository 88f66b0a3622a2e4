/**
 * Webhook signatures in Stripe's scheme (`Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">`). Both providers verify through Stripe's own `constructEvent`, so the offline provider
 * exercises exactly the code path real Stripe events take.
 */
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.ts';
import type { ProviderEvent } from './payment-provider.ts';

/** A signature older than this is refused: a captured request cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const eventShape = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: z.number().int().nonnegative(),
  data: z.object({
    object: z.looseObject({ id: z.string().min(1).max(255), object: z.string().min(1) }),
  }),
});

const invalidSignature = (detail: string) =>
  new DomainError('invalid_input', 'invalid_signature', `The webhook signature is not valid: ${detail}`);

export function verifySignedEvent(
  rawBody: Buffer | string,
  signatureHeader: string | undefined,
  secret: string,
  options: { nowMs?: number; toleranceSeconds?: number } = {},
): ProviderEvent {
  if (!signatureHeader) throw invalidSignature('the Stripe-Signature header is missing.');
  if (typeof rawBody !== 'string' && !Buffer.isBuffer(rawBody))
    throw invalidSignature('the raw request body is needed to check it.');
  let parsed: unknown;
  try {
    parsed = Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      secret,
      options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      options.nowMs,
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      if (/tolerance/i.test(error.message))
        throw new DomainError(
          'invalid_input',
          'signature_expired',
          'The webhook signature is older than five minutes; a replayed request is refused.',
        );
      throw invalidSignature('it does not match the request body.');
    }
    // Signed, but not JSON: only someone holding the secret can send that, still never a 500.
    throw new DomainError('invalid_input', 'malformed_event', 'The signed webhook body is not a JSON event.');
  }
  return toProviderEvent(parsed);
}

/** Our own HMAC in Stripe's header format (the offline provider signs with it; Stripe's code verifies it). */
export function signPayload(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret)
    .update(`${timestampSeconds}.${payload}`, 'utf8')
    .digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

const idOf = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
      ? (value as { id: string }).id
      : undefined;

export function toProviderEvent(candidate: unknown): ProviderEvent {
  const parsed = eventShape.safeParse(candidate);
  if (!parsed.success)
    throw new DomainError('invalid_input', 'malformed_event', 'The signed webhook body is not an event.');
  const { id, type, created, data } = parsed.data;
  const raw = data.object as Record<string, unknown>;
  const lastError = raw.last_payment_error as { code?: unknown } | null | undefined;
  const failureCode =
    typeof lastError?.code === 'string'
      ? lastError.code
      : typeof raw.failure_code === 'string'
        ? raw.failure_code
        : undefined;
  return {
    id,
    type,
    createdAt: new Date(created * 1000),
    object: {
      id: data.object.id,
      kind: data.object.object,
      ...(typeof raw.status === 'string' ? { status: raw.status } : {}),
      ...(stringRecord(raw.metadata) ? { metadata: stringRecord(raw.metadata) } : {}),
      ...(Number.isSafeInteger(raw.amount) ? { amountMinor: raw.amount as number } : {}),
      ...(typeof raw.currency === 'string' ? { currency: raw.currency.toUpperCase() } : {}),
      ...(idOf(raw.latest_charge) ? { chargeId: idOf(raw.latest_charge) } : {}),
      ...(failureCode ? { failureCode } : {}),
      raw,
    },
  };
}
