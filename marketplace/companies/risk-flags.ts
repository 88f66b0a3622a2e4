/**
 * Risk flags: patterns in a manufacturer's record that an admin should look at before a buyer gets hurt. Each
 * flag is a rule with a threshold, worked out from the OLTP data when asked (a few thousand manufacturers are a
 * few queries), and says in numbers why it fired. Flags inform; they never act on their own: suspending is an
 * admin's decision, audited like any other.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { MIN_ORDERS } from './trust-score.ts';
import { trustInputs } from './trust-scoring.ts';

type Reader = Db | Transaction<Database>;

export type RiskSeverity = 'critical' | 'high' | 'medium';

export interface RiskFlag {
  code: string;
  severity: RiskSeverity;
  message: string;
}

/** Recent behaviour: the last 90 days of orders. */
export const RISK_WINDOW_DAYS = 90;
export const THRESHOLDS = {
  disputeRate: 0.1,
  sellerCancellationRate: 0.2,
  onTimeRate: 0.7,
  lowRating: 2.5,
  minReviews: 5,
  rejections: 2,
  newSellerDays: 30,
  newSellerOrders: 50,
} as const;

export const SEVERITY_ORDER: readonly RiskSeverity[] = ['critical', 'high', 'medium'];

const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;

export async function riskFlags(
  db: Reader,
  now: Date,
  companyIds?: string[],
): Promise<Map<string, RiskFlag[]>> {
  const inputs = await trustInputs(db, now, companyIds, RISK_WINDOW_DAYS);
  const ids = [...inputs.keys()];
  const flags = new Map<string, RiskFlag[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return flags;
  const add = (companyId: string, flag: RiskFlag) => flags.get(companyId)?.push(flag);

  // The same file (by SHA-256) on another company's case: a borrowed or forged registration.
  const shared = await sql<{ company_id: string; others: number }>`
    SELECT d.company_id, count(DISTINCT o.company_id)::int AS others
    FROM kyb_documents d JOIN kyb_documents o ON o.sha256 = d.sha256 AND o.company_id <> d.company_id
    WHERE d.company_id IN (${sql.join(ids)}) AND d.withdrawn_at IS NULL
    GROUP BY d.company_id`.execute(db);
  for (const row of shared.rows)
    add(row.company_id, {
      code: 'documents_shared',
      severity: 'critical',
      message: `A KYB document on file is byte-for-byte the same as one of ${row.others} other compan${row.others === 1 ? 'y' : 'ies'}.`,
    });

  const history = await db
    .selectFrom('companies as c')
    .select([
      'c.id',
      'c.created_at',
      sql<number>`(SELECT count(*) FROM kyb_reviews r WHERE r.company_id = c.id AND r.action = 'rejected')::int`.as(
        'rejections',
      ),
      sql<number>`(SELECT count(*) FROM orders o WHERE o.seller_company_id = c.id
        AND o.placed_at < c.created_at + make_interval(days => ${THRESHOLDS.newSellerDays}))::int`.as(
        'early_orders',
      ),
    ])
    .where('c.id', 'in', ids)
    .execute();
  for (const row of history) {
    if (Number(row.rejections) >= THRESHOLDS.rejections)
      add(row.id, {
        code: 'repeated_rejections',
        severity: 'high',
        message: `KYB was rejected ${row.rejections} times.`,
      });
    const ageDays = (now.getTime() - new Date(row.created_at).getTime()) / 86_400_000;
    if (ageDays < THRESHOLDS.newSellerDays && Number(row.early_orders) >= THRESHOLDS.newSellerOrders)
      add(row.id, {
        code: 'new_seller_high_volume',
        severity: 'medium',
        message: `${row.early_orders} orders within ${Math.ceil(ageDays)} days of joining.`,
      });
  }

  for (const [companyId, r] of inputs) {
    if (r.shippedOrders >= MIN_ORDERS && r.disputedOrders / r.shippedOrders > THRESHOLDS.disputeRate)
      add(companyId, {
        code: 'high_dispute_rate',
        severity: 'high',
        message: `Claims on ${percent(r.disputedOrders / r.shippedOrders)} of shipped orders in ${RISK_WINDOW_DAYS} days (${r.disputedOrders} of ${r.shippedOrders}).`,
      });
    const failed = r.decidedOrders - r.shippedOrders;
    if (r.decidedOrders >= MIN_ORDERS && failed / r.decidedOrders > THRESHOLDS.sellerCancellationRate)
      add(companyId, {
        code: 'high_cancellation_rate',
        severity: 'medium',
        message: `Rejected or cancelled ${percent(failed / r.decidedOrders)} of its orders in ${RISK_WINDOW_DAYS} days (${failed} of ${r.decidedOrders}).`,
      });
    if (r.shippedOrders >= MIN_ORDERS && r.shippedOnTime / r.shippedOrders < THRESHOLDS.onTimeRate)
      add(companyId, {
        code: 'late_shipping',
        severity: 'medium',
        message: `Shipped ${percent(r.shippedOnTime / r.shippedOrders)} of orders on time in ${RISK_WINDOW_DAYS} days.`,
      });
    if (
      r.reviewCount >= THRESHOLDS.minReviews &&
      r.averageRating !== null &&
      r.averageRating < THRESHOLDS.lowRating
    )
      add(companyId, {
        code: 'low_rating',
        severity: 'medium',
        message: `Average rating ${r.averageRating.toFixed(1)} from ${r.reviewCount} reviews.`,
      });
  }
  for (const list of flags.values())
    list.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return flags;
}
