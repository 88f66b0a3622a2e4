/**
 * After checkout: paying a card order group, completing it when the provider says the money is in (directly
 * on confirmation, or from the `payment_intent.succeeded` webhook, whichever comes first: the second is a
 * no-op), expiring groups whose reservation ran out, and paying each manufacturer its share.
 */
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Currency } from '../../platform/money.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { transitionOrder } from '../orders/order-state-machine.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { WebhookDispatcher } from '../payments/webhook-inbox.ts';
import { nothingToDeliver, type Delivery, type Notifier } from '../notifications/notifier.ts';
import { notifyOrderChange } from '../orders/order-notifications.ts';
import { placeReservedOrder } from './order-placement.ts';
import { orderGroupView } from './order-group-view.ts';

type Tx = Transaction<Database>;

/**
 * Places every order of a pending group (which queues each manufacturer's payout), in the caller's transaction,
 * and tells the manufacturers. Returns the emails to send after the commit; none when there was nothing to do
 * (already placed: a webhook after the confirmation, or a replay).
 */
export async function completeGroupPayment(
  tx: Tx,
  groupId: string,
  payment: { chargeId?: string; at: Date },
  logger: Logger,
  notifier?: Notifier,
): Promise<Delivery> {
  const group = await tx
    .selectFrom('order_groups')
    .selectAll()
    .where('id', '=', groupId)
    .forUpdate()
    .executeTakeFirst();
  if (!group) throw notFound('order_group', groupId);
  if (group.status === 'placed') return nothingToDeliver;
  if (group.status !== 'pending_payment') {
    // Paid after its reservation expired (a slow 3-D Secure, a late webhook): the stock may be gone, so this
    // needs a person. Logged loudly; finance refunds or re-places it by hand.
    logger.error(
      { groupId, status: group.status },
      'payment succeeded for an order group that is no longer pending',
    );
    return nothingToDeliver;
  }
  const orders = await tx
    .selectFrom('orders')
    .select(['id', 'seller_company_id', 'status'])
    .where('group_id', '=', groupId)
    .orderBy('id')
    .execute();
  const deliveries: Delivery[] = [];
  for (const order of orders) {
    if (order.status !== 'pending_payment') continue;
    await placeReservedOrder(tx, order.id, order.seller_company_id, systemActor, payment.at);
    deliveries.push(
      await notifyOrderChange(notifier, tx, { orderId: order.id, to: 'placed', byCompanyId: null }),
    );
  }
  await tx
    .updateTable('order_groups')
    .set({ status: 'placed', paid_at: payment.at, charge_id: payment.chargeId ?? null })
    .where('id', '=', groupId)
    .execute();
  return {
    notificationIds: deliveries.flatMap((d) => d.notificationIds),
    emails: deliveries.flatMap((d) => d.emails),
  };
}

export function createPaymentCompletion(deps: {
  db: Db;
  clock: Clock;
  payments: PaymentProvider;
  logger: Logger;
  notifier?: Notifier;
}) {
  const { db, clock, payments, logger, notifier } = deps;

  /**
   * Sends payouts not yet sent (one group's, right after its payment; all of them from the job); a manufacturer
   * without a payout account waits until it connects one.
   */
  async function sendPendingPayouts(groupId?: string): Promise<{ sent: number; waiting: number }> {
    let query = db
      .selectFrom('payouts as p')
      .innerJoin('order_groups as g', 'g.id', 'p.group_id')
      .leftJoin('payment_accounts as a', 'a.company_id', 'p.seller_company_id')
      .select(['p.order_id', 'p.group_id', 'p.amount_minor', 'p.currency', 'g.charge_id', 'a.account_id'])
      .where('p.status', '<>', 'sent');
    if (groupId) query = query.where('p.group_id', '=', groupId);
    const due = await query.orderBy('p.created_at').limit(500).execute();
    let sent = 0;
    let waiting = 0;
    for (const payout of due) {
      if (!payout.account_id || payout.amount_minor === 0) {
        waiting += payout.amount_minor === 0 ? 0 : 1;
        if (payout.amount_minor === 0)
          await db
            .updateTable('payouts')
            .set({ status: 'sent', sent_at: clock.now() })
            .where('order_id', '=', payout.order_id)
            .execute();
        continue;
      }
      try {
        const transfer = await payments.transfer({
          amountMinor: payout.amount_minor,
          currency: payout.currency as Currency,
          destinationAccountId: payout.account_id,
          transferGroup: `group_${payout.group_id}`,
          ...(payout.charge_id ? { sourceChargeId: payout.charge_id } : {}),
          // The order id makes a retry after a crash the same transfer, never a second one.
          idempotencyKey: `payout-${payout.order_id}`,
          metadata: { orderId: payout.order_id, orderGroupId: payout.group_id },
        });
        await db
          .updateTable('payouts')
          .set((eb) => ({
            status: 'sent',
            transfer_id: transfer.id,
            sent_at: clock.now(),
            attempts: eb('attempts', '+', 1),
            last_error: null,
          }))
          .where('order_id', '=', payout.order_id)
          .execute();
        sent += 1;
      } catch (error) {
        logger.warn({ err: error, orderId: payout.order_id }, 'payout transfer failed; will retry');
        await db
          .updateTable('payouts')
          .set((eb) => ({
            attempts: eb('attempts', '+', 1),
            last_error: String((error as Error).message).slice(0, 500),
          }))
          .where('order_id', '=', payout.order_id)
          .execute();
      }
    }
    return { sent, waiting };
  }

  async function pay(
    principal: Principal,
    groupId: string,
    input: { paymentMethod: string; idempotencyKey: string },
  ) {
    const group = await db
      .selectFrom('order_groups')
      .selectAll()
      .where('id', '=', groupId)
      .executeTakeFirst();
    if (!group || group.buyer_company_id !== principal.companyId) throw notFound('order_group', groupId);
    if (group.status === 'placed') return orderGroupView(db, principal, groupId);
    if (group.status !== 'pending_payment' || !group.payment_intent_id)
      throw new DomainError(
        'conflict',
        'checkout_not_payable',
        `This checkout is ${group.status}; check out again.`,
      );
    const now = clock.now();
    if (group.reservation_expires_at && new Date(group.reservation_expires_at) <= now)
      throw new DomainError(
        'conflict',
        'checkout_expired',
        'This checkout held its stock until ' +
          new Date(group.reservation_expires_at).toISOString() +
          ' and has expired; check out again.',
      );
    const result = await payments.confirmPaymentIntent(group.payment_intent_id, {
      paymentMethod: input.paymentMethod,
      idempotencyKey: `confirm-${groupId}-${input.idempotencyKey}`,
    });
    if (result.status === 'succeeded') {
      const delivery = await db
        .transaction()
        .execute((tx) =>
          completeGroupPayment(
            tx,
            groupId,
            { ...(result.chargeId ? { chargeId: result.chargeId } : {}), at: clock.now() },
            logger,
            notifier,
          ),
        );
      await notifier?.sendEmails(delivery);
      // Only this checkout's payouts: the buyer's request must not wait on everyone else's transfers.
      await sendPendingPayouts(groupId);
    } else if (result.failureCode) {
      throw new DomainError(
        'validation',
        'payment_declined',
        `The payment was declined (${result.failureCode})${result.failureMessage ? `: ${result.failureMessage.replace(/\.$/, '')}` : ''}. Try another card: your stock is held for ${Math.max(1, Math.round((new Date(group.reservation_expires_at!).getTime() - now.getTime()) / 60_000))} more minutes.`,
        [{ field: 'paymentMethod', message: result.failureCode }],
      );
    }
    // Anything else (3-D Secure, processing) completes through the provider's webhook.
    return { ...(await orderGroupView(db, principal, groupId)), paymentStatus: result.status };
  }

  /** Expires every card checkout whose reservation ran out unpaid, giving its stock back. */
  async function expireDue(): Promise<number> {
    const now = clock.now();
    const due = await db
      .selectFrom('order_groups')
      .select('id')
      .where('status', '=', 'pending_payment')
      .where('reservation_expires_at', '<=', now)
      .orderBy('reservation_expires_at')
      .limit(500)
      .execute();
    let expired = 0;
    for (const { id } of due) {
      await db.transaction().execute(async (tx) => {
        const group = await tx
          .selectFrom('order_groups')
          .select('status')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (group.status !== 'pending_payment') return; // paid meanwhile
        const orders = await tx
          .selectFrom('orders')
          .select(['id', 'status'])
          .where('group_id', '=', id)
          .execute();
        for (const order of orders) {
          if (order.status === 'pending_payment')
            await transitionOrder(tx, {
              orderId: order.id,
              to: 'expired',
              actor: 'system',
              at: now,
              reason: 'payment not completed in time',
            });
        }
        await tx.updateTable('order_groups').set({ status: 'expired' }).where('id', '=', id).execute();
        expired += 1;
      });
    }
    return expired;
  }

  function registerWebhookHandlers(dispatcher: WebhookDispatcher) {
    dispatcher.on('payment_intent.succeeded', async (tx, event) => {
      const candidate = event.object.metadata?.orderGroupId;
      // Metadata is the provider's free text: only a UUID can name one of our groups.
      const byMetadata = candidate && /^[0-9a-f-]{36}$/i.test(candidate) ? candidate : undefined;
      const group = await tx
        .selectFrom('order_groups')
        .select('id')
        .where((eb) =>
          byMetadata
            ? eb.or([eb('id', '=', byMetadata), eb('payment_intent_id', '=', event.object.id)])
            : eb('payment_intent_id', '=', event.object.id),
        )
        .executeTakeFirst();
      // Not ours (another integration on the same Stripe account): acknowledged and ignored.
      if (!group) return;
      // In-app notifications commit with the webhook's transaction; there is no moment after that commit to
      // send emails from here, so a payment completed by webhook notifies in the app only.
      await completeGroupPayment(
        tx,
        group.id,
        { ...(event.object.chargeId ? { chargeId: event.object.chargeId } : {}), at: clock.now() },
        logger,
        notifier,
      );
    });
  }

  return { pay, expireDue, sendPendingPayouts, registerWebhookHandlers };
}

export type PaymentCompletion = ReturnType<typeof createPaymentCompletion>;
