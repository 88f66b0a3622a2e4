import { describe, it } from 'vitest';
import { fulfilmentScenario } from './support/fulfilment-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  fulfilmentScenario('distributed');
} else {
  // Global setup already printed why, loudly; under CI=true it failed the run instead.
  describe.skip('orders after checkout on distributed (PostgreSQL + Kafka): real services did not start', () => {
    it('needs PostgreSQL and Kafka', () => {});
  });
}
