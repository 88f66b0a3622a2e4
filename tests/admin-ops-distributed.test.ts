import { describe, it } from 'vitest';
import { adminOpsScenario } from './support/admin-ops-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  adminOpsScenario('distributed');
} else {
  // Global setup already printed why, loudly; under CI=true it failed the run instead.
  describe.skip('platform operations on distributed (PostgreSQL + Kafka): real services did not start', () => {
    it('needs PostgreSQL and Kafka', () => {});
  });
}
