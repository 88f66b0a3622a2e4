/**
 * A manufacturer's settlement statement for a period: what it sold, what Wholesail charged, what went back to
 * buyers, and what it is owed, per currency (amounts in different currencies are never added together).
 *
 * Which rows count: orders by the moment they were placed (a card order's placed_at is its payment time),
 * refunds by the moment they went through, both in [from 00:00 UTC, to + 1 day 00:00 UTC). A refund in this
 * period of an order placed in an earlier one counts here, where the money moved.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { isInvoiceable } from './invoice-issuing.ts';

export interface SettlementFigures {
  currency: string;
  orderCount: number;
  grossSubtotalMinor: number;
  grossTaxMinor: number;
  grossTotalMinor: number;
  commissionMinor: number;
  refundCount: number;
  refundsMinor: number;
  commissionReversedMinor: number;
  netPayoutMinor: number;
  /** Payouts of this period's card orders already transferred, and those not yet (no payout account, retries). */
  payoutsSentMinor: number;
  payoutsPendingMinor: number;
}

export interface SettlementStatement {
  companyId: string;
  companyName: string;
  from: string;
  to: string;
  currencies: SettlementFigures[];
  orders: Array<{
    orderId: string;
    placedAt: string;
    buyerName: string;
    invoiceNumber: string | null;
    status: string;
    paymentMethod: string | null;
    currency: string;
    subtotalMinor: number;
    taxMinor: number;
    totalMinor: number;
    commissionMinor: number;
    payoutStatus: string | null;
  }>;
  refunds: Array<{
    refundId: string;
    orderId: string;
    completedAt: string;
    creditNoteNumber: string | null;
    currency: string;
    amountMinor: number;
    commissionReversedMinor: number;
    reason: string;
  }>;
}

/**
 * What the manufacturer is owed for the period:
 *
 *   net = gross total - commission - refunds + commission reversed
 *
 * Each order owes the seller its total (tax included: the seller remits it) less Wholesail's commission. A refund
 * gives the buyer money back, and Wholesail returns the share of its commission on that money (commission
 * reversed), so the seller bears only refund - reversal. Worked example in settlement.test.ts.
 */
export function netPayout(f: {
  grossTotalMinor: number;
  commissionMinor: number;
  refundsMinor: number;
  commissionReversedMinor: number;
}): number {
  return f.grossTotalMinor - f.commissionMinor - f.refundsMinor + f.commissionReversedMinor;
}

export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/**
 * A YYYY-MM-DD date that exists on the calendar, as its UTC midnight; undefined otherwise. Years outside
 * 2000-2999 are refused: nothing was sold before, and year 0 or 10000 would not survive the trip to PostgreSQL.
 */
export function utcDate(value: string): Date | undefined {
  if (!/^2\d{3}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date;
}

/** The period as a half-open UTC range, or a 400 naming the field at fault. */
export function settlementPeriod(from: string, to: string): { start: Date; end: Date } {
  const bad = (field: string, message: string) =>
    new DomainError('invalid_input', 'invalid_period', `Invalid query: ${field} ${message}.`, [
      { field, message },
    ]);
  const start = utcDate(from);
  if (!start) throw bad('from', 'must be a date (YYYY-MM-DD) between 2000-01-01 and 2999-12-31');
  const last = utcDate(to);
  if (!last) throw bad('to', 'must be a date (YYYY-MM-DD) between 2000-01-01 and 2999-12-31');
  if (last < start) throw bad('to', 'must be on or after from');
  const days = (last.getTime() - start.getTime()) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS)
    throw bad('to', `must be at most ${MAX_PERIOD_DAYS} days after from, inclusive`);
  return { start, end: new Date(last.getTime() + DAY_MS) };
}

const emptyFigures = (currency: string): SettlementFigures => ({
  currency,
  orderCount: 0,
  grossSubtotalMinor: 0,
  grossTaxMinor: 0,
  grossTotalMinor: 0,
  commissionMinor: 0,
  refundCount: 0,
  refundsMinor: 0,
  commissionReversedMinor: 0,
  netPayoutMinor: 0,
  payoutsSentMinor: 0,
  payoutsPendingMinor: 0,
});

export function createSettlementService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;

  /** Whose statement: the caller's own company, or (platform admins only) the one named. */
  async function companyFor(principal: Principal, companyId: string | undefined) {
    if (principal.companyKind === 'platform') {
      if (!can(principal, 'platform:admin'))
        throw forbidden('Only platform admins may read settlement statements.');
      if (!companyId)
        throw new DomainError('invalid_input', 'invalid_request', 'Invalid query: companyId is required.', [
          { field: 'companyId', message: 'is required: the manufacturer whose statement you want' },
        ]);
    } else {
      if (principal.companyKind !== 'manufacturer')
        throw forbidden('Settlement statements are for manufacturers.');
      if (!can(principal, 'finance:read'))
        throw forbidden(`Your role (${principal.role}) cannot see settlements (it needs finance:read).`);
      if (companyId && companyId !== principal.companyId)
        throw forbidden("Only platform admins may read another company's statement.");
    }
    const id = companyId ?? principal.companyId;
    const company = await db
      .selectFrom('companies')
      .select(['id', 'name'])
      .where('id', '=', id)
      .where('kind', '=', 'manufacturer')
      .executeTakeFirst();
    if (!company) throw notFound('company', id);
    return company;
  }

  async function statement(
    principal: Principal,
    query: { from: string; to: string; companyId?: string },
  ): Promise<SettlementStatement> {
    const { start, end } = settlementPeriod(query.from, query.to);
    const company = await companyFor(principal, query.companyId);
    const orders = (
      await db
        .selectFrom('orders as o')
        .innerJoin('companies as b', 'b.id', 'o.buyer_company_id')
        .leftJoin('invoices as i', 'i.order_id', 'o.id')
        .leftJoin('payouts as p', 'p.order_id', 'o.id')
        .selectAll('o')
        .select(['b.name as buyer_name', 'i.number as invoice_number', 'p.status as payout_status'])
        .select('p.amount_minor as payout_minor')
        .where('o.seller_company_id', '=', company.id)
        .where('o.placed_at', '>=', start)
        .where('o.placed_at', '<', end)
        .orderBy('o.placed_at')
        .orderBy('o.id')
        .execute()
    ).filter(isInvoiceable);
    const refunds = await db
      .selectFrom('refunds as r')
      .innerJoin('orders as o', 'o.id', 'r.order_id')
      .leftJoin('credit_notes as c', 'c.refund_id', 'r.id')
      .select(['r.id', 'r.order_id', 'r.completed_at', 'r.currency', 'r.amount_minor'])
      .select(['r.commission_reversed_minor', 'r.reason', 'c.number as credit_note_number'])
      .where('o.seller_company_id', '=', company.id)
      .where('r.status', '=', 'succeeded')
      .where('r.completed_at', '>=', start)
      .where('r.completed_at', '<', end)
      .orderBy('r.completed_at')
      .orderBy('r.id')
      .execute();

    const figures = new Map<string, SettlementFigures>();
    const of = (currency: string) => {
      if (!figures.has(currency)) figures.set(currency, emptyFigures(currency));
      return figures.get(currency)!;
    };
    for (const o of orders) {
      const f = of(o.currency);
      f.orderCount += 1;
      f.grossSubtotalMinor += o.subtotal_minor;
      f.grossTaxMinor += o.tax_minor;
      f.grossTotalMinor += o.total_minor ?? o.subtotal_minor + o.tax_minor;
      f.commissionMinor += o.commission_minor ?? 0;
      if (o.payout_status === 'sent') f.payoutsSentMinor += o.payout_minor ?? 0;
      else if (o.payout_status) f.payoutsPendingMinor += o.payout_minor ?? 0;
    }
    for (const r of refunds) {
      const f = of(r.currency);
      f.refundCount += 1;
      f.refundsMinor += r.amount_minor;
      f.commissionReversedMinor += r.commission_reversed_minor;
    }
    for (const f of figures.values()) f.netPayoutMinor = netPayout(f);

    return {
      companyId: company.id,
      companyName: company.name,
      from: query.from,
      to: query.to,
      currencies: [...figures.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
      orders: orders.map((o) => ({
        orderId: o.id,
        placedAt: new Date(o.placed_at).toISOString(),
        buyerName: o.buyer_name,
        invoiceNumber: o.invoice_number,
        status: o.status,
        paymentMethod: o.payment_method,
        currency: o.currency,
        subtotalMinor: o.subtotal_minor,
        taxMinor: o.tax_minor,
        totalMinor: o.total_minor ?? o.subtotal_minor + o.tax_minor,
        commissionMinor: o.commission_minor ?? 0,
        payoutStatus: o.payout_status,
      })),
      refunds: refunds.map((r) => ({
        refundId: r.id,
        orderId: r.order_id,
        completedAt: new Date(r.completed_at!).toISOString(),
        creditNoteNumber: r.credit_note_number,
        currency: r.currency,
        amountMinor: r.amount_minor,
        commissionReversedMinor: r.commission_reversed_minor,
        reason: r.reason,
      })),
    };
  }

  return { statement };
}

export type SettlementService = ReturnType<typeof createSettlementService>;
