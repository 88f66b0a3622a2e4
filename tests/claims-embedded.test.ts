import { claimsScenario } from './support/claims-scenario.ts';

claimsScenario('embedded');
