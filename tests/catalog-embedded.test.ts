import { catalogEditingScenario } from './support/catalog-editing-scenario.ts';
import { catalogScenario } from './support/catalog-scenario.ts';

catalogScenario('embedded');
catalogEditingScenario('embedded');
