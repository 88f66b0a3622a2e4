/**
 * Completes delivered orders the buyer never confirmed: after `afterDays` days without a complaint the platform
 * takes the delivery as accepted, so the order can settle. Each order goes through the state machine in its
 * own transaction (audited, streamed as `order.status_changed` with the system as actor), so one order that
 * cannot complete does not hold back the rest, and a buyer confirming at the same moment simply wins.
 */
import { transitionOrder } from '../marketplace/orders/order-state-machine.ts';
import type { Db } from '../marketplace/db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { DomainError } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';

const DAY_MS = 86_400_000;

export async function autoCompleteOrders(deps: {
  db: Db;
  clock: Clock;
  afterDays: number;
  logger?: Logger;
}): Promise<number> {
  const { db, clock, afterDays, logger } = deps;
  const now = clock.now();
  const due = await db
    .selectFrom('orders')
    .select('id')
    .where('status', '=', 'delivered')
    .where('delivered_at', '<', new Date(now.getTime() - afterDays * DAY_MS))
    .orderBy('delivered_at')
    .orderBy('id')
    .execute();
  let completed = 0;
  for (const { id } of due) {
    try {
      await db.transaction().execute((tx) =>
        transitionOrder(tx, {
          orderId: id,
          to: 'completed',
          actor: 'system',
          at: now,
          reason: `completed automatically ${afterDays} days after delivery`,
        }),
      );
      completed += 1;
    } catch (error) {
      // Someone else moved it first (the buyer confirmed, another worker's run): nothing left to do.
      if (error instanceof DomainError && error.kind === 'conflict') continue;
      logger?.error({ err: error, orderId: id }, 'auto-complete: order could not be completed');
    }
  }
  return completed;
}
