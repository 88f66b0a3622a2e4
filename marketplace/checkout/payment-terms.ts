/**
 * Net terms: a retailer an admin approved may pay 30 days after placing an order, up to its credit limit.
 * The limit is in USD; what is outstanding is every terms order not yet paid, at each order's own FX rate.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import type { Database } from '../db/schema.ts';

export const TERMS_DAYS = 30;

type Tx = Transaction<Database>;

export async function outstandingTermsUsdMinor(
  tx: Tx | Kysely<Database>,
  buyerCompanyId: string,
): Promise<number> {
  const row = await tx
    .selectFrom('orders')
    .select(sql<string>`coalesce(sum(round((total_minor - refunded_minor) * fx_rate)), 0)`.as('owed'))
    .where('buyer_company_id', '=', buyerCompanyId)
    .where('payment_status', '=', 'on_terms')
    .where('status', 'not in', ['cancelled', 'rejected', 'expired'])
    .executeTakeFirstOrThrow();
  return Number(row.owed);
}

const dollars = (usdMinor: number) => `US$${(usdMinor / 100).toFixed(2)}`;

export async function checkCredit(
  tx: Tx,
  buyerCompanyId: string,
  newUsdMinor: number,
  at: Date,
): Promise<void> {
  // Locked so two terms checkouts of one retailer cannot both fit under the limit with room for one.
  const company = await tx
    .selectFrom('companies')
    .select(['terms_approved_at', 'credit_limit_usd_minor'])
    .where('id', '=', buyerCompanyId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!company.terms_approved_at || new Date(company.terms_approved_at) > at)
    throw new DomainError(
      'validation',
      'terms_not_approved',
      'Your company is not approved for net terms yet: pay by card, or ask Wholesail to review you for terms.',
      [{ field: 'paymentMethod', message: 'net terms are not available to your company' }],
    );
  const owed = await outstandingTermsUsdMinor(tx, buyerCompanyId);
  const limit = Number(company.credit_limit_usd_minor);
  if (owed + newUsdMinor > limit)
    throw new DomainError(
      'validation',
      'credit_limit_exceeded',
      `This order (${dollars(newUsdMinor)}) would take you over your credit limit of ${dollars(limit)}: ${dollars(owed)} is outstanding.`,
      [{ field: 'paymentMethod', message: `available credit is ${dollars(Math.max(0, limit - owed))}` }],
    );
}
