/**
 * Who may see an order: its buyer's and its seller's members, and platform staff. Anyone else is told the order
 * does not exist (404, not 403), so order ids cannot be probed across companies.
 */
import type { Kysely, Transaction } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Database } from '../db/schema.ts';

export async function visibleOrder(
  db: Kysely<Database> | Transaction<Database>,
  principal: Principal,
  orderId: string,
): Promise<{ id: string; buyer_company_id: string; seller_company_id: string }> {
  const order = await db
    .selectFrom('orders')
    .select(['id', 'buyer_company_id', 'seller_company_id'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  const party = order && [order.buyer_company_id, order.seller_company_id].includes(principal.companyId);
  if (!order || (!party && principal.companyKind !== 'platform')) throw notFound('order', orderId);
  return order;
}
