/**
 * The Free plan's product limit, checked wherever a product becomes published (listing, CSV import,
 * publishing a draft). The company row is locked while counting, so two concurrent publishes cannot both
 * take the last free slot. Paid plans have no limit and take no lock.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import type { Database } from '../db/schema.ts';
import { PLAN_LIMITS } from '../checkout/plan-limits.ts';
import { PLAN_NAMES } from './plan-catalog.ts';

export const PLAN_LIMIT_REACHED = 'plan_limit_reached';

/**
 * Why publishing `publishing` more products would break the company's plan, as a sentence naming the limit
 * and the plan that lifts it, with how many of them still fit; null when they all fit.
 */
export async function productLimitProblem(
  tx: Transaction<Database>,
  companyId: string,
  publishing: number,
): Promise<{ message: string; fits: number } | null> {
  if (publishing <= 0) return null;
  const company = await tx
    .selectFrom('companies')
    .select('plan')
    .where('id', '=', companyId)
    .executeTakeFirst();
  const limit = company ? PLAN_LIMITS[company.plan].products : null;
  if (!company || limit === null) return null;
  await tx.selectFrom('companies').select('id').where('id', '=', companyId).forNoKeyUpdate().execute();
  const row = await tx
    .selectFrom('products')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('seller_company_id', '=', companyId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  const published = Number(row.n);
  if (published + publishing <= limit) return null;
  return {
    message:
      `Your ${PLAN_NAMES[company.plan]} plan includes ${limit} published products and you have ${published}. ` +
      `Upgrade to Professional for unlimited products, or unpublish one (or save this as a draft) first.`,
    fits: Math.max(0, limit - published),
  };
}

export function planLimitError(message: string, field = 'status'): DomainError {
  return new DomainError('validation', PLAN_LIMIT_REACHED, message, [
    { field, message: 'the published-products limit of your plan is reached' },
  ]);
}

export async function assertProductLimit(tx: Transaction<Database>, companyId: string, publishing = 1) {
  const problem = await productLimitProblem(tx, companyId, publishing);
  if (problem) throw planLimitError(problem.message);
}
