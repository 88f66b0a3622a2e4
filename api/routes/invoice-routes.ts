/** Invoices, credit notes and settlement statements: JSON for software, PDF for people, CSV for spreadsheets. */
import type { Response } from 'express';
import { z } from 'zod';
import type { InvoiceService } from '../../marketplace/invoices/invoice-service.ts';
import { renderSettlementPdf, settlementCsv } from '../../marketplace/invoices/settlement-documents.ts';
import type { SettlementService } from '../../marketplace/invoices/settlement.ts';
import type { ApiDefinition } from '../openapi.ts';

const orderParams = z.object({ id: z.uuid({ message: 'must be an order id (UUID)' }) }).strict();
const refundParams = z.object({ id: z.uuid({ message: 'must be a refund id (UUID)' }) }).strict();

const pdfResponse = z.string().openapi({ description: 'application/pdf' });

const invoice = z
  .object({
    id: z.string(),
    orderId: z.string(),
    number: z.string(),
    issuedAt: z.string(),
    dueAt: z.string().nullable(),
    currency: z.string(),
    subtotalMinor: z.number().int(),
    taxRate: z.string(),
    taxMinor: z.number().int(),
    totalMinor: z.number().int(),
    creditedMinor: z.number().int(),
    creditNotes: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        refundId: z.string(),
        amountMinor: z.number().int(),
        reason: z.string(),
        issuedAt: z.string(),
        links: z.object({ pdf: z.string() }),
      }),
    ),
    links: z.object({ self: z.string(), pdf: z.string(), send: z.string() }),
  })
  .openapi('Invoice');

const date = (field: string) =>
  z
    .string()
    .regex(/^2\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
      message: 'must be a date (YYYY-MM-DD) between 2000-01-01 and 2999-12-31',
    })
    .openapi({ description: `${field} date, UTC, inclusive`, example: '2026-11-01' });

const settlementQuery = z
  .object({
    from: date('First'),
    to: date('Last'),
    companyId: z
      .uuid({ message: 'must be a company id (UUID)' })
      .optional()
      .openapi({ description: 'Platform admins: the manufacturer whose statement to read' }),
  })
  .strict();

const minor = z.number().int();
const settlement = z
  .object({
    companyId: z.string(),
    companyName: z.string(),
    from: z.string(),
    to: z.string(),
    currencies: z.array(
      z.object({
        currency: z.string(),
        orderCount: z.number().int(),
        grossSubtotalMinor: minor,
        grossTaxMinor: minor,
        grossTotalMinor: minor,
        commissionMinor: minor,
        refundCount: z.number().int(),
        refundsMinor: minor,
        commissionReversedMinor: minor,
        netPayoutMinor: minor.openapi({
          description: 'grossTotalMinor - commissionMinor - refundsMinor + commissionReversedMinor',
        }),
        payoutsSentMinor: minor,
        payoutsPendingMinor: minor,
      }),
    ),
    orders: z.array(
      z.object({
        orderId: z.string(),
        placedAt: z.string(),
        buyerName: z.string(),
        invoiceNumber: z.string().nullable(),
        status: z.string(),
        paymentMethod: z.string().nullable(),
        currency: z.string(),
        subtotalMinor: minor,
        taxMinor: minor,
        totalMinor: minor,
        commissionMinor: minor,
        payoutStatus: z.string().nullable(),
      }),
    ),
    refunds: z.array(
      z.object({
        refundId: z.string(),
        orderId: z.string(),
        completedAt: z.string(),
        creditNoteNumber: z.string().nullable(),
        currency: z.string(),
        amountMinor: minor,
        commissionReversedMinor: minor,
        reason: z.string(),
      }),
    ),
  })
  .openapi('SettlementStatement');

/** A document download: its bytes, its type, and a file name people recognise in their downloads folder. */
const sendFile = (res: Response, type: string, filename: string, body: Buffer | string) =>
  res.status(200).type(type).attachment(filename).send(body);

export function registerInvoiceRoutes(
  api: ApiDefinition,
  deps: { invoices: InvoiceService; settlements: SettlementService },
) {
  const { invoices, settlements } = deps;
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/orders/:id/invoice',
      summary:
        "An order's invoice: number, dates, totals, credit notes (its buyer, its manufacturer, platform staff)",
      tag: 'invoices',
      auth: true,
      params: orderParams,
      response: invoice,
    },
    ({ principal, params }) => invoices.getInvoice(principal, params.id),
  );
  // Express reads ":id.pdf" as a parameter followed by a literal ".pdf".
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/orders/:id/invoice.pdf',
      summary: "An order's invoice as PDF",
      tag: 'invoices',
      auth: true,
      params: orderParams,
      response: pdfResponse,
    },
    async ({ principal, params, res }) => {
      const { number, pdf } = await invoices.invoicePdf(principal, params.id);
      sendFile(res, 'application/pdf', `${number}.pdf`, pdf);
    },
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/orders/:id/invoice/send',
      summary: "E-mails the invoice PDF to the buyer's finance contacts; answers who it went to",
      tag: 'invoices',
      auth: true,
      params: orderParams,
      response: z.object({ number: z.string(), sentTo: z.array(z.string()) }).openapi('InvoiceSent'),
    },
    ({ principal, params }) => invoices.sendInvoice(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/refunds/:id/credit-note.pdf',
      summary: 'The credit note of a refund that went through, as PDF',
      tag: 'invoices',
      auth: true,
      params: refundParams,
      response: pdfResponse,
    },
    async ({ principal, params, res }) => {
      const { number, pdf } = await invoices.creditNotePdf(principal, params.id);
      sendFile(res, 'application/pdf', `${number}.pdf`, pdf);
    },
  );

  const statementSummary =
    'per currency: gross sales, commission, refunds, commission reversed, net payout, payouts sent and pending (manufacturers with finance:read; platform admins name the companyId). At most 366 days.';
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/settlements',
      summary: `A settlement statement for a period, ${statementSummary}`,
      tag: 'invoices',
      auth: true,
      query: settlementQuery,
      response: settlement,
    },
    ({ principal, query }) => settlements.statement(principal, query),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/settlements.pdf',
      summary: 'The settlement statement as PDF (same query)',
      tag: 'invoices',
      auth: true,
      query: settlementQuery,
      response: pdfResponse,
    },
    async ({ principal, query, res }) => {
      const statement = await settlements.statement(principal, query);
      const pdf = await renderSettlementPdf(statement);
      sendFile(res, 'application/pdf', `settlement-${query.from}-${query.to}.pdf`, pdf);
    },
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/settlements.csv',
      summary: 'The settlement statement as CSV, one row per order and per refund (same query)',
      tag: 'invoices',
      auth: true,
      query: settlementQuery,
      response: z.string().openapi({ description: 'text/csv' }),
    },
    async ({ principal, query, res }) => {
      const statement = await settlements.statement(principal, query);
      sendFile(res, 'text/csv', `settlement-${query.from}-${query.to}.csv`, settlementCsv(statement));
    },
  );
}
