/**
 * The effective-dated reference rates money depends on: FX to USD and sales tax/VAT by destination. Both are
 * tables (migration 2026_11_28_0001) so finance can add a rate from a date on without a deploy; the row in
 * force at the moment of the event applies, and every order stores the rate it used.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import type { Currency } from '../../platform/money.ts';
import type { Database, ShippingAddress } from '../db/schema.ts';

type Reader = Kysely<Database> | Transaction<Database>;

/** numeric columns come back as strings with trailing zeros ("1.08000000"); rates are kept as short decimals. */
export function decimal(value: string | number): string {
  const text = String(value);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** USD per one unit of `currency` at `at`. */
export async function fxRateAt(db: Reader, currency: Currency, at: Date): Promise<string> {
  const row = await db
    .selectFrom('fx_rates')
    .select('usd_rate')
    .where('currency', '=', currency)
    .where('effective_from', '<=', at)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row)
    throw new DomainError(
      'validation',
      'fx_rate_missing',
      `No ${currency} to USD rate for ${at.toISOString()}.`,
    );
  return decimal(row.usd_rate);
}

export interface TaxRate {
  rate: string;
  name: string;
}

/**
 * The tax rate for a destination: the region's own row when there is one, else the country's. A destination
 * with no row at all cannot be shipped to yet, which is a problem to show, not a silent 0 %.
 */
export async function taxRateFor(
  db: Reader,
  address: ShippingAddress,
  at: Date,
  field: string,
): Promise<TaxRate> {
  const row = await db
    .selectFrom('tax_rates')
    .select(['rate', 'name', 'region'])
    .where('country', '=', address.country.toUpperCase())
    .where((eb) => eb.or([eb('region', '=', ''), eb('region', '=', address.region.toUpperCase())]))
    .where('effective_from', '<=', at)
    .orderBy(sql`region = ''`)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new DomainError(
      'validation',
      'destination_not_served',
      `Wholesail does not ship to ${address.country} yet (no tax rate for it).`,
      [{ field, message: 'no tax rate for this country' }],
    );
  }
  return { rate: decimal(row.rate), name: row.name };
}
