import { describe, inject, it } from 'vitest';
import { cardPaymentScenario } from './support/card-payment-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  // Stripe's API as served by stripe-mock, with a publishable key: the configuration that shows the card form.
  cardPaymentScenario('distributed', {
    env: {
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_card_payment',
      STRIPE_API_BASE: inject('services')!.STRIPE_MOCK_URL,
      STRIPE_WEBHOOK_SECRET: 'whsec_card_payment_test_secret',
    },
  });
} else {
  // Global setup already printed why, loudly; under CI=true it failed the run instead.
  describe.skip('card payment on distributed (PostgreSQL + Kafka + stripe-mock): real services did not start', () => {
    it('needs PostgreSQL, Kafka and stripe-mock', () => {});
  });
}
