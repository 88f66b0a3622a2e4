import { describe, it } from 'vitest';
import { refreshGraceScenario } from './support/refresh-grace-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  refreshGraceScenario('distributed');
} else {
  // Global setup already printed why, loudly; under CI=true it failed the run instead.
  describe.skip('refresh-token reuse grace on distributed (PostgreSQL): real services did not start', () => {
    it('needs PostgreSQL', () => {});
  });
}
