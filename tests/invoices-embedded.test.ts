import { invoiceScenario } from './support/invoice-scenario.ts';

invoiceScenario('embedded');
