/**
 * One order as its buyer, its seller or platform staff see it: lines, shipment, milestones, the status timeline
 * in order, and the statuses the caller may move it to next. Anyone else is told the order does not exist, so
 * order ids cannot be probed across companies.
 */
import { forbidden, notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { nextStatuses, PARTY_PERMISSION, type OrderParty, type OrderStatus } from './order-state-machine.ts';

export interface TimelineEntry {
  from: string | null;
  to: string;
  at: string;
  /** Who made the change, as the order's parties know each other (never another company's user ids). */
  by: OrderParty | 'platform';
  reason: string | null;
  details: Record<string, string>;
}

export interface OrderDetails {
  id: string;
  buyerCompanyId: string;
  buyerName: string;
  sellerCompanyId: string;
  sellerName: string;
  status: string;
  currency: string;
  subtotalMinor: number;
  placedAt: string;
  acceptedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  completedAt: string | null;
  shipment: {
    carrier: string;
    trackingNumber: string;
    trackingUrl: string | null;
    proofOfDeliveryKey: string | null;
  } | null;
  lines: Array<{
    lineNo: number;
    productId: string;
    variantId: string | null;
    sku: string;
    name: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
  }>;
  timeline: TimelineEntry[];
  /** The statuses the caller may move the order to now. */
  next: OrderStatus[];
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export async function getOrderDetails(db: Db, principal: Principal, orderId: string): Promise<OrderDetails> {
  if (!can(principal, 'orders:read')) throw forbidden('You do not have access to orders.');
  const order = await db
    .selectFrom('orders as o')
    .innerJoin('companies as b', 'b.id', 'o.buyer_company_id')
    .innerJoin('companies as s', 's.id', 'o.seller_company_id')
    .selectAll('o')
    .select(['b.name as buyer_name', 's.name as seller_name'])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  const party: OrderParty | 'platform' | undefined =
    order?.seller_company_id === principal.companyId
      ? 'seller'
      : order?.buyer_company_id === principal.companyId
        ? 'buyer'
        : principal.companyKind === 'platform'
          ? 'platform'
          : undefined;
  if (!order || !party) throw notFound('order', orderId);

  const lines = await db
    .selectFrom('order_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('product_variants as v', 'v.id', 'l.variant_id')
    .select([
      'l.line_no',
      'l.product_id',
      'l.variant_id',
      'p.name',
      'p.sku as product_sku',
      'v.sku as variant_sku',
      'l.quantity',
      'l.unit_price_minor',
      'l.line_total_minor',
    ])
    .where('l.order_id', '=', orderId)
    .orderBy('l.line_no')
    .execute();
  const history = await db
    .selectFrom('order_status_history')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('at')
    .orderBy('id')
    .execute();

  const byOf = (h: (typeof history)[number]): TimelineEntry['by'] =>
    h.actor_kind === 'system'
      ? 'system'
      : h.actor_company_id === order.seller_company_id
        ? 'seller'
        : h.actor_company_id === order.buyer_company_id
          ? 'buyer'
          : 'platform';
  const mayAct = party !== 'platform' && can(principal, PARTY_PERMISSION[party]);
  return {
    id: order.id,
    buyerCompanyId: order.buyer_company_id,
    buyerName: order.buyer_name,
    sellerCompanyId: order.seller_company_id,
    sellerName: order.seller_name,
    status: order.status,
    currency: order.currency,
    subtotalMinor: order.subtotal_minor,
    placedAt: new Date(order.placed_at).toISOString(),
    acceptedAt: iso(order.accepted_at),
    shippedAt: iso(order.shipped_at),
    deliveredAt: iso(order.delivered_at),
    completedAt: iso(order.completed_at),
    shipment:
      order.carrier && order.tracking_number
        ? {
            carrier: order.carrier,
            trackingNumber: order.tracking_number,
            trackingUrl: order.tracking_url,
            proofOfDeliveryKey: order.proof_of_delivery_key,
          }
        : null,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      variantId: l.variant_id,
      sku: l.variant_sku ?? l.product_sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceMinor: l.unit_price_minor,
      lineTotalMinor: l.line_total_minor,
    })),
    timeline: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      at: new Date(h.at).toISOString(),
      by: byOf(h),
      reason: h.reason,
      details: h.details ?? {},
    })),
    next: mayAct ? nextStatuses(order.status, party) : [],
  };
}
