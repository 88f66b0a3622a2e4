/** Events the invoices context emits. Payload schemas are registered in ingest/events/catalog.ts. */
export const ORDER_INVOICED = 'order.invoiced';
export const ORDER_CREDIT_NOTE_ISSUED = 'order.credit_note_issued';

/** An invoice was issued for an order: its number and the amounts it states, fixed from then on. */
export interface OrderInvoicedV1 {
  invoiceId: string;
  orderId: string;
  number: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  issuedAt: string;
  dueAt: string | null;
}

/** A credit note was issued for a succeeded refund, correcting the invoice it names. */
export interface OrderCreditNoteIssuedV1 {
  creditNoteId: string;
  refundId: string;
  invoiceId: string;
  orderId: string;
  number: string;
  invoiceNumber: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  currency: string;
  amountMinor: number;
  issuedAt: string;
}
