import { fulfilmentScenario } from './support/fulfilment-scenario.ts';

fulfilmentScenario('embedded');
