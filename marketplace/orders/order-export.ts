/**
 * A company's order history as CSV, for its own books: a retailer gets the orders it placed, a manufacturer
 * the orders it received, each with the other party's name. Amounts come twice: exact integer minor units for
 * machines and major units ("1234.50") for people; times are UTC ISO 8601.
 */
import { stringify } from 'csv-stringify/sync';
import { forbidden } from '../../platform/errors.ts';
import { CURRENCIES, MINOR_UNITS, type Currency } from '../../platform/money.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';

export const ORDER_CSV_COLUMNS = [
  'order_id',
  'placed_at',
  'counterparty',
  'status',
  'currency',
  'subtotal_minor',
  'subtotal',
  'lines',
] as const;

/** Integer minor units as a decimal string in major units, without passing through floats. */
export function majorUnits(amountMinor: number, currency: string): string {
  const per = (CURRENCIES as readonly string[]).includes(currency) ? MINOR_UNITS[currency as Currency] : 100;
  const decimals = String(per).length - 1;
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const whole = Math.floor(abs / per);
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(abs % per).padStart(decimals, '0')}`;
}

/** Spreadsheets run a cell starting with = + - @ as a formula; company names are typed by anyone who signs up. */
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export async function exportOrdersCsv(db: Db, principal: Principal): Promise<string> {
  if (!can(principal, 'orders:read')) throw forbidden('You do not have access to orders.');
  if (principal.companyKind === 'platform') {
    throw forbidden("The order export is a buyer's or a seller's own order history.");
  }
  const selling = principal.companyKind === 'manufacturer';
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('companies as c', 'c.id', selling ? 'o.buyer_company_id' : 'o.seller_company_id')
    .select((eb) => [
      'o.id',
      'o.placed_at',
      'c.name as counterparty',
      'o.status',
      'o.currency',
      'o.subtotal_minor',
      eb
        .selectFrom('order_lines as l')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.order_id', '=', 'o.id')
        .as('lines'),
    ])
    .where(selling ? 'o.seller_company_id' : 'o.buyer_company_id', '=', principal.companyId)
    .orderBy('o.placed_at', 'desc')
    .orderBy('o.id', 'desc')
    .execute();
  return stringify(
    rows.map((r) => ({
      order_id: r.id,
      placed_at: new Date(r.placed_at).toISOString(),
      counterparty: asText(r.counterparty),
      status: r.status,
      currency: r.currency,
      subtotal_minor: r.subtotal_minor,
      subtotal: majorUnits(r.subtotal_minor, r.currency),
      lines: Number(r.lines ?? 0),
    })),
    { header: true, columns: [...ORDER_CSV_COLUMNS] },
  );
}
