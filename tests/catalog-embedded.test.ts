import { catalogScenario } from './support/catalog-scenario.ts';

catalogScenario('embedded');
