import { cardPaymentScenario } from './support/card-payment-scenario.ts';

cardPaymentScenario('embedded');
