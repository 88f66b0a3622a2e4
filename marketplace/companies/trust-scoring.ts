/**
 * Reads each manufacturer's record from the OLTP database, runs the formula (trust-score.ts) and stores the
 * result on the company. A score that changed emits `company.trust_scored`, so the warehouse's manufacturer
 * dimension and the buyers' pages agree. Run daily by jobs/ and at once after a KYB decision.
 */
import { sql, type Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { systemActor, type Actor } from '../../platform/domain-event.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { COMPANY_TRUST_SCORED, type CompanyTrustScoredV1 } from './events.ts';
import { trustScore, type TrustInputs } from './trust-score.ts';

type Reader = Db | Transaction<Database>;

const WINDOW_DAYS = 365;
/** Ship-by = placed + lead time + this many days (one to accept, one of grace). */
export const SHIP_BY_SLACK_DAYS = 2;
/** Lead time assumed for a product that states none. */
export const DEFAULT_LEAD_DAYS = 3;

interface OrderFigures {
  decided: number;
  shipped: number;
  on_time: number;
  disputed: number;
}

/**
 * The formula's inputs for each manufacturer named (all manufacturers when `companyIds` is omitted), over the
 * last `windowDays` of orders (risk flags look at a shorter window than the score).
 */
export async function trustInputs(
  db: Reader,
  now: Date,
  companyIds?: string[],
  windowDays = WINDOW_DAYS,
): Promise<Map<string, TrustInputs>> {
  if (companyIds && companyIds.length === 0) return new Map();
  let companies = db
    .selectFrom('companies')
    .select(['id', 'created_at', 'kyb_status'])
    .where('kind', '=', 'manufacturer');
  if (companyIds) companies = companies.where('id', 'in', companyIds);
  const rows = await companies.execute();
  if (rows.length === 0) return new Map();
  const ids = rows.map((r) => r.id);
  const since = new Date(now.getTime() - windowDays * 86_400_000);

  // One pass over the window's orders. A cancellation counts against the seller only when the seller made it.
  const figures = await sql<OrderFigures & { seller_company_id: string }>`
    WITH o AS (
      SELECT o.seller_company_id, o.placed_at, o.shipped_at,
        (SELECT max(p.lead_time_days) FROM order_lines l JOIN products p ON p.id = l.product_id
          WHERE l.order_id = o.id) AS lead_days,
        EXISTS (SELECT 1 FROM claims c WHERE c.order_id = o.id) AS disputed,
        (o.status = 'rejected' OR (o.status = 'cancelled' AND EXISTS (
          SELECT 1 FROM order_status_history h WHERE h.order_id = o.id AND h.to_status = 'cancelled'
            AND h.actor_company_id = o.seller_company_id))) AS seller_failed
      FROM orders o
      WHERE o.placed_at >= ${since} AND o.seller_company_id IN (${sql.join(ids)})
    )
    SELECT seller_company_id,
      count(*) FILTER (WHERE shipped_at IS NOT NULL OR seller_failed)::int AS decided,
      count(*) FILTER (WHERE shipped_at IS NOT NULL)::int AS shipped,
      count(*) FILTER (WHERE shipped_at IS NOT NULL AND shipped_at <= placed_at
        + make_interval(days => coalesce(lead_days, ${DEFAULT_LEAD_DAYS}) + ${SHIP_BY_SLACK_DAYS}))::int AS on_time,
      count(*) FILTER (WHERE shipped_at IS NOT NULL AND disputed)::int AS disputed
    FROM o GROUP BY seller_company_id`.execute(db);
  const byCompany = new Map(figures.rows.map((f) => [f.seller_company_id, f]));

  const ratings = await db
    .selectFrom('manufacturer_ratings')
    .select(['manufacturer_company_id', 'review_count', 'average_rating'])
    .where('manufacturer_company_id', 'in', ids)
    .execute();
  const ratingOf = new Map(ratings.map((r) => [r.manufacturer_company_id, r]));

  return new Map(
    rows.map((company) => {
      const f = byCompany.get(company.id);
      const rating = ratingOf.get(company.id);
      const count = Number(rating?.review_count ?? 0);
      return [
        company.id,
        {
          verified: company.kyb_status === 'approved',
          tenureDays: (now.getTime() - new Date(company.created_at).getTime()) / 86_400_000,
          decidedOrders: Number(f?.decided ?? 0),
          shippedOrders: Number(f?.shipped ?? 0),
          shippedOnTime: Number(f?.on_time ?? 0),
          disputedOrders: Number(f?.disputed ?? 0),
          reviewCount: count,
          averageRating: count > 0 ? Number(rating!.average_rating) : null,
        },
      ];
    }),
  );
}

/**
 * Scores the named manufacturers (all when omitted) inside `tx` and stores the results; returns how many
 * scores changed. Tenure grows every day, so the daily run changes most scores' parts but rarely the total.
 */
export async function rescore(
  tx: Transaction<Database>,
  now: Date,
  companyIds?: string[],
  actor: Actor = systemActor,
): Promise<number> {
  const inputs = await trustInputs(tx, now, companyIds);
  if (inputs.size === 0) return 0;
  const current = await tx
    .selectFrom('companies')
    .select(['id', 'trust_score', 'trust_badge'])
    .where('id', 'in', [...inputs.keys()])
    .execute();
  const before = new Map(current.map((c) => [c.id, c]));
  let changed = 0;
  for (const [companyId, input] of inputs) {
    const result = trustScore(input);
    const was = before.get(companyId);
    await tx
      .updateTable('companies')
      .set({
        trust_score: result.score,
        trust_badge: result.badge,
        trust_components: JSON.stringify({ parts: result.parts, inputs: input }),
        trust_computed_at: now,
      })
      .where('id', '=', companyId)
      .execute();
    if (was?.trust_score === result.score && was.trust_badge === result.badge) continue;
    changed++;
    await recordEvent<CompanyTrustScoredV1>(tx, {
      type: COMPANY_TRUST_SCORED,
      version: 1,
      aggregateType: 'company',
      aggregateId: companyId,
      companyIds: [companyId],
      occurredAt: now,
      actor,
      payload: {
        companyId,
        score: result.score,
        badge: result.badge,
        previousScore: was?.trust_score ?? null,
      },
    });
  }
  return changed;
}

/** The daily job's entry point: every manufacturer, in batches so no transaction holds many rows for long. */
export function createTrustScoring(deps: { db: Db; clock: Clock }) {
  async function rescoreAll(batchSize = 200): Promise<{ scored: number; changed: number }> {
    const ids = (
      await deps.db
        .selectFrom('companies')
        .select('id')
        .where('kind', '=', 'manufacturer')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    const now = deps.clock.now();
    let changed = 0;
    for (let i = 0; i < ids.length; i += batchSize) {
      const batch = ids.slice(i, i + batchSize);
      changed += await deps.db.transaction().execute((tx) => rescore(tx, now, batch));
    }
    return { scored: ids.length, changed };
  }
  return { rescoreAll };
}
