/**
 * Writing one manufacturer's share of a checkout: the order row with its money (subtotal, tax, total, FX rate,
 * commission snapshot), its lines, the stock it holds (a reservation while a card payment is pending, a sale
 * once placed), its first timeline row, and, when it is placed, the `order.placed` event with every amount the
 * warehouse needs. Payment completion calls `placeReservedOrder` to turn a reservation into a sale.
 * Each line keeps the variant's unit cost as it was at checkout (order-line-snapshot.ts), so margins never move.
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import { newId } from '../../platform/ids.ts';
import { applyRate, lineTotal } from '../../platform/money.ts';
import { decimal } from './reference-rates.ts';
import type { CommissionSnapshot } from '../commissions/commission-rules.ts';
import type { Database, Plan, ShippingAddress } from '../db/schema.ts';
import { allocateSale, moveStock, type Movement } from '../inventory/stock-ledger.ts';
import { ORDER_PLACED, type OrderPlacedV1 } from '../orders/events.ts';
import { orderReference } from '../orders/order-stock.ts';
import { startTimeline, transitionOrder } from '../orders/order-state-machine.ts';
import { issueInvoice } from '../invoices/invoice-issuing.ts';
import { recordEvent } from '../outbox/record-event.ts';
import type { PricedLine } from './cart-lines.ts';
import { productFactsOf, unitCostsOf } from './order-line-snapshot.ts';

type Tx = Transaction<Database>;

export interface SellerOrder {
  orderId: string;
  groupId: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  plan: Plan;
  currency: string;
  fxRate: string;
  paymentMethod: 'card' | 'terms';
  shippingAddress: ShippingAddress;
  lines: PricedLine[];
  subtotalMinor: number;
  taxRate: string;
  taxMinor: number;
  totalMinor: number;
  commission: CommissionSnapshot;
  dueAt: Date | null;
}

/** Inserts the order and holds its stock; a terms order is placed at once, a card order waits for payment. */
export async function writeSellerOrder(tx: Tx, order: SellerOrder, actor: Actor, at: Date): Promise<void> {
  const placedNow = order.paymentMethod === 'terms';
  const status = placedNow ? 'placed' : 'pending_payment';
  const movements: Movement[] = [];
  for (const [i, line] of order.lines.entries()) {
    movements.push(
      ...(await allocateSale(
        tx,
        {
          productId: line.productId,
          variantId: line.variantId,
          sku: line.sku,
          quantity: line.quantity,
          field: `lines.${i}.quantity`,
        },
        placedNow ? 'sale' : 'reservation',
      )),
    );
  }
  await tx
    .insertInto('orders')
    .values({
      id: order.orderId,
      buyer_company_id: order.buyerCompanyId,
      seller_company_id: order.sellerCompanyId,
      status,
      currency: order.currency,
      subtotal_minor: order.subtotalMinor,
      placed_at: at,
      group_id: order.groupId,
      payment_method: order.paymentMethod,
      payment_status: placedNow ? 'on_terms' : 'pending',
      tax_minor: order.taxMinor,
      tax_rate: order.taxRate,
      total_minor: order.totalMinor,
      fx_rate: order.fxRate,
      shipping_address: JSON.stringify(order.shippingAddress),
      commission_minor: order.commission.amountMinor,
      commission: JSON.stringify(order.commission),
      due_at: order.dueAt,
    })
    .execute();
  const unitCosts = await unitCostsOf(
    tx,
    order.lines.map((l) => l.variantId),
  );
  await tx
    .insertInto('order_lines')
    .values(
      order.lines.map((l, i) => ({
        id: newId(),
        order_id: order.orderId,
        line_no: i + 1,
        product_id: l.productId,
        variant_id: l.variantId,
        quantity: l.quantity,
        unit_price_minor: l.unitPriceMinor,
        line_total_minor: l.lineTotalMinor,
        unit_cost_minor: unitCosts.get(l.variantId) ?? null,
      })),
    )
    .execute();
  await moveStock(
    tx,
    { companyId: order.sellerCompanyId, actor, at, reference: orderReference(order.orderId) },
    movements,
  );
  await startTimeline(tx, { orderId: order.orderId, status, at, actor });
  if (placedNow) await announcePlaced(tx, order.orderId, actor, at);
}

/**
 * A paid card order: each reservation becomes a sale at the same location (one movement taking the units off
 * hand and out of reserved), the order moves pending_payment -> placed, and `order.placed` is recorded.
 */
export async function placeReservedOrder(
  tx: Tx,
  orderId: string,
  sellerCompanyId: string,
  actor: Actor,
  at: Date,
) {
  const reference = orderReference(orderId);
  const held = await tx
    .selectFrom('inventory_movements as m')
    .innerJoin('product_variants as v', 'v.id', 'm.variant_id')
    .select(['m.product_id', 'm.variant_id', 'm.location_id', 'v.sku'])
    .select((eb) => eb.fn.sum<string>('m.reserved_delta').as('reserved'))
    .where('m.reference', '=', reference)
    .groupBy(['m.product_id', 'm.variant_id', 'm.location_id', 'v.sku'])
    .orderBy('m.variant_id')
    .orderBy('m.location_id')
    .execute();
  await moveStock(
    tx,
    { companyId: sellerCompanyId, actor, at, reference },
    held
      .filter((h) => Number(h.reserved) > 0)
      .map((h) => ({
        productId: h.product_id,
        variantId: h.variant_id,
        sku: h.sku,
        locationId: h.location_id,
        kind: 'sale' as const,
        onHandDelta: -Number(h.reserved),
        reservedDelta: -Number(h.reserved),
        note: 'paid',
      })),
  );
  await tx
    .updateTable('orders')
    .set({ payment_status: 'paid', placed_at: at })
    .where('id', '=', orderId)
    .execute();
  await transitionOrder(tx, { orderId, to: 'placed', actor: 'system', at });
  await announcePlaced(tx, orderId, actor, at);
}

/**
 * What placing an order sets in motion, from the order as stored: units sold (search popularity), the
 * `order.placed` event, the invoice, and the manufacturer's payout (its total less commission). A card order is
 * placed once paid; a terms order at once, Wholesail paying the manufacturer and carrying the 30 days of credit,
 * as net-terms marketplaces do.
 */
async function announcePlaced(tx: Tx, orderId: string, actor: Actor, at: Date) {
  const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
  await tx
    .insertInto('payouts')
    .values({
      order_id: order.id,
      group_id: order.group_id!,
      seller_company_id: order.seller_company_id,
      amount_minor: order.total_minor! - (order.commission_minor ?? 0),
      currency: order.currency,
      status: 'pending',
      transfer_id: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
  const lines = await tx
    .selectFrom('order_lines as l')
    .innerJoin('product_variants as v', 'v.id', 'l.variant_id')
    .select([
      'l.line_no',
      'l.product_id',
      'l.variant_id',
      'v.sku',
      'l.quantity',
      'l.unit_price_minor',
      'l.line_total_minor',
      'l.unit_cost_minor',
    ])
    .where('l.order_id', '=', orderId)
    .orderBy('l.line_no')
    .execute();
  for (const line of lines) {
    await tx
      .updateTable('products')
      .set((eb) => ({ units_sold: eb('units_sold', '+', line.quantity) }))
      .where('id', '=', line.product_id)
      .execute();
  }
  const fxRate = decimal(order.fx_rate!);
  const commission = order.commission as CommissionSnapshot;
  const address = order.shipping_address!;
  const shares = new Map(commission.lines.map((l) => [l.lineNo, l]));
  const products = await productFactsOf(
    tx,
    lines.map((l) => l.product_id),
  );
  const inUsd = (minor: number | null) => (minor === null ? null : applyRate(minor, fxRate));
  await recordEvent<OrderPlacedV1>(tx, {
    type: ORDER_PLACED,
    version: 1,
    aggregateType: 'order',
    aggregateId: orderId,
    companyIds: [order.buyer_company_id, order.seller_company_id],
    occurredAt: at,
    actor,
    payload: {
      orderId,
      buyerCompanyId: order.buyer_company_id,
      sellerCompanyId: order.seller_company_id,
      status: 'placed',
      currency: order.currency,
      subtotalMinor: order.subtotal_minor,
      subtotalUsdMinor: applyRate(order.subtotal_minor, fxRate),
      fxRate,
      placedAt: at.toISOString(),
      lines: lines.map((l) => ({
        lineNo: l.line_no,
        productId: l.product_id,
        variantId: l.variant_id!,
        sku: l.sku,
        quantity: l.quantity,
        unitPriceMinor: l.unit_price_minor,
        lineTotalMinor: l.line_total_minor,
        lineTotalUsdMinor: applyRate(l.line_total_minor, fxRate),
        commissionMinor: shares.get(l.line_no)?.amountMinor ?? 0,
        commissionRateBps: shares.get(l.line_no)?.rateBps ?? 0,
        unitCostMinor: l.unit_cost_minor,
        unitCostUsdMinor: inUsd(l.unit_cost_minor),
        lineCostUsdMinor: inUsd(l.unit_cost_minor === null ? null : lineTotal(l.unit_cost_minor, l.quantity)),
        ...products.get(l.product_id)!,
      })),
      groupId: order.group_id!,
      paymentMethod: order.payment_method!,
      taxMinor: order.tax_minor,
      taxRate: decimal(order.tax_rate),
      totalMinor: order.total_minor!,
      totalUsdMinor: applyRate(order.total_minor!, fxRate),
      commissionMinor: commission.amountMinor,
      commissionUsdMinor: applyRate(commission.amountMinor, fxRate),
      commissionRateBps: commission.effectiveRateBps,
      plan: commission.plan,
      // The volume tier behind the rate (absent for orders whose snapshot predates it), for analytics by tier.
      ...(commission.volumeTier === undefined
        ? {}
        : {
            volumeTier: commission.volumeTier,
            volumeTierFromUsdMinor: commission.volumeTierMinMonthGmvUsdMinor ?? 0,
            volumeDiscountBps: commission.volumeDiscountBps,
          }),
      shipTo: { country: address.country, region: address.region, city: address.city },
    },
  });
  // Invoiced at placement, in the same transaction, so numbers follow the order in which orders were placed.
  await issueInvoice(tx, orderId, at);
}
