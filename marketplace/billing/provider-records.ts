/**
 * Our records of the provider's billing objects: the company's customer and the provider price of each of our
 * price rows. Each is created once on first use; the provider calls are idempotent, and when two requests race
 * the first row written wins, so a company never ends up with two customers in our records.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../db/database.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { BillingPrice } from './billing-prices.ts';
import { PRODUCT_NAMES } from './plan-catalog.ts';

export interface ProviderDeps {
  db: Db;
  clock: Clock;
  provider: PaymentProvider;
}

export async function ensureCustomer(deps: ProviderDeps, companyId: string): Promise<string> {
  const { db, clock, provider } = deps;
  const existing = await db
    .selectFrom('billing_customers')
    .select('customer_id')
    .where('company_id', '=', companyId)
    .where('provider', '=', provider.name)
    .executeTakeFirst();
  if (existing) return existing.customer_id;
  const company = await db
    .selectFrom('companies')
    .select('name')
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow();
  const owner = await db
    .selectFrom('users')
    .select('email')
    .where('company_id', '=', companyId)
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .executeTakeFirst();
  const { customerId } = await provider.createBillingCustomer({
    companyId,
    name: company.name,
    ...(owner ? { email: owner.email } : {}),
  });
  // Two racing requests got the same customer (the provider call is idempotent per company): one row wins.
  await db
    .insertInto('billing_customers')
    .values({
      company_id: companyId,
      provider: provider.name,
      customer_id: customerId,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.columns(['company_id', 'provider']).doNothing())
    .execute();
  return customerId;
}

export async function providerPriceOf(deps: ProviderDeps, price: BillingPrice): Promise<string> {
  const { db, clock, provider } = deps;
  const existing = await db
    .selectFrom('billing_provider_prices')
    .select('provider_price_id')
    .where('price_id', '=', price.id)
    .where('provider', '=', provider.name)
    .executeTakeFirst();
  if (existing) return existing.provider_price_id;
  const { providerPriceId } = await provider.createBillingPrice({
    priceId: price.id,
    product: price.product,
    productName: PRODUCT_NAMES[price.product],
    amountMinor: price.amountUsdMinor,
    interval: price.interval,
  });
  await db
    .insertInto('billing_provider_prices')
    .values({
      price_id: price.id,
      provider: provider.name,
      provider_price_id: providerPriceId,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.columns(['price_id', 'provider']).doNothing())
    .execute();
  const stored = await db
    .selectFrom('billing_provider_prices')
    .select('provider_price_id')
    .where('price_id', '=', price.id)
    .where('provider', '=', provider.name)
    .executeTakeFirstOrThrow();
  return stored.provider_price_id;
}
