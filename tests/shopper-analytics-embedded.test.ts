import { shopperAnalyticsScenario } from './support/shopper-analytics-scenario.ts';

shopperAnalyticsScenario('embedded');
