import { describe, it } from 'vitest';
import { shopperAnalyticsScenario } from './support/shopper-analytics-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  shopperAnalyticsScenario('distributed');
} else {
  describe.skip('shopper and stock analytics on PostgreSQL + Kafka: real services did not start', () => {
    it('needs PostgreSQL and Kafka', () => {});
  });
}
