import { semanticLayerScenario } from './support/semantic-layer-scenario.ts';

semanticLayerScenario('embedded');
