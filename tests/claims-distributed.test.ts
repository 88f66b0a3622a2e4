import { describe, it } from 'vitest';
import { claimsScenario } from './support/claims-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  // PostgreSQL and Kafka; card payments through the offline provider (no Stripe key), so refunds stay local.
  claimsScenario('distributed');
} else {
  // Global setup already printed why, loudly; under CI=true it failed the run instead.
  describe.skip('returns and claims on distributed (PostgreSQL + Kafka): real services did not start', () => {
    it('needs PostgreSQL and Kafka', () => {});
  });
}
