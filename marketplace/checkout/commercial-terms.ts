/**
 * A company's commercial standing, set by platform admins and audited: a manufacturer's plan (which sets its
 * base commission and limits) and a retailer's approval for net terms with its credit limit. Retailers read
 * their own terms: limit, outstanding, and the orders due or overdue.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { Plan } from '../db/schema.ts';
import { applyRate } from '../../platform/money.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { ORDER_TERMS_PAID, type OrderTermsPaidV1 } from '../orders/events.ts';
import { outstandingTermsUsdMinor, TERMS_DAYS } from './payment-terms.ts';
import { decimal } from './reference-rates.ts';

function assertAdmin(principal: Principal) {
  if (principal.companyKind !== 'platform' || !can(principal, 'platform:admin'))
    throw forbidden('Only Wholesail administrators can change plans and payment terms.');
}

const actorOf = (p: Principal) => ({ userId: p.userId, companyId: p.companyId, kind: 'user' as const });

export function createCommercialTerms(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function companyOfKind(companyId: string, kind: 'manufacturer' | 'retailer', field: string) {
    const company = await db
      .selectFrom('companies')
      .select(['id', 'kind', 'plan', 'terms_approved_at', 'credit_limit_usd_minor'])
      .where('id', '=', companyId)
      .executeTakeFirst();
    if (!company) throw notFound('company', companyId);
    if (company.kind !== kind)
      throw new DomainError('validation', `not_a_${kind}`, `That company is not a ${kind}.`, [
        { field, message: `applies to ${kind}s only` },
      ]);
    return company;
  }

  return {
    async setPlan(principal: Principal, companyId: string, plan: Plan, reason: string) {
      assertAdmin(principal);
      const before = await companyOfKind(companyId, 'manufacturer', 'plan');
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('companies').set({ plan }).where('id', '=', companyId).execute();
        await recordAudit(tx, {
          actor: actorOf(principal),
          action: 'company.plan_changed',
          targetType: 'company',
          targetId: companyId,
          companyId,
          occurredAt: clock.now(),
          reason,
          before: { plan: before.plan },
          after: { plan },
        });
      });
      return { companyId, plan };
    },

    async setPaymentTerms(
      principal: Principal,
      companyId: string,
      input: { approved: boolean; creditLimitUsdMinor: number; reason: string },
    ) {
      assertAdmin(principal);
      const before = await companyOfKind(companyId, 'retailer', 'approved');
      const now = clock.now();
      const approvedAt = input.approved ? (before.terms_approved_at ?? now) : null;
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('companies')
          .set({
            terms_approved_at: approvedAt,
            credit_limit_usd_minor: input.approved ? input.creditLimitUsdMinor : 0,
          })
          .where('id', '=', companyId)
          .execute();
        await recordAudit(tx, {
          actor: actorOf(principal),
          action: 'company.payment_terms_changed',
          targetType: 'company',
          targetId: companyId,
          companyId,
          occurredAt: now,
          reason: input.reason,
          before: {
            approved: before.terms_approved_at !== null,
            creditLimitUsdMinor: before.credit_limit_usd_minor,
          },
          after: {
            approved: input.approved,
            creditLimitUsdMinor: input.approved ? input.creditLimitUsdMinor : 0,
          },
        });
      });
      return this.termsOf(principal, companyId);
    },

    /**
     * Finance records that a retailer paid a net-terms order (a bank transfer against its invoice): the order
     * stops counting against the retailer's credit. What is owed is the total less any refunds.
     */
    async recordTermsPayment(principal: Principal, orderId: string, input: { reference: string }) {
      assertAdmin(principal);
      const at = clock.now();
      return db.transaction().execute(async (tx) => {
        const order = await tx
          .selectFrom('orders')
          .selectAll()
          .where('id', '=', orderId)
          .forUpdate()
          .executeTakeFirst();
        if (!order) throw notFound('order', orderId);
        if (order.payment_status !== 'on_terms')
          throw new DomainError(
            'conflict',
            'not_on_terms',
            `This order is ${order.payment_status}, not awaiting a net-terms payment.`,
          );
        const amountMinor = (order.total_minor ?? order.subtotal_minor) - order.refunded_minor;
        const fxRate = decimal(order.fx_rate ?? '1');
        await tx.updateTable('orders').set({ payment_status: 'paid' }).where('id', '=', orderId).execute();
        const actor = actorOf(principal);
        await recordEvent<OrderTermsPaidV1>(tx, {
          type: ORDER_TERMS_PAID,
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
            currency: order.currency,
            amountMinor,
            amountUsdMinor: applyRate(amountMinor, fxRate),
            dueAt: order.due_at ? new Date(order.due_at).toISOString() : null,
            paidAt: at.toISOString(),
          },
        });
        await recordAudit(tx, {
          actor,
          action: 'order.terms_paid',
          targetType: 'order',
          targetId: orderId,
          companyId: order.buyer_company_id,
          occurredAt: at,
          reason: input.reference,
          before: { paymentStatus: 'on_terms' },
          after: { paymentStatus: 'paid', amountMinor },
        });
        return {
          orderId,
          paymentStatus: 'paid',
          amountMinor,
          currency: order.currency,
          paidAt: at.toISOString(),
        };
      });
    },

    /** A retailer's own terms (or any retailer's, for platform staff). */
    async termsOf(principal: Principal, companyId: string = principal.companyId) {
      if (principal.companyKind !== 'platform' && principal.companyId !== companyId)
        throw notFound('company', companyId);
      if (principal.companyKind !== 'platform' && !can(principal, 'finance:read'))
        throw forbidden('Your role cannot see payment terms (it needs finance:read).');
      const company = await companyOfKind(companyId, 'retailer', 'companyId');
      const now = clock.now();
      const open = await db
        .selectFrom('orders as o')
        .innerJoin('companies as s', 's.id', 'o.seller_company_id')
        .select(['o.id', 's.name as seller_name', 'o.currency', 'o.total_minor', 'o.due_at', 'o.placed_at'])
        .where('o.buyer_company_id', '=', companyId)
        .where('o.payment_status', '=', 'on_terms')
        .where('o.status', 'not in', ['cancelled', 'rejected', 'expired'])
        .orderBy('o.due_at')
        .execute();
      const outstanding = await outstandingTermsUsdMinor(db, companyId);
      return {
        companyId,
        approved: company.terms_approved_at !== null,
        termsDays: TERMS_DAYS,
        creditLimitUsdMinor: Number(company.credit_limit_usd_minor),
        outstandingUsdMinor: outstanding,
        availableUsdMinor: Math.max(0, Number(company.credit_limit_usd_minor) - outstanding),
        openOrders: open.map((o) => ({
          orderId: o.id,
          sellerName: o.seller_name,
          currency: o.currency,
          totalMinor: o.total_minor ?? 0,
          placedAt: new Date(o.placed_at).toISOString(),
          dueAt: o.due_at ? new Date(o.due_at).toISOString() : null,
          overdue: o.due_at !== null && new Date(o.due_at) < now,
        })),
      };
    },
  };
}

export type CommercialTerms = ReturnType<typeof createCommercialTerms>;
