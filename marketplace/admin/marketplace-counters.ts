/**
 * The marketplace's vital signs for the platform page: work waiting for Wholesail's staff (KYB cases, claims)
 * and today's trade. Read straight from the OLTP database, not the warehouse, so the page stays right even when
 * the pipeline it also watches is behind.
 */
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { forbidden } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';

const DAY_MS = 86_400_000;
/** Orders that never became a sale: an unpaid card checkout, or one whose payment window ran out. */
const NOT_SOLD = ['pending_payment', 'expired'];

export function requirePlatformAdmin(principal: Principal) {
  if (principal.companyKind !== 'platform' || !can(principal, 'platform:admin'))
    throw forbidden('Platform metrics are for Wholesail platform admins.');
}

export function createMarketplaceCounters(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return async function marketplaceCounters() {
    const now = clock.now();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const kyb = await db
      .selectFrom('companies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kyb_status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    const claims = await db
      .selectFrom('claims')
      .select([
        sql<number>`count(*) FILTER (WHERE status IN ('open', 'seller_responded'))`.as('open'),
        sql<number>`count(*) FILTER (WHERE status = 'escalated')`.as('escalated'),
      ])
      .executeTakeFirstOrThrow();
    // GMV as the warehouse counts it: the subtotal of every order placed today, whatever happened to it after.
    const trade = await db
      .selectFrom('orders')
      .select([
        'currency',
        sql<number>`count(*)`.as('orders'),
        sql<number>`coalesce(sum(subtotal_minor), 0)`.as('gmv_minor'),
      ])
      .where('placed_at', '>=', today)
      .where('placed_at', '<=', now)
      .where('status', 'not in', NOT_SOLD)
      .groupBy('currency')
      .orderBy('currency')
      .execute();
    // Every sign-in and every refresh (at least every 15 minutes while a tab is open) issues a refresh token.
    const active = await db
      .selectFrom('refresh_tokens')
      .select(sql<number>`count(DISTINCT user_id)`.as('n'))
      .where('created_at', '>=', new Date(now.getTime() - DAY_MS))
      .executeTakeFirstOrThrow();
    return {
      kybWaiting: Number(kyb.n),
      claims: { open: Number(claims.open), escalated: Number(claims.escalated) },
      today: trade.map((t) => ({
        currency: t.currency,
        orders: Number(t.orders),
        gmvMinor: Number(t.gmv_minor),
      })),
      activeUsers24h: Number(active.n),
    };
  };
}
