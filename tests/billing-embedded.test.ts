import { billingScenario } from './support/billing-scenario.ts';

// The offline test provider sends the subscription webhooks itself, through the same receiver Stripe's reach.
billingScenario('embedded');
