import { describe, it } from 'vitest';
import { kybScenario } from './support/kyb-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  kybScenario('distributed');
} else {
  // Global setup already printed why, loudly; under CI=true it failed the run instead.
  describe.skip('company verification on distributed (PostgreSQL + Kafka): real services did not start', () => {
    it('needs PostgreSQL and Kafka', () => {});
  });
}
