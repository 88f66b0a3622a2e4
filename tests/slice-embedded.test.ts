import { sliceScenario } from './support/slice-scenario.ts';

sliceScenario('embedded');
