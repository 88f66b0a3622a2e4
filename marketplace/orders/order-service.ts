/**
 * Placing an order for one manufacturer's products. Stock is taken under row locks in the same transaction
 * that writes the order and its `order.placed` event, so nothing is oversold and nothing is half-written.
 * Multi-supplier checkout (an order group split per manufacturer) builds on this in the buying issue.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { applyRate, lineTotal, type Currency } from '../../platform/money.ts';
import { fxRateAt } from '../checkout/reference-rates.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import { issueInvoice } from '../invoices/invoice-issuing.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { unitPriceFor } from '../catalog/product-schema.ts';
import type { Database } from '../db/schema.ts';
import { allocateSale, moveStock, type Movement } from '../inventory/stock-ledger.ts';
import { productFactsOf, unitCostsOf } from '../checkout/order-line-snapshot.ts';
import { ORDER_PLACED, type OrderPlacedV1 } from './events.ts';
import { startTimeline } from './order-state-machine.ts';
import { orderReference } from './order-stock.ts';

export interface PlaceOrderInput {
  /** Each line names a variant, or a product that has exactly one variant (the earlier, product-only form). */
  lines: Array<{ productId?: string; variantId?: string; quantity: number }>;
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
  /** In lists: the other company's name, the total with tax, and where the money stands. */
  counterpartyName?: string;
  totalMinor?: number;
  paymentStatus?: string;
}

/**
 * Finds each line's variant and locks the lines' products (in id order, so two orders cannot deadlock).
 * A product-only line needs a product with exactly one variant.
 */
async function resolveLines(tx: Transaction<Database>, input: PlaceOrderInput) {
  const variantIds = input.lines.flatMap((l) => (l.variantId ? [l.variantId] : []));
  const productIds = input.lines.flatMap((l) => (l.productId ? [l.productId] : []));
  const variants = await tx
    .selectFrom('product_variants')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(variantIds.length > 0 ? [eb('id', 'in', variantIds)] : []),
        ...(productIds.length > 0 ? [eb('product_id', 'in', productIds)] : []),
      ]),
    )
    .execute();
  const variantOf = input.lines.map((line, i) => {
    const field = `lines.${i}.${line.variantId ? 'variantId' : 'productId'}`;
    const candidates = line.variantId
      ? variants.filter(
          (v) => v.id === line.variantId && (!line.productId || v.product_id === line.productId),
        )
      : variants.filter((v) => v.product_id === line.productId && v.retired_at === null);
    if (candidates.length === 0)
      throw new DomainError(
        'validation',
        'unknown_product',
        `Line ${i + 1} names a product that does not exist.`,
        [{ field, message: line.variantId ? 'no such variant (of that product)' : 'no such product' }],
      );
    if (candidates.length > 1)
      throw new DomainError(
        'validation',
        'variant_required',
        `Line ${i + 1} names a product with ${candidates.length} variants: name one with variantId.`,
        [{ field: `lines.${i}.variantId`, message: 'is required for a product with several variants' }],
      );
    return candidates[0]!;
  });
  const ids = [...new Set(variantOf.map((v) => v.product_id))].sort();
  const products = await tx
    .selectFrom('products')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  return { byId: new Map(products.map((p) => [p.id, p])), variantOf };
}

export function createOrderService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function placeOrder(principal: Principal, input: PlaceOrderInput): Promise<Order> {
    if (principal.companyKind !== 'retailer' || !can(principal, 'orders:place')) {
      throw forbidden('Only a retailer with buying rights can place orders.');
    }
    const orderId = newId();
    const placedAt = clock.now();
    return db.transaction().execute(async (tx) => {
      const { byId, variantOf } = await resolveLines(tx, input);
      const seen = new Set<string>();
      input.lines.forEach((line, i) => {
        const variant = variantOf[i]!;
        if (seen.has(variant.id)) {
          throw new DomainError('validation', 'duplicate_line', 'Each product may appear on one line only.', [
            {
              field: `lines.${i}.${line.variantId ? 'variantId' : 'productId'}`,
              message: 'repeats an earlier line: add the quantities together',
            },
          ]);
        }
        seen.add(variant.id);
      });

      const lines: OrderPlacedV1['lines'] = [];
      const sales: Movement[] = [];
      for (const [i, line] of input.lines.entries()) {
        const variant = variantOf[i]!;
        const product = byId.get(variant.product_id)!;
        if (product.status !== 'published' || product.hidden_at !== null || variant.retired_at !== null) {
          throw new DomainError(
            'validation',
            'product_unavailable',
            `Line ${i + 1} names a product that is not on sale.`,
            [{ field: `lines.${i}.productId`, message: 'is not on sale' }],
          );
        }
        if (line.quantity < variant.moq || line.quantity % variant.case_pack !== 0) {
          throw new DomainError(
            'validation',
            line.quantity < variant.moq ? 'below_moq' : 'not_case_multiple',
            `${variant.sku} sells in cases of ${variant.case_pack}, at least ${variant.moq} units; line ${i + 1} asks for ${line.quantity}.`,
            [
              {
                field: `lines.${i}.quantity`,
                message: `must be at least ${variant.moq} and a multiple of ${variant.case_pack}`,
              },
            ],
          );
        }
        const unitPriceMinor = unitPriceFor(
          { priceMinor: variant.price_minor, priceTiers: variant.price_tiers },
          line.quantity,
        );
        sales.push(
          ...(await allocateSale(tx, {
            productId: product.id,
            variantId: variant.id,
            sku: variant.sku,
            quantity: line.quantity,
            field: `lines.${i}.quantity`,
          })),
        );
        lines.push({
          lineNo: i + 1,
          productId: product.id,
          variantId: variant.id,
          sku: variant.sku,
          quantity: line.quantity,
          unitPriceMinor,
          lineTotalMinor: lineTotal(unitPriceMinor, line.quantity),
          lineTotalUsdMinor: 0, // set below, once the order's currency is known
        });
      }

      const first = byId.get(variantOf[0]!.product_id)!;
      const sellerCompanyId = first.seller_company_id;
      const currency = first.currency as Currency;
      for (const i of input.lines.keys()) {
        const product = byId.get(variantOf[i]!.product_id)!;
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
      const fxRate = await fxRateAt(tx, currency, placedAt);
      const usdMinor = applyRate(subtotalMinor, fxRate);
      for (const line of lines) line.lineTotalUsdMinor = applyRate(line.lineTotalMinor, fxRate);

      const actor = { userId: principal.userId, companyId: principal.companyId, kind: 'user' as const };
      await moveStock(
        tx,
        { companyId: sellerCompanyId, actor, at: placedAt, reference: orderReference(orderId) },
        sales,
      );
      for (const line of lines) {
        await tx
          .updateTable('products')
          .set((eb) => ({ units_sold: eb('units_sold', '+', line.quantity) }))
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
          status_changed_at: placedAt,
          // A direct order is settled outside checkout (no tax, no card): its total is its subtotal.
          total_minor: subtotalMinor,
          fx_rate: fxRate,
        })
        .execute();
      await startTimeline(tx, { orderId, status: 'placed', at: placedAt, actor });
      // The same snapshot checkout keeps (order-line-snapshot.ts): cost for margins, category and lead time for
      // analytics. It goes on the line and into the event, never into the buyer's answer.
      const unitCosts = await unitCostsOf(
        tx,
        lines.map((l) => l.variantId!),
      );
      const facts = await productFactsOf(
        tx,
        lines.map((l) => l.productId),
      );
      const costOf = (l: (typeof lines)[number]) => unitCosts.get(l.variantId!) ?? null;
      await tx
        .insertInto('order_lines')
        .values(
          lines.map((l) => ({
            id: newId(),
            order_id: orderId,
            line_no: l.lineNo,
            product_id: l.productId,
            variant_id: l.variantId ?? null,
            quantity: l.quantity,
            unit_price_minor: l.unitPriceMinor,
            line_total_minor: l.lineTotalMinor,
            unit_cost_minor: costOf(l),
          })),
        )
        .execute();
      const inUsd = (minor: number | null) => (minor === null ? null : applyRate(minor, fxRate));
      const eventLines = lines.map((l) => {
        const cost = costOf(l);
        return {
          ...l,
          unitCostMinor: cost,
          unitCostUsdMinor: inUsd(cost),
          lineCostUsdMinor: inUsd(cost === null ? null : lineTotal(cost, l.quantity)),
          ...facts.get(l.productId)!,
        };
      });
      await recordEvent<OrderPlacedV1>(tx, {
        type: ORDER_PLACED,
        version: 1,
        aggregateType: 'order',
        aggregateId: orderId,
        companyIds: [principal.companyId, sellerCompanyId],
        occurredAt: placedAt,
        actor,
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
          lines: eventLines,
        },
      });
      // Every order gets its invoice number in the transaction that places it (marketplace/invoices).
      await issueInvoice(tx, orderId, placedAt);
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
    options: { limit: number; offset: number; status?: string },
  ): Promise<Order[]> {
    if (!can(principal, 'orders:read')) throw forbidden('You do not have access to orders.');
    // The other side's name: the seller for a buyer, the buyer for a seller (staff see the seller's).
    const counterparty =
      principal.companyKind === 'manufacturer' ? 'o.buyer_company_id' : 'o.seller_company_id';
    let query = db
      .selectFrom('orders as o')
      .innerJoin('companies as c', 'c.id', counterparty)
      .selectAll('o')
      .select('c.name as counterparty_name');
    if (principal.companyKind === 'retailer')
      query = query.where('o.buyer_company_id', '=', principal.companyId);
    else if (principal.companyKind === 'manufacturer')
      query = query.where('o.seller_company_id', '=', principal.companyId);
    if (options.status) query = query.where('o.status', '=', options.status);
    const rows = await query
      .orderBy('o.placed_at', 'desc')
      .orderBy('o.id')
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
      counterpartyName: r.counterparty_name,
      totalMinor: r.total_minor ?? r.subtotal_minor,
      paymentStatus: r.payment_status,
    }));
  }

  return { placeOrder, listOrders };
}

export type OrderService = ReturnType<typeof createOrderService>;
