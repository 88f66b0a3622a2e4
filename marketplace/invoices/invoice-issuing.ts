/**
 * Issuing invoices and credit notes: once, with the next number of the seller's series, in the caller's
 * transaction. Numbers are gap-free because the counter is incremented in the same transaction that writes the
 * document: if anything fails, both roll back. Issuing is idempotent (one invoice per order, one credit note per
 * refund), so the API can issue lazily on first request and placement can call `issueInvoice` eagerly; the
 * order's row lock makes two concurrent first requests take turns, and the second finds the first's invoice.
 */
import type { Transaction } from 'kysely';
import { systemActor } from '../../platform/domain-event.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decimal } from '../checkout/reference-rates.ts';
import type { Database, InvoicesTable, ShippingAddress } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import {
  ORDER_CREDIT_NOTE_ISSUED,
  ORDER_INVOICED,
  type OrderCreditNoteIssuedV1,
  type OrderInvoicedV1,
} from './events.ts';

type Tx = Transaction<Database>;
type Kind = 'invoice' | 'credit_note';

export interface Party {
  name: string;
  country: string;
  city: string;
}

/** What an invoice states besides its amounts, frozen at issue. */
export interface InvoiceDetails {
  seller: Party;
  buyer: Party;
  shipTo: ShippingAddress | null;
  placedAt: string;
  paymentMethod: 'card' | 'terms' | null;
  /** The payment status when the invoice was issued (refunds come later, as credit notes). */
  paymentStatus: string;
  lines: Array<{
    lineNo: number;
    sku: string;
    name: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
  }>;
}

export type InvoiceRow = Omit<InvoicesTable, 'issued_at' | 'due_at' | 'details'> & {
  issued_at: Date;
  due_at: Date | null;
  details: unknown;
};

/** The three letters that start a seller's numbers: "Hilltop Pottery" -> HIL. */
export function sellerPrefix(companyName: string): string {
  const letters = companyName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  return letters.length === 0 ? 'INV' : (letters + 'XX').slice(0, 3);
}

/** HIL-2026-000001 for invoices, HIL-CN-2026-000001 for credit notes. */
export function documentNumber(prefix: string, kind: Kind, year: number, sequence: number): string {
  return `${prefix}-${kind === 'credit_note' ? 'CN-' : ''}${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The next number of a series. The upsert takes the counter row's lock (as SELECT ... FOR UPDATE would) and
 * holds it until the transaction ends, so concurrent issuers for the same seller queue here and each sees the
 * value the previous one committed; a rolled-back issuer gives its number back.
 */
async function nextSequence(tx: Tx, sellerCompanyId: string, kind: Kind, year: number): Promise<number> {
  const row = await tx
    .insertInto('invoice_counters')
    .values({ seller_company_id: sellerCompanyId, kind, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['seller_company_id', 'kind', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('invoice_counters.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/** The seller's prefix, fixed the first time it invoices so a renamed company keeps its series. */
async function seriesPrefix(tx: Tx, sellerCompanyId: string, sellerName: string, at: Date): Promise<string> {
  await tx
    .insertInto('invoice_series')
    .values({ seller_company_id: sellerCompanyId, prefix: sellerPrefix(sellerName), created_at: at })
    .onConflict((oc) => oc.column('seller_company_id').doNothing())
    .execute();
  const row = await tx
    .selectFrom('invoice_series')
    .select('prefix')
    .where('seller_company_id', '=', sellerCompanyId)
    .executeTakeFirstOrThrow();
  return row.prefix;
}

/** An order is invoiced once it was placed: never while its card payment is pending, nor after it expired. */
export const isInvoiceable = (order: { status: string; payment_status: string }) =>
  !['pending_payment', 'expired'].includes(order.status) &&
  !['pending', 'failed'].includes(order.payment_status);

/** The order's invoice, issuing it now if it has none. Locks the order row until the caller commits. */
export async function issueInvoice(tx: Tx, orderId: string, at: Date): Promise<InvoiceRow> {
  const order = await tx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw notFound('order', orderId);
  const existing = await tx
    .selectFrom('invoices')
    .selectAll()
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (existing) return existing as InvoiceRow;
  if (!isInvoiceable(order))
    throw new DomainError(
      'not_found',
      'invoice_not_found',
      `This order has no invoice: it is ${order.status} (payment ${order.payment_status}), and an order is invoiced once it is placed.`,
    );

  const companies = await tx
    .selectFrom('companies')
    .select(['id', 'name', 'country', 'city'])
    .where('id', 'in', [order.seller_company_id, order.buyer_company_id])
    .execute();
  const party = (id: string): Party => {
    const c = companies.find((row) => row.id === id)!;
    return { name: c.name, country: c.country, city: c.city };
  };
  const lines = await tx
    .selectFrom('order_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('product_variants as v', 'v.id', 'l.variant_id')
    .select(['l.line_no', 'p.name', 'l.quantity', 'l.unit_price_minor', 'l.line_total_minor'])
    .select((eb) => eb.fn.coalesce('v.sku', 'p.sku').as('sku'))
    .where('l.order_id', '=', orderId)
    .orderBy('l.line_no')
    .execute();
  const details: InvoiceDetails = {
    seller: party(order.seller_company_id),
    buyer: party(order.buyer_company_id),
    shipTo: order.shipping_address,
    placedAt: new Date(order.placed_at).toISOString(),
    paymentMethod: order.payment_method,
    paymentStatus: order.payment_status,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceMinor: l.unit_price_minor,
      lineTotalMinor: l.line_total_minor,
    })),
  };

  const year = at.getUTCFullYear();
  const prefix = await seriesPrefix(tx, order.seller_company_id, details.seller.name, at);
  const sequence = await nextSequence(tx, order.seller_company_id, 'invoice', year);
  const invoice: InvoiceRow = {
    id: newId(),
    order_id: orderId,
    seller_company_id: order.seller_company_id,
    buyer_company_id: order.buyer_company_id,
    number: documentNumber(prefix, 'invoice', year, sequence),
    year,
    sequence,
    currency: order.currency,
    subtotal_minor: order.subtotal_minor,
    tax_rate: decimal(order.tax_rate),
    tax_minor: order.tax_minor,
    total_minor: order.total_minor ?? order.subtotal_minor + order.tax_minor,
    issued_at: at,
    due_at: order.due_at ? new Date(order.due_at) : null,
    details,
  };
  await tx
    .insertInto('invoices')
    .values({ ...invoice, details: JSON.stringify(details) })
    .execute();
  await recordEvent<OrderInvoicedV1>(tx, {
    type: ORDER_INVOICED,
    version: 1,
    aggregateType: 'order',
    aggregateId: orderId,
    companyIds: [order.buyer_company_id, order.seller_company_id],
    occurredAt: at,
    actor: systemActor,
    payload: {
      invoiceId: invoice.id,
      orderId,
      number: invoice.number,
      buyerCompanyId: order.buyer_company_id,
      sellerCompanyId: order.seller_company_id,
      currency: invoice.currency,
      subtotalMinor: invoice.subtotal_minor,
      taxMinor: invoice.tax_minor,
      totalMinor: invoice.total_minor,
      issuedAt: at.toISOString(),
      dueAt: invoice.due_at?.toISOString() ?? null,
    },
  });
  return invoice;
}

/**
 * Credit notes for every refund of the order that went through and has none yet, oldest refund first, so
 * their numbers follow the order in which the money went back. Issues the invoice first if need be.
 */
export async function issueCreditNotes(tx: Tx, orderId: string, at: Date): Promise<void> {
  const invoice = await issueInvoice(tx, orderId, at);
  const refunds = await tx
    .selectFrom('refunds as r')
    .leftJoin('credit_notes as c', 'c.refund_id', 'r.id')
    .select(['r.id', 'r.amount_minor', 'r.currency', 'r.reason'])
    .where('r.order_id', '=', orderId)
    .where('r.status', '=', 'succeeded')
    .where('c.id', 'is', null)
    .orderBy('r.completed_at')
    .orderBy('r.id')
    .execute();
  if (refunds.length === 0) return;
  const year = at.getUTCFullYear();
  // The invoice above fixed the series' prefix.
  const { prefix } = await tx
    .selectFrom('invoice_series')
    .select('prefix')
    .where('seller_company_id', '=', invoice.seller_company_id)
    .executeTakeFirstOrThrow();
  for (const refund of refunds) {
    const sequence = await nextSequence(tx, invoice.seller_company_id, 'credit_note', year);
    const note = {
      id: newId(),
      refund_id: refund.id,
      invoice_id: invoice.id,
      order_id: orderId,
      seller_company_id: invoice.seller_company_id,
      number: documentNumber(prefix, 'credit_note', year, sequence),
      year,
      sequence,
      currency: refund.currency,
      amount_minor: refund.amount_minor,
      reason: refund.reason,
      issued_at: at,
    };
    await tx.insertInto('credit_notes').values(note).execute();
    await recordEvent<OrderCreditNoteIssuedV1>(tx, {
      type: ORDER_CREDIT_NOTE_ISSUED,
      version: 1,
      aggregateType: 'order',
      aggregateId: orderId,
      companyIds: [invoice.buyer_company_id, invoice.seller_company_id],
      occurredAt: at,
      actor: systemActor,
      payload: {
        creditNoteId: note.id,
        refundId: refund.id,
        invoiceId: invoice.id,
        orderId,
        number: note.number,
        invoiceNumber: invoice.number,
        buyerCompanyId: invoice.buyer_company_id,
        sellerCompanyId: invoice.seller_company_id,
        currency: note.currency,
        amountMinor: note.amount_minor,
        issuedAt: at.toISOString(),
      },
    });
  }
}
