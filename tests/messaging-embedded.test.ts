import { messagingScenario } from './support/messaging-scenario.ts';

messagingScenario('embedded');
