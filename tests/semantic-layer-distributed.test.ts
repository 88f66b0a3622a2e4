import { describe, it } from 'vitest';
import { semanticLayerScenario } from './support/semantic-layer-scenario.ts';
import { servicesAvailable } from './support/test-platform.ts';

if (servicesAvailable()) {
  semanticLayerScenario('distributed');
} else {
  describe.skip('the semantic layer on PostgreSQL + Kafka: real services did not start', () => {
    it('needs PostgreSQL and Kafka', () => {});
  });
}
