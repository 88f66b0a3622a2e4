/**
 * The buyer-facing documents as PDF: the invoice (what was sold, tax and total, how it is paid) and the credit
 * note (what was given back, and which invoice it corrects). The commission is between Wholesail and the
 * seller, so it never appears on either. Every amount is printed from the snapshot stored at issue.
 */
import type { ShippingAddress } from '../db/schema.ts';
import type { InvoiceDetails, Party } from './invoice-issuing.ts';
import { formatDate, formatMoney, formatRate } from './money-format.ts';
import { blocks, heading, keyValues, renderPdf, table, totals } from './pdf-layout.ts';

export interface InvoiceDocument {
  number: string;
  orderId: string;
  currency: string;
  subtotalMinor: number;
  taxRate: string;
  taxMinor: number;
  totalMinor: number;
  issuedAt: Date;
  dueAt: Date | null;
  details: InvoiceDetails;
}

export interface CreditNoteDocument {
  number: string;
  issuedAt: Date;
  amountMinor: number;
  currency: string;
  reason: string;
  refundId: string;
  invoice: InvoiceDocument;
}

const partyLines = (party: Party) => [party.name, `${party.city}, ${party.country}`];

const addressLines = (address: ShippingAddress | null) =>
  address
    ? [
        address.name,
        address.line1,
        address.line2 ?? '',
        `${address.city}${address.region ? `, ${address.region}` : ''} ${address.postalCode}`,
        address.country,
      ]
    : ['(none given)'];

const PAYMENT_STATUS: Record<string, string> = {
  paid: 'Paid',
  on_terms: 'Payable on terms',
  partially_refunded: 'Paid (partly refunded)',
  refunded: 'Paid (refunded)',
};

function paymentLine(invoice: InvoiceDocument): string {
  const { paymentMethod, paymentStatus } = invoice.details;
  const method = paymentMethod === 'terms' ? 'Net terms' : paymentMethod === 'card' ? 'Card' : 'Other';
  const status = PAYMENT_STATUS[paymentStatus] ?? paymentStatus;
  return invoice.dueAt ? `${method}: ${status}, due ${formatDate(invoice.dueAt)}` : `${method}: ${status}`;
}

export function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const { details } = invoice;
  return renderPdf({ title: `Invoice ${invoice.number}`, createdAt: invoice.issuedAt }, (doc) => {
    heading(doc, 'Invoice', `Issued through Wholesail on behalf of ${details.seller.name}`);
    keyValues(doc, [
      ['Invoice number', invoice.number],
      ['Issue date', formatDate(invoice.issuedAt)],
      ['Order date', formatDate(details.placedAt)],
      ...(invoice.dueAt ? ([['Due date', formatDate(invoice.dueAt)]] as Array<[string, string]>) : []),
      ['Order', invoice.orderId],
      ['Currency', invoice.currency],
      ['Payment', paymentLine(invoice)],
    ]);
    doc.moveDown();
    blocks(doc, [
      { title: 'From', lines: partyLines(details.seller) },
      { title: 'Bill to', lines: partyLines(details.buyer) },
      { title: 'Ship to', lines: addressLines(details.shipTo) },
    ]);
    table(
      doc,
      [
        { header: 'SKU', width: 80 },
        { header: 'Product', width: 175 },
        { header: 'Qty', width: 50, align: 'right' },
        { header: 'Unit price', width: 95, align: 'right' },
        { header: 'Line total', width: 95, align: 'right' },
      ],
      details.lines.map((l) => [
        l.sku,
        l.name,
        String(l.quantity),
        money(l.unitPriceMinor),
        money(l.lineTotalMinor),
      ]),
    );
    totals(doc, [
      ['Subtotal', money(invoice.subtotalMinor)],
      [`Tax (${formatRate(invoice.taxRate)})`, money(invoice.taxMinor)],
      [`Total (${invoice.currency})`, money(invoice.totalMinor), true],
    ]);
  });
}

export function renderCreditNotePdf(note: CreditNoteDocument): Promise<Buffer> {
  const { invoice } = note;
  const money = (minor: number) => formatMoney(minor, note.currency);
  return renderPdf({ title: `Credit note ${note.number}`, createdAt: note.issuedAt }, (doc) => {
    heading(doc, 'Credit note', `Issued through Wholesail on behalf of ${invoice.details.seller.name}`);
    keyValues(doc, [
      ['Credit note number', note.number],
      ['Issue date', formatDate(note.issuedAt)],
      ['Corrects invoice', `${invoice.number} of ${formatDate(invoice.issuedAt)}`],
      ['Order', invoice.orderId],
      ['Refund', note.refundId],
      ['Currency', note.currency],
    ]);
    doc.moveDown();
    blocks(doc, [
      { title: 'From', lines: partyLines(invoice.details.seller) },
      { title: 'Credit to', lines: partyLines(invoice.details.buyer) },
    ]);
    keyValues(doc, [['Reason', note.reason]]);
    doc.moveDown();
    totals(doc, [
      [`Invoice total`, money(invoice.totalMinor)],
      [`Amount refunded (${note.currency})`, money(note.amountMinor), true],
    ]);
  });
}
