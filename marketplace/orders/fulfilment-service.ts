/**
 * Orders after checkout, as the buyer and the seller drive them: accept or reject, processing, ship with
 * tracking, delivery (the seller's proof or the buyer's confirmation), completion, and cancellation before
 * shipping. Each action is one transaction through the state machine; the answer is the order as the caller
 * now sees it, timeline included.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { notifyOrderChange } from './order-notifications.ts';
import { getOrderDetails, type OrderDetails } from './order-details.ts';
import { exportOrdersCsv } from './order-export.ts';
import { transitionOrder, type OrderStatus, type ShipmentDetails } from './order-state-machine.ts';

export interface StatusChangeInput extends ShipmentDetails {
  reason?: string;
}

export function createFulfilmentService(deps: {
  db: Db;
  clock: Clock;
  /** Runs after a status change commits (e.g. refunding a paid order that was cancelled). */
  afterChange?: (orderId: string, to: OrderStatus) => Promise<void>;
  /** Tells the other side; without one (the seeder, some tests) nobody is notified. */
  notifier?: Notifier;
}) {
  const { db, clock, afterChange, notifier } = deps;

  async function changeStatus(
    principal: Principal,
    orderId: string,
    to: OrderStatus,
    input: StatusChangeInput = {},
  ): Promise<OrderDetails> {
    const { reason, ...details } = input;
    const delivery = await db.transaction().execute(async (tx) => {
      await transitionOrder(tx, { orderId, to, actor: principal, at: clock.now(), reason, details });
      return notifyOrderChange(notifier, tx, { orderId, to, byCompanyId: principal.companyId, reason });
    });
    await notifier?.sendEmails(delivery);
    if (afterChange) await afterChange(orderId, to);
    return getOrderDetails(db, principal, orderId);
  }

  return {
    getOrder: (principal: Principal, orderId: string) => getOrderDetails(db, principal, orderId),
    changeStatus,
    exportCsv: (principal: Principal) => exportOrdersCsv(db, principal),
  };
}

export type FulfilmentService = ReturnType<typeof createFulfilmentService>;
