import { checkoutScenario } from './support/checkout-scenario.ts';

checkoutScenario('embedded');
