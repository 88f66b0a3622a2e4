import { kybScenario } from './support/kyb-scenario.ts';

kybScenario('embedded');
