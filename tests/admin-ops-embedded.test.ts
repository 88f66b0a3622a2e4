import { adminOpsScenario } from './support/admin-ops-scenario.ts';

adminOpsScenario('embedded');
