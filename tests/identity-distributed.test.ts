import { describe, it } from 'vitest';
import { identityScenario } from './support/identity-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  identityScenario('distributed');
} else {
  // Global setup already printed why, loudly; under CI=true it failed the run instead.
  describe.skip('identity on distributed (PostgreSQL + Kafka): real services did not start', () => {
    it('needs PostgreSQL and Kafka', () => {});
  });
}
