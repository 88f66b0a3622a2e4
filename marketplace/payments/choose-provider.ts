/**
 * Stripe when a secret key is configured, otherwise the offline test provider. Says loudly at start which
 * one is active, so nobody believes a demo took real money, or that a live key is a test.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { OfflinePaymentProvider } from './offline-provider.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { StripePaymentProvider, createStripeClient } from './stripe-provider.ts';

export function choosePaymentProvider(
  settings: {
    stripeSecretKey?: string;
    stripeApiBase?: string;
    stripeWebhookSecret?: string;
    /** Stripe.js in the browser (the payment page's card form); config checked it matches the secret key's mode. */
    stripePublishableKey?: string;
  },
  logger: Logger,
  clock: Clock,
): PaymentProvider {
  const { stripeSecretKey, stripeApiBase, stripeWebhookSecret, stripePublishableKey } = settings;
  if (stripeSecretKey && stripeWebhookSecret) {
    const live = stripeSecretKey.includes('_live_');
    logger.warn(
      {
        payments: 'stripe',
        live,
        apiBase: stripeApiBase ?? 'https://api.stripe.com',
        // Whether buyers get Stripe's card form or the test payment methods.
        cardForm: stripePublishableKey ? 'stripe-elements' : 'test-payment-methods',
      },
      live
        ? 'PAYMENTS: Stripe with a LIVE key: real money moves'
        : `PAYMENTS: Stripe in test mode${stripeApiBase ? ` at ${stripeApiBase}` : ''}`,
    );
    return new StripePaymentProvider(
      createStripeClient({ secretKey: stripeSecretKey, apiBase: stripeApiBase }),
      {
        webhookSecret: stripeWebhookSecret,
        logger,
        ...(stripePublishableKey ? { publishableKey: stripePublishableKey } : {}),
      },
    );
  }
  logger.warn(
    { payments: 'offline' },
    'PAYMENTS: offline test provider (no STRIPE_SECRET_KEY): no real money moves, every id starts with offline_',
  );
  return new OfflinePaymentProvider({ logger, clock, webhookSecret: stripeWebhookSecret });
}
