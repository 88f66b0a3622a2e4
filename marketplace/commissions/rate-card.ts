/**
 * Reads the commission rate card in force at a moment, and the manufacturer's GMV so far in that calendar
 * month, from the effective-dated tables of migration 2026_11_28_0001. The rules themselves live in
 * commission-rules.ts.
 */
import { sql, type Transaction } from 'kysely';
import type { Database, Plan } from '../db/schema.ts';
import type { RateCard } from './commission-rules.ts';

type Tx = Transaction<Database>;

/** Orders that count towards GMV: placed and not undone. */
export const GMV_EXCLUDED_STATUSES = ['pending_payment', 'cancelled', 'rejected', 'expired'];

/**
 * The parts of the rate card every manufacturer shares (plan rates, category rules, volume tiers), read once per
 * checkout however many manufacturers it has; `negotiatedRateBps` adds each one's own rate.
 */
export async function loadRateSchedule(tx: Tx, at: Date): Promise<Omit<RateCard, 'negotiatedRateBps'>> {
  const planRows = await tx
    .selectFrom('commission_plan_rates')
    .select(['plan', 'rate_bps', 'effective_from'])
    .where('effective_from', '<=', at)
    .orderBy('effective_from')
    .execute();
  const planRatesBps = { free: 0, professional: 0, enterprise: 0 } as Record<Plan, number>;
  for (const row of planRows) planRatesBps[row.plan] = row.rate_bps; // later rows replace earlier ones

  const categoryRules = await tx
    .selectFrom('commission_category_rules')
    .select(['category_slug', 'kind', 'adjustment_bps'])
    .where('effective_from', '<=', at)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', at)]))
    .orderBy('effective_from', 'desc')
    .execute();

  const tierRows = await tx
    .selectFrom('commission_volume_tiers')
    .select(['effective_from', 'min_month_gmv_usd_minor', 'discount_bps'])
    .where('effective_from', '<=', at)
    .orderBy('effective_from', 'desc')
    .execute();
  // The newest schedule in force is the whole schedule: tiers are replaced as a set, never mixed.
  const newest = tierRows[0] ? new Date(tierRows[0].effective_from).getTime() : 0;
  const volumeTiers = tierRows
    .filter((t) => new Date(t.effective_from).getTime() === newest)
    .map((t) => ({ minMonthGmvUsdMinor: Number(t.min_month_gmv_usd_minor), discountBps: t.discount_bps }))
    .sort((a, b) => a.minMonthGmvUsdMinor - b.minMonthGmvUsdMinor);

  return {
    at: at.toISOString(),
    planRatesBps,
    categoryRules: categoryRules.map((r) => ({
      categorySlug: r.category_slug,
      kind: r.kind,
      adjustmentBps: r.adjustment_bps,
    })),
    volumeTiers,
  };
}

/** The manufacturer's negotiated rate in force at `at`, if it has one. */
export async function negotiatedRateBps(tx: Tx, sellerCompanyId: string, at: Date): Promise<number | null> {
  const negotiated = await tx
    .selectFrom('commission_negotiated_rates')
    .select('rate_bps')
    .where('company_id', '=', sellerCompanyId)
    .where('effective_from', '<=', at)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();

  return negotiated?.rate_bps ?? null;
}

/** The manufacturer's GMV in USD minor units from the start of `at`'s calendar month (UTC) up to `at`. */
export async function monthGmvUsdMinor(tx: Tx, sellerCompanyId: string, at: Date): Promise<number> {
  const monthStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const row = await tx
    .selectFrom('orders')
    .select(sql<string>`coalesce(sum(round(subtotal_minor * coalesce(fx_rate, 1))), 0)`.as('gmv'))
    .where('seller_company_id', '=', sellerCompanyId)
    .where('placed_at', '>=', monthStart)
    .where('placed_at', '<', at)
    .where('status', 'not in', GMV_EXCLUDED_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.gmv);
}
