/**
 * Stripe's webhooks as tests need them: signed with the platform's webhook secret (Stripe's own test helper) and
 * posted to our endpoint, as Stripe would deliver them.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestPlatform } from './test-platform.ts';

/** What Stripe sends when a payment intent succeeds, signed with the webhook secret, posted to our endpoint. */
export async function deliverStripeSuccess(tp: TestPlatform, paymentIntentId: string, groupId: string) {
  const { default: Stripe } = await import('stripe');
  const payload = JSON.stringify({
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: paymentIntentId,
        object: 'payment_intent',
        status: 'succeeded',
        amount: 1,
        currency: 'usd',
        latest_charge: 'ch_test_1',
        metadata: { orderGroupId: groupId },
      },
    },
  });
  const secret = tp.platform.config.stripeWebhookSecret!;
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const res = await fetch(`${tp.url}/api/v1/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}
