/**
 * Checkout: the active cart (one currency at a time) becomes an order group with one order per manufacturer,
 * each with its tax (by destination), total, FX rate and commission snapshot, in one transaction that also
 * holds the stock. Products are locked in id order first, so concurrent checkouts for the last units queue up
 * and nothing is oversold. Card: the orders wait in pending_payment with their stock reserved until the
 * payment succeeds or the reservation expires. Net terms: placed at once, due in 30 days, within the
 * retailer's credit limit.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { applyRate, type Currency } from '../../platform/money.ts';
import { can, type Principal } from '../../platform/principal.ts';
import { commissionFor } from '../commissions/commission-rules.ts';
import { loadRateSchedule, monthGmvUsdMinor, negotiatedRateBps } from '../commissions/rate-card.ts';
import type { Db } from '../db/database.ts';
import type { ShippingAddress } from '../db/schema.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { Delivery, Notifier } from '../notifications/notifier.ts';
import { notifyOrderChange } from '../orders/order-notifications.ts';
import { priceLines } from './cart-lines.ts';
import { groupBySupplier } from './cart-service.ts';
import { writeSellerOrder, type SellerOrder } from './order-placement.ts';
import { fxRateAt, taxRateFor } from './reference-rates.ts';
import { orderGroupView, type OrderGroupView } from './order-group-view.ts';
import { checkCredit, TERMS_DAYS } from './payment-terms.ts';
import { checkPlanOrderLimit } from './plan-limits.ts';

export interface CheckoutInput {
  paymentMethod: 'card' | 'terms';
  shippingAddress: ShippingAddress;
  /** Which currency's lines to check out when the cart holds several. */
  currency?: Currency;
}

export interface CheckoutOptions {
  /** How long a card checkout holds its stock while the payment is pending. */
  reservationMinutes: number;
}

export function createCheckoutService(deps: {
  db: Db;
  clock: Clock;
  payments: PaymentProvider;
  options: CheckoutOptions;
  notifier?: Notifier;
}) {
  const { db, clock, payments, options, notifier } = deps;

  async function checkout(principal: Principal, input: CheckoutInput): Promise<OrderGroupView> {
    if (principal.companyKind !== 'retailer' || !can(principal, 'orders:place'))
      throw forbidden('Only a retailer member with buying rights can check out.');
    const at = clock.now();
    const groupId = newId();
    const actor = { userId: principal.userId, companyId: principal.companyId, kind: 'user' as const };

    const deliveries: Delivery[] = [];
    await db.transaction().execute(async (tx) => {
      // The cart row lock makes two checkouts of the same cart (double click, two tabs) take turns.
      const cart = await tx
        .selectFrom('carts')
        .select('id')
        .where('user_id', '=', principal.userId)
        .where('status', '=', 'active')
        .forUpdate()
        .executeTakeFirst();
      const cartLines = cart
        ? await tx
            .selectFrom('cart_lines')
            .select(['variant_id', 'quantity'])
            .where('cart_id', '=', cart.id)
            .orderBy('added_at')
            .orderBy('variant_id')
            .execute()
        : [];
      if (cartLines.length === 0) throw new DomainError('validation', 'cart_empty', 'Your cart is empty.');

      // Lock the products in id order (deadlock-free), then read stock: what we read cannot change under us.
      const productIds = await tx
        .selectFrom('product_variants')
        .select('product_id')
        .where(
          'id',
          'in',
          cartLines.map((l) => l.variant_id),
        )
        .execute();
      await tx
        .selectFrom('products')
        .select('id')
        .where('id', 'in', [...new Set(productIds.map((p) => p.product_id))])
        .orderBy('id')
        .forUpdate()
        .execute();
      const priced = await priceLines(
        tx,
        cartLines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
      );

      const currencies = [...new Set(priced.map((l) => l.currency))].sort();
      const currency = input.currency ?? (currencies.length === 1 ? currencies[0] : undefined);
      if (!currency)
        throw new DomainError(
          'validation',
          'mixed_currencies',
          `Your cart holds lines in ${currencies.join(' and ')}; check out one currency at a time.`,
          [{ field: 'currency', message: `is required: one of ${currencies.join(', ')}` }],
        );
      const lines = priced.filter((l) => l.currency === currency);
      if (lines.length === 0)
        throw new DomainError('validation', 'cart_empty', `Your cart holds no lines in ${currency}.`, [
          { field: 'currency', message: `no lines in ${currency}` },
        ]);
      const problems: FieldProblem[] = lines.flatMap((l) =>
        l.problems.map((p) => ({ field: `cart.lines.${l.variantId}`, message: `${p.code}: ${p.message}` })),
      );
      if (problems.length > 0)
        throw new DomainError(
          'validation',
          'cart_has_problems',
          `${problems.length} problem(s) in your cart must be fixed before checkout: ${problems[0]!.message.replace(/^\w+: /, '')}`,
          problems,
        );

      const tax = await taxRateFor(tx, input.shippingAddress, at, 'shippingAddress.country');
      const fxRate = await fxRateAt(tx, currency as Currency, at);
      const dueAt = input.paymentMethod === 'terms' ? new Date(at.getTime() + TERMS_DAYS * 86_400_000) : null;
      const orders: SellerOrder[] = [];
      const schedule = await loadRateSchedule(tx, at);
      for (const section of groupBySupplier(lines)) {
        const seller = await tx
          .selectFrom('companies')
          .select('plan')
          .where('id', '=', section.sellerCompanyId)
          .executeTakeFirstOrThrow();
        await checkPlanOrderLimit(tx, section, seller.plan, at);
        const card = {
          ...schedule,
          negotiatedRateBps: await negotiatedRateBps(tx, section.sellerCompanyId, at),
        };
        const commission = commissionFor(card, {
          plan: seller.plan,
          usdRate: fxRate,
          monthGmvUsdMinor: await monthGmvUsdMinor(tx, section.sellerCompanyId, at),
          lines: section.lines.map((l, i) => ({
            lineNo: i + 1,
            lineTotalMinor: l.lineTotalMinor,
            categoryPath: l.categoryPath,
          })),
        });
        const taxMinor = applyRate(section.subtotalMinor, tax.rate);
        orders.push({
          orderId: newId(),
          groupId,
          buyerCompanyId: principal.companyId,
          sellerCompanyId: section.sellerCompanyId,
          plan: seller.plan,
          currency,
          fxRate,
          paymentMethod: input.paymentMethod,
          shippingAddress: input.shippingAddress,
          lines: section.lines,
          subtotalMinor: section.subtotalMinor,
          taxRate: tax.rate,
          taxMinor,
          totalMinor: section.subtotalMinor + taxMinor,
          commission,
          dueAt,
        });
      }
      const subtotalMinor = orders.reduce((s, o) => s + o.subtotalMinor, 0);
      const taxMinor = orders.reduce((s, o) => s + o.taxMinor, 0);
      const totalMinor = subtotalMinor + taxMinor;
      if (input.paymentMethod === 'terms')
        await checkCredit(tx, principal.companyId, applyRate(totalMinor, fxRate), at);

      await tx
        .insertInto('order_groups')
        .values({
          id: groupId,
          buyer_company_id: principal.companyId,
          placed_by_user_id: principal.userId,
          status: input.paymentMethod === 'terms' ? 'placed' : 'pending_payment',
          payment_method: input.paymentMethod,
          currency,
          subtotal_minor: subtotalMinor,
          tax_minor: taxMinor,
          total_minor: totalMinor,
          shipping_address: JSON.stringify(input.shippingAddress),
          payment_intent_id: null,
          charge_id: null,
          reservation_expires_at:
            input.paymentMethod === 'card'
              ? new Date(at.getTime() + options.reservationMinutes * 60_000)
              : null,
          created_at: at,
          paid_at: null,
        })
        .execute();
      for (const order of orders) {
        await writeSellerOrder(tx, order, actor, at);
        // Terms orders are placed now; card orders when paid (payment-completion.ts tells the seller then).
        if (input.paymentMethod === 'terms')
          deliveries.push(
            await notifyOrderChange(notifier, tx, {
              orderId: order.orderId,
              to: 'placed',
              byCompanyId: null,
            }),
          );
      }
      // What was bought leaves the cart; lines in other currencies stay for their own checkout.
      await tx
        .deleteFrom('cart_lines')
        .where('cart_id', '=', cart!.id)
        .where(
          'variant_id',
          'in',
          lines.map((l) => l.variantId),
        )
        .execute();
      await tx.updateTable('carts').set({ updated_at: at }).where('id', '=', cart!.id).execute();
    });

    for (const delivery of deliveries) await notifier?.sendEmails(delivery);

    if (input.paymentMethod === 'card') {
      const group = await db
        .selectFrom('order_groups')
        .select(['total_minor', 'currency'])
        .where('id', '=', groupId)
        .executeTakeFirstOrThrow();
      // After the commit: a provider call never holds database locks. If it fails, the group stays pending
      // and its reservation expires; the buyer's retry (a new idempotency key) starts over.
      const intent = await payments.createPaymentIntent({
        amountMinor: group.total_minor,
        currency: group.currency as Currency,
        transferGroup: `group_${groupId}`,
        metadata: { orderGroupId: groupId, buyerCompanyId: principal.companyId },
        idempotencyKey: `checkout-${groupId}`,
      });
      await db
        .updateTable('order_groups')
        .set({ payment_intent_id: intent.id })
        .where('id', '=', groupId)
        .execute();
      return orderGroupView(db, principal, groupId, { clientSecret: intent.clientSecret });
    }
    return orderGroupView(db, principal, groupId);
  }

  return {
    checkout,
    /** A checkout as its buyer (or platform staff) sees it. */
    view: (principal: Principal, groupId: string) => orderGroupView(db, principal, groupId),
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
