/**
 * Refunds, full or partial, by the manufacturer (a goodwill or short-shipment refund), by platform admins
 * (resolving a dispute), or by the system (a paid order cancelled or rejected before it shipped). A refund is
 * recorded under the order's lock first, so two refunds can never together exceed the order; then the payment
 * provider is asked; only a refund the provider accepted emits `order.refunded` and counts. A card refund also
 * takes the manufacturer's share back from its payout (or from the transfer already sent).
 */
import type { Clock } from '../../platform/clock.ts';
import { systemActor, type Actor } from '../../platform/domain-event.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Logger } from '../../platform/logger.ts';
import { applyRate } from '../../platform/money.ts';
import { can, type Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { decimal } from '../checkout/reference-rates.ts';
import type { Db } from '../db/database.ts';
import { visibleOrder } from '../orders/order-access.ts';
import { issueCreditNotes } from '../invoices/invoice-issuing.ts';
import { recordEvent } from '../outbox/record-event.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { ORDER_REFUNDED, type OrderRefundedV1 } from './events.ts';
import { commissionToReverse } from './refund-amounts.ts';

export interface RefundView {
  id: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  commissionReversedMinor: number;
  reason: string;
  status: string;
  createdAt: string;
}

const REFUNDABLE = ['paid', 'on_terms', 'partially_refunded'];

export function createRefundService(deps: {
  db: Db;
  clock: Clock;
  payments: PaymentProvider;
  logger: Logger;
}) {
  const { db, clock, payments, logger } = deps;

  /**
   * When the manufacturer was already paid out, its share of the refund comes back from that transfer. A
   * failure here does not undo the buyer's refund (the buyer has the money); it is logged for finance.
   */
  async function takeBackSentPayout(orderId: string, refundId: string, sellerShareMinor: number) {
    if (sellerShareMinor <= 0) return;
    const payout = await db
      .selectFrom('payouts')
      .select(['transfer_id'])
      .where('order_id', '=', orderId)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (!payout?.transfer_id) return;
    try {
      const reversal = await payments.reverseTransfer({
        transferId: payout.transfer_id,
        amountMinor: sellerShareMinor,
        idempotencyKey: `reversal-${refundId}`,
      });
      await db
        .updateTable('refunds')
        .set({ transfer_reversal_id: reversal.id })
        .where('id', '=', refundId)
        .execute();
    } catch (error) {
      logger.error(
        { err: error, orderId, refundId },
        'could not take the refund back from the manufacturer payout',
      );
    }
  }

  async function refund(
    caller: Principal | 'system',
    orderId: string,
    input: { amountMinor?: number; reason: string },
  ): Promise<RefundView> {
    const at = clock.now();
    const refundId = newId();
    const actor: Actor =
      caller === 'system'
        ? systemActor
        : { userId: caller.userId, companyId: caller.companyId, kind: 'user' };

    // 1. Claim the amount under the order's lock.
    const claimed = await db.transaction().execute(async (tx) => {
      const order = await tx
        .selectFrom('orders')
        .selectAll()
        .where('id', '=', orderId)
        .forUpdate()
        .executeTakeFirst();
      if (!order) throw notFound('order', orderId);
      if (caller !== 'system') {
        const isSeller = caller.companyId === order.seller_company_id;
        const isAdmin = caller.companyKind === 'platform' && can(caller, 'platform:admin');
        if (!isSeller && !isAdmin) {
          if (caller.companyId === order.buyer_company_id)
            throw forbidden(
              'Buyers ask for a refund by opening a claim; the manufacturer or Wholesail refunds.',
            );
          throw notFound('order', orderId);
        }
        if (isSeller && !can(caller, 'orders:manage'))
          throw forbidden(`Your role (${caller.role}) cannot refund orders (it needs orders:manage).`);
      }
      if (!REFUNDABLE.includes(order.payment_status))
        throw new DomainError(
          'conflict',
          'not_refundable',
          `This order is ${order.payment_status}: there is nothing to refund.`,
        );
      const total = order.total_minor ?? order.subtotal_minor;
      const remaining = total - order.refunded_minor;
      const amount = input.amountMinor ?? remaining;
      if (amount <= 0 || amount > remaining)
        throw new DomainError(
          'validation',
          'refund_exceeds_remaining',
          `At most ${remaining} ${order.currency} minor units of this order can still be refunded.`,
          [{ field: 'amountMinor', message: `must be between 1 and ${remaining}` }],
        );
      const reversed = commissionToReverse({
        totalMinor: total,
        commissionMinor: order.commission_minor ?? 0,
        refundedBeforeMinor: order.refunded_minor,
        reversedBeforeMinor: order.commission_reversed_minor,
        refundMinor: amount,
      });
      await tx
        .updateTable('orders')
        .set({
          refunded_minor: order.refunded_minor + amount,
          commission_reversed_minor: order.commission_reversed_minor + reversed,
        })
        .where('id', '=', orderId)
        .execute();
      await tx
        .insertInto('refunds')
        .values({
          id: refundId,
          order_id: orderId,
          amount_minor: amount,
          currency: order.currency,
          commission_reversed_minor: reversed,
          reason: input.reason,
          status: 'pending',
          provider_refund_id: null,
          actor_user_id: actor.userId,
          actor_company_id: actor.companyId,
          created_at: at,
          completed_at: null,
        })
        .execute();
      const group = order.group_id
        ? await tx
            .selectFrom('order_groups')
            .select('payment_intent_id')
            .where('id', '=', order.group_id)
            .executeTakeFirst()
        : undefined;
      return { order, amount, reversed, total, paymentIntentId: group?.payment_intent_id ?? null };
    });
    const { order, amount, reversed, total } = claimed;

    // 2. Money back to the buyer: card orders through the provider; terms orders simply owe less.
    let providerRefundId: string | null = null;
    if (order.payment_method === 'card' && claimed.paymentIntentId) {
      try {
        const result = await payments.refund({
          paymentIntentId: claimed.paymentIntentId,
          amountMinor: amount,
          idempotencyKey: `refund-${refundId}`,
          metadata: { orderId, refundId },
        });
        providerRefundId = result.id;
      } catch (error) {
        logger.error({ err: error, orderId, refundId }, 'refund refused by the payment provider');
        await db.transaction().execute(async (tx) => {
          await tx
            .updateTable('refunds')
            .set({ status: 'failed', completed_at: clock.now() })
            .where('id', '=', refundId)
            .execute();
          await tx
            .updateTable('orders')
            .set((eb) => ({
              refunded_minor: eb('refunded_minor', '-', amount),
              commission_reversed_minor: eb('commission_reversed_minor', '-', reversed),
            }))
            .where('id', '=', orderId)
            .execute();
        });
        throw new DomainError(
          'unavailable',
          'refund_failed',
          'The payment provider did not accept the refund; nothing was refunded. Try again shortly.',
        );
      }
    }

    // 3. Record it as done, with the manufacturer's share taken back and the event the warehouse counts.
    await db.transaction().execute(async (tx) => {
      const refundedAfter = await tx
        .selectFrom('orders')
        .select('refunded_minor')
        .where('id', '=', orderId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const full = refundedAfter.refunded_minor >= total;
      await tx
        .updateTable('orders')
        .set({
          payment_status: full
            ? 'refunded'
            : order.payment_status === 'on_terms'
              ? 'on_terms'
              : 'partially_refunded',
        })
        .where('id', '=', orderId)
        .execute();
      await tx
        .updateTable('refunds')
        .set({ status: 'succeeded', provider_refund_id: providerRefundId, completed_at: clock.now() })
        .where('id', '=', refundId)
        .execute();
      // An unsent payout shrinks by the manufacturer's share of the refund; a sent one is reversed by the job.
      await tx
        .updateTable('payouts')
        .set((eb) => ({
          amount_minor: eb.fn<number>('greatest', [eb('amount_minor', '-', amount - reversed), eb.lit(0)]),
        }))
        .where('order_id', '=', orderId)
        .where('status', '<>', 'sent')
        .execute();
      const fxRate = decimal(order.fx_rate ?? '1');
      await recordEvent<OrderRefundedV1>(tx, {
        type: ORDER_REFUNDED,
        version: 1,
        aggregateType: 'order',
        aggregateId: orderId,
        companyIds: [order.buyer_company_id, order.seller_company_id],
        occurredAt: at,
        actor,
        payload: {
          refundId,
          orderId,
          buyerCompanyId: order.buyer_company_id,
          sellerCompanyId: order.seller_company_id,
          currency: order.currency,
          amountMinor: amount,
          amountUsdMinor: applyRate(amount, fxRate),
          fxRate,
          commissionReversedMinor: reversed,
          commissionReversedUsdMinor: applyRate(reversed, fxRate),
          full,
          reason: input.reason,
          refundedAt: at.toISOString(),
        },
      });
      // The credit note is issued with the refund it documents (and the invoice with it, for an order placed
      // before invoices were issued at placement).
      await issueCreditNotes(tx, orderId, at);
      if (caller !== 'system')
        await recordAudit(tx, {
          actor,
          action: 'order.refunded',
          targetType: 'order',
          targetId: orderId,
          companyId: order.seller_company_id,
          occurredAt: at,
          reason: input.reason,
          before: { refundedMinor: order.refunded_minor },
          after: { refundedMinor: order.refunded_minor + amount, commissionReversedMinor: reversed },
        });
    });
    await takeBackSentPayout(orderId, refundId, amount - reversed);
    return {
      id: refundId,
      orderId,
      amountMinor: amount,
      currency: order.currency,
      commissionReversedMinor: reversed,
      reason: input.reason,
      status: 'succeeded',
      createdAt: at.toISOString(),
    };
  }

  return {
    refund,

    /** Refunds for an order: its buyer, its seller and platform staff may read them. */
    async list(principal: Principal, orderId: string): Promise<RefundView[]> {
      await visibleOrder(db, principal, orderId);
      const rows = await db
        .selectFrom('refunds')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        orderId: r.order_id,
        amountMinor: r.amount_minor,
        currency: r.currency,
        commissionReversedMinor: r.commission_reversed_minor,
        reason: r.reason,
        status: r.status,
        createdAt: new Date(r.created_at).toISOString(),
      }));
    },

    /**
     * Gives a paid order its money back when it ended before shipping. Failures are logged, not thrown: the
     * status change already happened, and the sweep below retries.
     */
    async refundIfUnfulfilled(orderId: string): Promise<void> {
      const order = await db
        .selectFrom('orders')
        .select(['status', 'payment_status'])
        .where('id', '=', orderId)
        .executeTakeFirst();
      if (
        !order ||
        !['cancelled', 'rejected'].includes(order.status) ||
        !REFUNDABLE.includes(order.payment_status)
      )
        return;
      try {
        await refund('system', orderId, { reason: `order ${order.status} before shipping` });
      } catch (error) {
        logger.warn({ err: error, orderId }, 'automatic refund failed; the sweep will retry');
      }
    },

    /**
     * Paid orders that ended without shipping (cancelled, rejected) get their money back in full. Run after
     * those transitions and by a scheduled sweep, so a crash in between is caught up.
     */
    async refundUnfulfilled(): Promise<number> {
      const due = await db
        .selectFrom('orders')
        .select('id')
        .where('status', 'in', ['cancelled', 'rejected'])
        .where('payment_status', 'in', REFUNDABLE)
        .limit(200)
        .execute();
      let refunded = 0;
      for (const { id } of due) {
        try {
          await refund('system', id, { reason: 'order ended before shipping' });
          refunded += 1;
        } catch (error) {
          logger.warn({ err: error, orderId: id }, 'automatic refund failed; will retry');
        }
      }
      return refunded;
    },
  };
}

export type RefundService = ReturnType<typeof createRefundService>;
