/**
 * Invoices and credit notes as their readers ask for them. An order's buyer, its seller and platform staff may
 * read them; anyone else is told the order does not exist, so ids cannot be probed across companies. Reading
 * needs orders:read or finance:read; sending needs finance:read or orders:manage (or platform admin), since it
 * writes to the buyer's finance people.
 *
 * Documents are issued lazily and idempotently on first request (see invoice-issuing.ts), so every placed order
 * has its invoice the first time anyone looks, and every succeeded refund its credit note.
 */
import { visibleOrder } from '../orders/order-access.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { decimal } from '../checkout/reference-rates.ts';
import { permissionsFor } from '../identity/roles.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { issueCreditNotes, type InvoiceDetails, type InvoiceRow } from './invoice-issuing.ts';
import { renderCreditNotePdf, renderInvoicePdf, type InvoiceDocument } from './invoice-pdf.ts';
import { formatMoney } from './money-format.ts';

export interface InvoiceView {
  id: string;
  orderId: string;
  number: string;
  issuedAt: string;
  dueAt: string | null;
  currency: string;
  subtotalMinor: number;
  taxRate: string;
  taxMinor: number;
  totalMinor: number;
  /** Sum of the credit notes: what the buyer was given back against this invoice. */
  creditedMinor: number;
  creditNotes: Array<{
    id: string;
    number: string;
    refundId: string;
    amountMinor: number;
    reason: string;
    issuedAt: string;
    links: { pdf: string };
  }>;
  links: { self: string; pdf: string; send: string };
}

const mayRead = (p: Principal) => can(p, 'orders:read') || can(p, 'finance:read');

export function toDocument(row: InvoiceRow): InvoiceDocument {
  return {
    number: row.number,
    orderId: row.order_id,
    currency: row.currency,
    subtotalMinor: row.subtotal_minor,
    taxRate: decimal(row.tax_rate),
    taxMinor: row.tax_minor,
    totalMinor: row.total_minor,
    issuedAt: new Date(row.issued_at),
    dueAt: row.due_at ? new Date(row.due_at) : null,
    details: row.details as InvoiceDetails,
  };
}

export function createInvoiceService(deps: { db: Db; clock: Clock; mailer: Mailer; logger: Logger }) {
  const { db, clock, mailer, logger } = deps;

  /** The order, if the caller is one of its parties or platform staff; 404 otherwise, 403 without the rights. */
  async function readableOrder(principal: Principal, orderId: string) {
    if (!mayRead(principal))
      throw forbidden(
        `Your role (${principal.role}) cannot see invoices (it needs orders:read or finance:read).`,
      );
    return visibleOrder(db, principal, orderId);
  }

  /** The order's invoice and credit notes, issuing whatever is missing first. */
  async function ensureIssued(orderId: string) {
    await db.transaction().execute((tx) => issueCreditNotes(tx, orderId, clock.now()));
    const invoice = (await db
      .selectFrom('invoices')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow()) as InvoiceRow;
    const creditNotes = await db
      .selectFrom('credit_notes')
      .selectAll()
      .where('invoice_id', '=', invoice.id)
      .orderBy('sequence')
      .execute();
    return { invoice, creditNotes };
  }

  async function getInvoice(principal: Principal, orderId: string): Promise<InvoiceView> {
    await readableOrder(principal, orderId);
    const { invoice, creditNotes } = await ensureIssued(orderId);
    const base = `/api/v1/orders/${orderId}/invoice`;
    return {
      id: invoice.id,
      orderId,
      number: invoice.number,
      issuedAt: new Date(invoice.issued_at).toISOString(),
      dueAt: invoice.due_at ? new Date(invoice.due_at).toISOString() : null,
      currency: invoice.currency,
      subtotalMinor: invoice.subtotal_minor,
      taxRate: decimal(invoice.tax_rate),
      taxMinor: invoice.tax_minor,
      totalMinor: invoice.total_minor,
      creditedMinor: creditNotes.reduce((sum, c) => sum + c.amount_minor, 0),
      creditNotes: creditNotes.map((c) => ({
        id: c.id,
        number: c.number,
        refundId: c.refund_id,
        amountMinor: c.amount_minor,
        reason: c.reason,
        issuedAt: new Date(c.issued_at).toISOString(),
        links: { pdf: `/api/v1/refunds/${c.refund_id}/credit-note.pdf` },
      })),
      links: { self: base, pdf: `${base}.pdf`, send: `${base}/send` },
    };
  }

  async function invoicePdf(principal: Principal, orderId: string) {
    await readableOrder(principal, orderId);
    const { invoice } = await ensureIssued(orderId);
    return { number: invoice.number, pdf: await renderInvoicePdf(toDocument(invoice)) };
  }

  async function creditNotePdf(principal: Principal, refundId: string) {
    if (!mayRead(principal))
      throw forbidden(
        `Your role (${principal.role}) cannot see credit notes (it needs orders:read or finance:read).`,
      );
    const refund = await db
      .selectFrom('refunds')
      .select(['order_id', 'status'])
      .where('id', '=', refundId)
      .executeTakeFirst();
    const order = refund ? await readableOrder(principal, refund.order_id).catch(() => undefined) : undefined;
    if (!refund || !order) throw notFound('refund', refundId);
    if (refund.status !== 'succeeded') throw notFound('credit_note', refundId); // a pending or failed refund gave nothing back
    const { invoice, creditNotes } = await ensureIssued(order.id);
    const note = creditNotes.find((c) => c.refund_id === refundId)!;
    const pdf = await renderCreditNotePdf({
      number: note.number,
      issuedAt: new Date(note.issued_at),
      amountMinor: note.amount_minor,
      currency: note.currency,
      reason: note.reason,
      refundId,
      invoice: toDocument(invoice),
    });
    return { number: note.number, pdf };
  }

  /** The buyer's members who look after money (finance:read), which always includes its owners. */
  async function buyerFinanceContacts(buyerCompanyId: string): Promise<string[]> {
    const members = await db
      .selectFrom('users as u')
      .innerJoin('companies as c', 'c.id', 'u.company_id')
      .select(['u.email', 'u.role', 'c.kind'])
      .where('u.company_id', '=', buyerCompanyId)
      .where('u.status', '=', 'active')
      .orderBy('u.email')
      .execute();
    const handlesMoney = (m: (typeof members)[number]) => {
      try {
        return permissionsFor(m.kind, m.role).includes('finance:read');
      } catch {
        return false; // a role no longer in the templates has no rights
      }
    };
    const finance = members.filter(handlesMoney);
    return (finance.length > 0 ? finance : members.filter((m) => m.role === 'owner')).map((m) => m.email);
  }

  async function sendInvoice(principal: Principal, orderId: string) {
    const order = await readableOrder(principal, orderId);
    if (
      !can(principal, 'finance:read') &&
      !can(principal, 'orders:manage') &&
      !can(principal, 'platform:admin')
    )
      throw forbidden(`Your role (${principal.role}) cannot send invoices (it needs finance:read).`);
    const { invoice } = await ensureIssued(orderId);
    const document = toDocument(invoice);
    const pdf = await renderInvoicePdf(document);
    const recipients = await buyerFinanceContacts(order.buyer_company_id);
    const { seller } = document.details;
    for (const to of recipients) {
      await mailer.send({
        to,
        subject: `Invoice ${invoice.number} from ${seller.name}`,
        text: [
          `Hello,`,
          ``,
          `Attached is invoice ${invoice.number} from ${seller.name} for your Wholesail order ${orderId},`,
          `total ${formatMoney(invoice.total_minor, invoice.currency)}${document.dueAt ? `, due ${document.dueAt.toISOString().slice(0, 10)}` : ''}.`,
          ``,
          `Wholesail`,
        ].join('\n'),
        attachments: [{ filename: `${invoice.number}.pdf`, contentType: 'application/pdf', content: pdf }],
      });
    }
    logger.info({ orderId, invoice: invoice.number, recipients: recipients.length }, 'invoice sent');
    return { number: invoice.number, sentTo: recipients };
  }

  return { getInvoice, invoicePdf, creditNotePdf, sendInvoice };
}

export type InvoiceService = ReturnType<typeof createInvoiceService>;
