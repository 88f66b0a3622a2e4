/**
 * Placing an order for one manufacturer's products. Stock is taken under row locks in the same transaction
 * that writes the order and its `order.placed` event, so nothing is oversold and nothing is half-written.
 * Multi-supplier checkout (an order group split per manufacturer) builds on this in the buying issue.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { applyRate, lineTotal, toUsd, type Currency } from '../../platform/money.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { ORDER_PLACED, type OrderPlacedV1 } from './events.ts';

export interface PlaceOrderInput {
  lines: Array<{ productId: string; quantity: number }>;
}

export interface Order {
  id: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  status: string;
  currency: string;
  subtotalMinor: number;
  placedAt: string;
  lines?: OrderPlacedV1['lines'];
}

export function createOrderService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function placeOrder(principal: Principal, input: PlaceOrderInput): Promise<Order> {
    if (principal.companyKind !== 'retailer' || !can(principal, 'orders:place')) {
      throw forbidden('Only a retailer with buying rights can place orders.');
    }
    const seen = new Set<string>();
    input.lines.forEach((line, i) => {
      if (seen.has(line.productId)) {
        throw new DomainError('validation', 'duplicate_line', 'Each product may appear on one line only.', [
          { field: `lines.${i}.productId`, message: 'repeats an earlier line: add the quantities together' },
        ]);
      }
      seen.add(line.productId);
    });

    const orderId = newId();
    const placedAt = clock.now();
    return db.transaction().execute(async (tx) => {
      // Lock in id order so two orders for the same products cannot deadlock.
      const ids = [...seen].sort();
      const products = await tx
        .selectFrom('products')
        .selectAll()
        .where('id', 'in', ids)
        .orderBy('id')
        .forUpdate()
        .execute();
      const byId = new Map(products.map((p) => [p.id, p]));

      const lines: OrderPlacedV1['lines'] = [];
      input.lines.forEach((line, i) => {
        const product = byId.get(line.productId);
        if (!product) {
          throw new DomainError(
            'validation',
            'unknown_product',
            `Line ${i + 1} names a product that does not exist.`,
            [{ field: `lines.${i}.productId`, message: 'no such product' }],
          );
        }
        if (product.stock < line.quantity) {
          throw new DomainError(
            'conflict',
            'insufficient_stock',
            `Only ${product.stock} of ${product.sku} left; line ${i + 1} asks for ${line.quantity}.`,
            [{ field: `lines.${i}.quantity`, message: `at most ${product.stock} available` }],
          );
        }
        lines.push({
          lineNo: i + 1,
          productId: product.id,
          sku: product.sku,
          quantity: line.quantity,
          unitPriceMinor: product.price_minor,
          lineTotalMinor: lineTotal(product.price_minor, line.quantity),
          lineTotalUsdMinor: 0, // set below, once the order's currency is known
        });
      });

      const first = byId.get(input.lines[0]!.productId)!;
      const sellerCompanyId = first.seller_company_id;
      const currency = first.currency as Currency;
      for (const [i, line] of input.lines.entries()) {
        const product = byId.get(line.productId)!;
        if (product.seller_company_id !== sellerCompanyId) {
          throw new DomainError(
            'validation',
            'mixed_sellers',
            "An order holds one manufacturer's products; place one order per manufacturer.",
            [{ field: `lines.${i}.productId`, message: 'is sold by a different manufacturer than line 1' }],
          );
        }
        if (product.currency !== currency) {
          throw new DomainError(
            'validation',
            'mixed_currencies',
            `All lines of an order must be priced in ${currency}.`,
            [{ field: `lines.${i}.productId`, message: `is priced in ${product.currency}` }],
          );
        }
      }

      const subtotalMinor = lines.reduce((sum, l) => sum + l.lineTotalMinor, 0);
      const { usdMinor, fxRate } = toUsd({ amountMinor: subtotalMinor, currency }, placedAt);
      for (const line of lines) line.lineTotalUsdMinor = applyRate(line.lineTotalMinor, fxRate);

      for (const line of lines) {
        await tx
          .updateTable('products')
          .set((eb) => ({ stock: eb('stock', '-', line.quantity) }))
          .where('id', '=', line.productId)
          .execute();
      }
      await tx
        .insertInto('orders')
        .values({
          id: orderId,
          buyer_company_id: principal.companyId,
          seller_company_id: sellerCompanyId,
          status: 'placed',
          currency,
          subtotal_minor: subtotalMinor,
          placed_at: placedAt,
        })
        .execute();
      await tx
        .insertInto('order_lines')
        .values(
          lines.map((l) => ({
            id: newId(),
            order_id: orderId,
            line_no: l.lineNo,
            product_id: l.productId,
            quantity: l.quantity,
            unit_price_minor: l.unitPriceMinor,
            line_total_minor: l.lineTotalMinor,
          })),
        )
        .execute();
      await recordEvent<OrderPlacedV1>(tx, {
        type: ORDER_PLACED,
        version: 1,
        aggregateType: 'order',
        aggregateId: orderId,
        companyIds: [principal.companyId, sellerCompanyId],
        occurredAt: placedAt,
        actor: { userId: principal.userId, companyId: principal.companyId, kind: 'user' },
        payload: {
          orderId,
          buyerCompanyId: principal.companyId,
          sellerCompanyId,
          status: 'placed',
          currency,
          subtotalMinor,
          subtotalUsdMinor: usdMinor,
          fxRate,
          placedAt: placedAt.toISOString(),
          lines,
        },
      });
      return {
        id: orderId,
        buyerCompanyId: principal.companyId,
        sellerCompanyId,
        status: 'placed',
        currency,
        subtotalMinor,
        placedAt: placedAt.toISOString(),
        lines,
      };
    });
  }

  /** A company sees the orders it placed (retailer) or received (manufacturer); platform staff see all. */
  async function listOrders(
    principal: Principal,
    options: { limit: number; offset: number },
  ): Promise<Order[]> {
    if (!can(principal, 'orders:read')) throw forbidden('You do not have access to orders.');
    let query = db.selectFrom('orders').selectAll();
    if (principal.companyKind === 'retailer')
      query = query.where('buyer_company_id', '=', principal.companyId);
    else if (principal.companyKind === 'manufacturer')
      query = query.where('seller_company_id', '=', principal.companyId);
    const rows = await query
      .orderBy('placed_at', 'desc')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      buyerCompanyId: r.buyer_company_id,
      sellerCompanyId: r.seller_company_id,
      status: r.status,
      currency: r.currency,
      subtotalMinor: r.subtotal_minor,
      placedAt: new Date(r.placed_at).toISOString(),
    }));
  }

  return { placeOrder, listOrders };
}

export type OrderService = ReturnType<typeof createOrderService>;
