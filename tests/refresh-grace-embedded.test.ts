import { refreshGraceScenario } from './support/refresh-grace-scenario.ts';

refreshGraceScenario('embedded');
