/**
 * Orders that need a person, for the platform's operations staff: placed and not accepted in time, accepted
 * but past their ship-by date, card checkouts whose payment failed or hangs, and net-terms orders past due.
 * Read-only: it finds the cases; the buyer, the seller or finance act on them through their own services.
 *
 * Ship-by is not stored on the order. It is the rule the trust score grades sellers by
 * (marketplace/companies/trust-scoring.ts): placed + the longest lead time among the order's products + 2 days
 * (one to accept, one of grace). Using the same rule means an order listed here as late is exactly one that
 * will count against the seller's on-time share.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { forbidden } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { DEFAULT_LEAD_DAYS, SHIP_BY_SLACK_DAYS } from '../companies/trust-scoring.ts';

export const ATTENTION_KINDS = [
  'not_accepted',
  'ship_by_passed',
  'payment_failed',
  'payment_pending',
  'terms_overdue',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** A failed card payment stays worth a look this long after the checkout expired. */
const FAILED_PAYMENT_DAYS = 7;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface AttentionQuery {
  kind?: AttentionKind;
  /** A placed order is stuck when nobody accepted it within this many hours. */
  acceptWithinHours: number;
  /** A card checkout hangs when still unpaid this many minutes after checkout. */
  paymentPendingMinutes: number;
  /** At most this many orders per kind (the oldest first); `total` says how many there are. */
  limit: number;
}

export interface AttentionItem {
  kind: AttentionKind;
  orderId: string;
  status: string;
  paymentMethod: 'card' | 'terms' | null;
  paymentStatus: string;
  buyer: { id: string; name: string };
  seller: { id: string; name: string };
  amountMinor: number;
  currency: string;
  placedAt: string;
  /** When the order started needing attention: the missed deadline, or the failed payment. */
  since: string;
  /** Whole hours since the order was placed (checkout time for unpaid card orders). */
  ageHours: number;
  /** Whole hours since `since`. */
  overdueHours: number;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const hoursBetween = (from: Date | string, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - new Date(from).getTime()) / HOUR_MS));

/** The tables an attention query reads, as its `where` callbacks see them. */
type AttentionScope = ExpressionBuilder<
  Database & { o: Database['orders']; g: Database['order_groups'] },
  'o' | 'g'
>;

export function createOrdersAttention(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The longest lead time among an order's products, as SQL over `o`. */
  const shipBy = sql<Date>`(o.placed_at + make_interval(days => coalesce(
      (SELECT max(p.lead_time_days) FROM order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.order_id = o.id), ${DEFAULT_LEAD_DAYS}) + ${SHIP_BY_SLACK_DAYS}))`;
  /** When a card checkout's payment was first refused, per the provider's own webhook (null: never). */
  const failedAt = sql<Date | null>`(SELECT min(e.received_at) FROM payment_provider_events e
      WHERE e.type = 'payment_intent.payment_failed' AND e.object_id = g.payment_intent_id)`;

  function ordersOfKind(kind: AttentionKind, now: Date, q: AttentionQuery) {
    const base = db
      .selectFrom('orders as o')
      .innerJoin('companies as b', 'b.id', 'o.buyer_company_id')
      .innerJoin('companies as s', 's.id', 'o.seller_company_id')
      .leftJoin('order_groups as g', 'g.id', 'o.group_id')
      .select([
        'o.id',
        'o.status',
        'o.payment_method',
        'o.payment_status',
        'o.buyer_company_id',
        'b.name as buyer_name',
        'o.seller_company_id',
        's.name as seller_name',
        'o.currency',
        sql<number>`coalesce(o.total_minor, o.subtotal_minor)`.as('amount_minor'),
        'o.placed_at',
        sql<number>`count(*) over ()`.as('total'),
      ]);
    const failed = (eb: AttentionScope): Expression<SqlBool> =>
      eb.or([
        eb('o.payment_status', '=', 'failed'),
        eb('g.status', '=', 'failed'),
        eb(failedAt, 'is not', null),
      ]);
    switch (kind) {
      case 'not_accepted': {
        const deadline = sql<Date>`(o.placed_at + make_interval(hours => ${q.acceptWithinHours}))`;
        return base
          .select(deadline.as('since'))
          .where('o.status', '=', 'placed')
          .where('o.placed_at', '<', new Date(now.getTime() - q.acceptWithinHours * HOUR_MS))
          .orderBy('o.placed_at');
      }
      case 'ship_by_passed':
        return base
          .select(shipBy.as('since'))
          .where('o.status', 'in', ['accepted', 'processing'])
          .where(shipBy, '<', now)
          .orderBy(shipBy);
      case 'payment_failed':
        return base
          .select(sql<Date>`coalesce(${failedAt}, o.status_changed_at, o.placed_at)`.as('since'))
          .where('o.payment_method', '=', 'card')
          .where((eb) =>
            eb.or([
              eb('o.status', '=', 'pending_payment'),
              eb.and([
                eb('o.status', '=', 'expired'),
                eb('o.status_changed_at', '>=', new Date(now.getTime() - FAILED_PAYMENT_DAYS * DAY_MS)),
              ]),
            ]),
          )
          .where(failed)
          .orderBy('o.placed_at');
      case 'payment_pending': {
        const deadline = sql<Date>`(o.placed_at + make_interval(mins => ${q.paymentPendingMinutes}))`;
        // A checkout whose payment already failed is listed as failed, not twice.
        return base
          .select(deadline.as('since'))
          .where('o.payment_method', '=', 'card')
          .where('o.status', '=', 'pending_payment')
          .where('o.placed_at', '<', new Date(now.getTime() - q.paymentPendingMinutes * 60_000))
          .where((eb) => eb.not(failed(eb)))
          .orderBy('o.placed_at');
      }
      case 'terms_overdue':
        return base
          .select(sql<Date>`o.due_at`.as('since'))
          .where('o.payment_status', '=', 'on_terms')
          .where('o.status', 'not in', ['cancelled', 'rejected', 'expired'])
          .where('o.due_at', '<', now)
          .orderBy('o.due_at');
    }
  }

  async function itemsOfKind(kind: AttentionKind, now: Date, q: AttentionQuery) {
    const rows = await ordersOfKind(kind, now, q).orderBy('o.id').limit(q.limit).execute();
    const items = rows.map((r): AttentionItem => ({
      kind,
      orderId: r.id,
      status: r.status,
      paymentMethod: r.payment_method,
      paymentStatus: r.payment_status,
      buyer: { id: r.buyer_company_id, name: r.buyer_name },
      seller: { id: r.seller_company_id, name: r.seller_name },
      amountMinor: Number(r.amount_minor),
      currency: r.currency,
      placedAt: iso(r.placed_at),
      since: iso(r.since),
      ageHours: hoursBetween(r.placed_at, now),
      overdueHours: hoursBetween(r.since, now),
    }));
    return { kind, total: Number(rows[0]?.total ?? 0), items };
  }

  /** How many orders entered each status today (UTC) and in the last 7 days, from the order timeline. */
  async function statusCounts(now: Date) {
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
    const rows = await db
      .selectFrom('order_status_history')
      .select([
        'to_status',
        sql<number>`count(*) FILTER (WHERE at >= ${today})`.as('today'),
        sql<number>`count(*)`.as('last7_days'),
      ])
      .where('at', '>=', weekAgo)
      .where('at', '<=', now)
      .groupBy('to_status')
      .orderBy('to_status')
      .execute();
    return rows.map((r) => ({
      status: r.to_status,
      today: Number(r.today),
      last7Days: Number(r.last7_days),
    }));
  }

  async function attention(principal: Principal, query: AttentionQuery) {
    if (principal.companyKind !== 'platform' || !can(principal, 'platform:admin'))
      throw forbidden('Order monitoring is for Wholesail platform admins.');
    const now = clock.now();
    const kinds = query.kind ? [query.kind] : [...ATTENTION_KINDS];
    const groups = [];
    // One kind at a time: PGlite serves one query at a time anyway, and PostgreSQL's pool is shared.
    for (const kind of kinds) groups.push(await itemsOfKind(kind, now, query));
    return {
      generatedAt: now.toISOString(),
      thresholds: {
        acceptWithinHours: query.acceptWithinHours,
        paymentPendingMinutes: query.paymentPendingMinutes,
        shipBy: `placed + longest product lead time (default ${DEFAULT_LEAD_DAYS}) + ${SHIP_BY_SLACK_DAYS} days`,
      },
      groups,
      statusCounts: await statusCounts(now),
    };
  }

  return { attention };
}

export type OrdersAttention = ReturnType<typeof createOrdersAttention>;
