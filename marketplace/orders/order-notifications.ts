/**
 * Telling the other side of an order what happened to it: a new order to the manufacturer's order managers, and
 * each status change to the party that did not make it (both, when the system did). In-app rows are written in
 * the caller's transaction; the returned emails are sent by the caller after its commit (see notifier.ts).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { formatMoney } from '../invoices/money-format.ts';
import { nothingToDeliver, type Delivery, type Notifier } from '../notifications/notifier.ts';

const WORDS: Record<string, string> = {
  placed: 'was placed',
  accepted: 'was accepted',
  rejected: 'was rejected',
  processing: 'is being prepared',
  shipped: 'has shipped',
  delivered: 'was delivered',
  completed: 'is complete',
  cancelled: 'was cancelled',
  expired: 'expired unpaid',
};

export async function notifyOrderChange(
  notifier: Notifier | undefined,
  tx: Transaction<Database>,
  change: { orderId: string; to: string; byCompanyId: string | null; reason?: string },
): Promise<Delivery> {
  if (!notifier) return nothingToDeliver;
  const order = await tx
    .selectFrom('orders as o')
    .innerJoin('companies as b', 'b.id', 'o.buyer_company_id')
    .innerJoin('companies as s', 's.id', 'o.seller_company_id')
    .select([
      'o.id',
      'o.buyer_company_id',
      'o.seller_company_id',
      'o.currency',
      'o.subtotal_minor',
      'o.total_minor',
    ])
    .select(['b.name as buyer_name', 's.name as seller_name'])
    .where('o.id', '=', change.orderId)
    .executeTakeFirstOrThrow();
  const short = order.id.slice(-8);
  const link = `/orders/${order.id}`;
  if (change.to === 'placed') {
    return notifier.notify(
      tx,
      { companyId: order.seller_company_id, permission: 'orders:manage' },
      {
        kind: 'order.received',
        title: `New order from ${order.buyer_name}`,
        body: `Order ${short}: ${formatMoney(order.total_minor ?? order.subtotal_minor, order.currency)}. Accept or reject it in your order inbox.`,
        link,
      },
    );
  }
  const deliveries: Delivery[] = [];
  const sides = [
    { companyId: order.buyer_company_id, other: order.seller_name },
    { companyId: order.seller_company_id, other: order.buyer_name },
  ].filter((side) => side.companyId !== change.byCompanyId);
  for (const side of sides) {
    deliveries.push(
      await notifier.notify(
        tx,
        { companyId: side.companyId, permission: 'orders:read' },
        {
          kind: 'order.updated',
          title: `Order ${short} ${WORDS[change.to] ?? change.to}`,
          body: `Your order with ${side.other} ${WORDS[change.to] ?? change.to}${change.reason ? `: ${change.reason}` : '.'}`,
          link,
        },
      ),
    );
  }
  return {
    notificationIds: deliveries.flatMap((d) => d.notificationIds),
    emails: deliveries.flatMap((d) => d.emails),
  };
}
