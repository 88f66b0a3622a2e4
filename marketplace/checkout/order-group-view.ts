/**
 * What a buyer sees of a checkout: the group's totals and payment state, and each manufacturer's order with
 * its lines, tax and due date. Commission is between Wholesail and the manufacturer, so it is not shown here.
 */
import { notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { ShippingAddress } from '../db/schema.ts';
import { decimal } from './reference-rates.ts';

export interface OrderGroupView {
  id: string;
  status: string;
  paymentMethod: 'card' | 'terms';
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  shippingAddress: ShippingAddress;
  createdAt: string;
  paidAt: string | null;
  reservationExpiresAt: string | null;
  payment: { paymentIntentId: string | null; clientSecret?: string };
  orders: Array<{
    id: string;
    sellerCompanyId: string;
    sellerName: string;
    status: string;
    paymentStatus: string;
    subtotalMinor: number;
    taxRate: string;
    taxMinor: number;
    totalMinor: number;
    dueAt: string | null;
    lines: Array<{
      lineNo: number;
      productId: string;
      variantId: string | null;
      sku: string;
      productName: string;
      quantity: number;
      unitPriceMinor: number;
      lineTotalMinor: number;
    }>;
  }>;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function orderGroupView(
  db: Db,
  principal: Principal,
  groupId: string,
  extra: { clientSecret?: string } = {},
): Promise<OrderGroupView> {
  const group = await db.selectFrom('order_groups').selectAll().where('id', '=', groupId).executeTakeFirst();
  // Only the buyer and platform staff see a group; anyone else is told it does not exist.
  if (!group || (group.buyer_company_id !== principal.companyId && principal.companyKind !== 'platform'))
    throw notFound('order_group', groupId);
  const orders = await db
    .selectFrom('orders as o')
    .innerJoin('companies as c', 'c.id', 'o.seller_company_id')
    .selectAll('o')
    .select('c.name as seller_name')
    .where('o.group_id', '=', groupId)
    .orderBy('c.name')
    .execute();
  const lines = await db
    .selectFrom('order_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('product_variants as v', 'v.id', 'l.variant_id')
    .select([
      'l.order_id',
      'l.line_no',
      'l.product_id',
      'l.variant_id',
      'p.name',
      'l.quantity',
      'l.unit_price_minor',
      'l.line_total_minor',
    ])
    .select((eb) => eb.fn.coalesce('v.sku', 'p.sku').as('sku'))
    .where(
      'l.order_id',
      'in',
      orders.map((o) => o.id),
    )
    .orderBy('l.line_no')
    .execute();
  return {
    id: group.id,
    status: group.status,
    paymentMethod: group.payment_method,
    currency: group.currency,
    subtotalMinor: group.subtotal_minor,
    taxMinor: group.tax_minor,
    totalMinor: group.total_minor,
    shippingAddress: group.shipping_address,
    createdAt: iso(group.created_at)!,
    paidAt: iso(group.paid_at),
    reservationExpiresAt: iso(group.reservation_expires_at),
    payment: { paymentIntentId: group.payment_intent_id, ...extra },
    orders: orders.map((o) => ({
      id: o.id,
      sellerCompanyId: o.seller_company_id,
      sellerName: o.seller_name,
      status: o.status,
      paymentStatus: o.payment_status,
      subtotalMinor: o.subtotal_minor,
      taxRate: decimal(o.tax_rate),
      taxMinor: o.tax_minor,
      totalMinor: o.total_minor ?? o.subtotal_minor,
      dueAt: iso(o.due_at),
      lines: lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({
          lineNo: l.line_no,
          productId: l.product_id,
          variantId: l.variant_id,
          sku: l.sku,
          productName: l.name,
          quantity: l.quantity,
          unitPriceMinor: l.unit_price_minor,
          lineTotalMinor: l.line_total_minor,
        })),
    })),
  };
}
