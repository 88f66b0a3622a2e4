import { accessScenario } from './support/access-scenario.ts';

accessScenario('embedded');
