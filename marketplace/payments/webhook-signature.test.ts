import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { signPayload, toProviderEvent, verifySignedEvent } from './webhook-signature.ts';

const SECRET = 'whsec_unit_test_secret';
const now = () => Math.floor(Date.now() / 1000);

const payload = JSON.stringify({
  id: 'evt_1',
  object: 'event',
  type: 'payment_intent.succeeded',
  created: 1_800_000_000,
  data: {
    object: {
      id: 'pi_1',
      object: 'payment_intent',
      amount: 12_345,
      currency: 'eur',
      status: 'succeeded',
      latest_charge: 'ch_1',
      metadata: { orderGroupId: 'g1', ignored: 7 },
    },
  },
});

function rejection(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('webhook signatures', () => {
  it('accepts an event signed by Stripe’s own test helper and reads it in our units', () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const event = verifySignedEvent(Buffer.from(payload), header, SECRET);
    expect(event).toMatchObject({
      id: 'evt_1',
      type: 'payment_intent.succeeded',
      createdAt: new Date(1_800_000_000_000),
      object: {
        id: 'pi_1',
        kind: 'payment_intent',
        status: 'succeeded',
        amountMinor: 12_345,
        currency: 'EUR',
        chargeId: 'ch_1',
        metadata: { orderGroupId: 'g1' },
      },
    });
  });

  it('signs exactly as Stripe does, so our offline webhooks pass Stripe’s verifier', () => {
    const t = now();
    expect(signPayload(payload, SECRET, t)).toBe(
      Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: t }),
    );
    expect(verifySignedEvent(payload, signPayload(payload, SECRET, t), SECRET).id).toBe('evt_1');
  });

  it('refuses a forged signature (another secret)', () => {
    const error = rejection(() =>
      verifySignedEvent(payload, signPayload(payload, 'whsec_forger', now()), SECRET),
    );
    expect([error.kind, error.code]).toEqual(['invalid_input', 'invalid_signature']);
  });

  it('refuses a body changed after signing', () => {
    const tampered = payload.replace('12345', '99999');
    const error = rejection(() => verifySignedEvent(tampered, signPayload(payload, SECRET, now()), SECRET));
    expect(error.code).toBe('invalid_signature');
  });

  it('refuses a missing or garbled header', () => {
    expect(rejection(() => verifySignedEvent(payload, undefined, SECRET)).code).toBe('invalid_signature');
    expect(rejection(() => verifySignedEvent(payload, 'nonsense', SECRET)).code).toBe('invalid_signature');
  });

  it('refuses a correctly signed request captured more than five minutes ago', () => {
    const error = rejection(() =>
      verifySignedEvent(payload, signPayload(payload, SECRET, now() - 301), SECRET),
    );
    expect([error.kind, error.code]).toEqual(['invalid_input', 'signature_expired']);
    // Within the tolerance it is still fine.
    expect(verifySignedEvent(payload, signPayload(payload, SECRET, now() - 200), SECRET).id).toBe('evt_1');
  });

  it('answers a signed body that is not an event as bad input, never a crash', () => {
    for (const body of ['not json', '{"id":"evt_2"}', '[]']) {
      const error = rejection(() => verifySignedEvent(body, signPayload(body, SECRET, now()), SECRET));
      expect(error.code).toBe('malformed_event');
    }
  });

  it('reads a failed payment’s reason', () => {
    const event = toProviderEvent({
      id: 'evt_3',
      type: 'payment_intent.payment_failed',
      created: 1,
      data: {
        object: {
          id: 'pi_3',
          object: 'payment_intent',
          status: 'requires_payment_method',
          last_payment_error: { code: 'card_declined' },
          latest_charge: { id: 'ch_3' },
        },
      },
    });
    expect(event.object).toMatchObject({ failureCode: 'card_declined', chargeId: 'ch_3' });
  });
});
