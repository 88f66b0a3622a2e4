/**
 * Plan limits at checkout: a manufacturer on the Free plan receives at most 20 orders per calendar month.
 * The buyer is told which supplier is at its limit; the supplier is told (by the message it would see in its
 * own dashboards) to upgrade. Counting happens under the products' locks taken by checkout.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import type { Database, Plan } from '../db/schema.ts';
import { GMV_EXCLUDED_STATUSES } from '../commissions/rate-card.ts';

export const PLAN_LIMITS: Record<Plan, { products: number | null; ordersPerMonth: number | null }> = {
  free: { products: 10, ordersPerMonth: 20 },
  professional: { products: null, ordersPerMonth: null },
  enterprise: { products: null, ordersPerMonth: null },
};

export async function checkPlanOrderLimit(
  tx: Transaction<Database>,
  seller: { sellerCompanyId: string; sellerName: string },
  plan: Plan,
  at: Date,
): Promise<void> {
  const limit = PLAN_LIMITS[plan].ordersPerMonth;
  if (limit === null) return;
  const monthStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const row = await tx
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('seller_company_id', '=', seller.sellerCompanyId)
    .where('placed_at', '>=', monthStart)
    .where(
      'status',
      'not in',
      GMV_EXCLUDED_STATUSES.filter((s) => s !== 'pending_payment'),
    )
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= limit)
    throw new DomainError(
      'validation',
      'supplier_plan_limit',
      `${seller.sellerName} has reached the ${limit} orders a month of its Free plan and cannot take more orders until next month (or until it upgrades to Professional).`,
      [
        {
          field: `cart.suppliers.${seller.sellerCompanyId}`,
          message: 'supplier is at its monthly order limit',
        },
      ],
    );
}
