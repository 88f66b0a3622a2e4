import { identityScenario } from './support/identity-scenario.ts';

identityScenario('embedded');
