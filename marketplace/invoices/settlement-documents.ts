/**
 * The settlement statement as a PDF for people and as CSV for spreadsheets. The CSV holds one row per order and
 * per refund with exact integer minor units, so summing its columns reproduces the statement's figures.
 */
import { stringify } from 'csv-stringify/sync';
import { formatDate, formatMoney } from './money-format.ts';
import { heading, keyValues, renderPdf, table } from './pdf-layout.ts';
import type { SettlementStatement } from './settlement.ts';

export function renderSettlementPdf(statement: SettlementStatement): Promise<Buffer> {
  const period = `${statement.from} to ${statement.to} (UTC)`;
  // Deterministic: the same statement renders the same bytes, dated by the end of its period.
  const createdAt = new Date(`${statement.to}T00:00:00Z`);
  return renderPdf({ title: `Settlement ${statement.companyName} ${period}`, createdAt }, (doc) => {
    heading(doc, 'Settlement statement', `${statement.companyName}, ${period}`);
    if (statement.currencies.length === 0) doc.text('No orders or refunds in this period.').moveDown();
    for (const f of statement.currencies) {
      const money = (minor: number) => formatMoney(minor, f.currency);
      doc.font('Helvetica-Bold').text(f.currency).font('Helvetica').moveDown(0.3);
      keyValues(doc, [
        ['Orders', String(f.orderCount)],
        [
          'Gross sales',
          `${money(f.grossTotalMinor)} (${money(f.grossSubtotalMinor)} + tax ${money(f.grossTaxMinor)})`,
        ],
        ['Commission', `- ${money(f.commissionMinor)}`],
        ['Refunds', `- ${money(f.refundsMinor)} (${f.refundCount})`],
        ['Commission reversed', `+ ${money(f.commissionReversedMinor)}`],
        ['Net payout', money(f.netPayoutMinor)],
        ['Payouts sent', money(f.payoutsSentMinor)],
        ['Payouts pending', money(f.payoutsPendingMinor)],
      ]);
      doc.moveDown();
    }
    if (statement.orders.length > 0) {
      doc.font('Helvetica-Bold').text('Orders').font('Helvetica').moveDown(0.3);
      table(
        doc,
        [
          { header: 'Placed', width: 65 },
          { header: 'Invoice', width: 95 },
          { header: 'Buyer', width: 115 },
          { header: 'Status', width: 60 },
          { header: 'Total', width: 80, align: 'right' },
          { header: 'Commission', width: 80, align: 'right' },
        ],
        statement.orders.map((o) => [
          formatDate(o.placedAt),
          o.invoiceNumber ?? o.orderId.slice(0, 8),
          o.buyerName,
          o.status,
          formatMoney(o.totalMinor, o.currency),
          formatMoney(o.commissionMinor, o.currency),
        ]),
      );
    }
    if (statement.refunds.length > 0) {
      doc.font('Helvetica-Bold').text('Refunds').font('Helvetica').moveDown(0.3);
      table(
        doc,
        [
          { header: 'Completed', width: 65 },
          { header: 'Credit note', width: 105 },
          { header: 'Reason', width: 165 },
          { header: 'Refunded', width: 80, align: 'right' },
          { header: 'Comm. reversed', width: 80, align: 'right' },
        ],
        statement.refunds.map((r) => [
          formatDate(r.completedAt),
          r.creditNoteNumber ?? r.refundId.slice(0, 8),
          r.reason,
          formatMoney(r.amountMinor, r.currency),
          formatMoney(r.commissionReversedMinor, r.currency),
        ]),
      );
    }
  });
}

export const SETTLEMENT_CSV_COLUMNS = [
  'kind',
  'at',
  'order_id',
  'document',
  'detail',
  'currency',
  'gross_total_minor',
  'commission_minor',
  'refund_minor',
  'commission_reversed_minor',
  'net_minor',
] as const;

/** Spreadsheets run a cell starting with = + - @ as a formula; company names and reasons are typed by anyone. */
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function settlementCsv(statement: SettlementStatement): string {
  const rows = [
    ...statement.orders.map((o) => ({
      kind: 'order',
      at: o.placedAt,
      order_id: o.orderId,
      document: o.invoiceNumber ?? '',
      detail: asText(o.buyerName),
      currency: o.currency,
      gross_total_minor: o.totalMinor,
      commission_minor: o.commissionMinor,
      refund_minor: 0,
      commission_reversed_minor: 0,
      net_minor: o.totalMinor - o.commissionMinor,
    })),
    ...statement.refunds.map((r) => ({
      kind: 'refund',
      at: r.completedAt,
      order_id: r.orderId,
      document: r.creditNoteNumber ?? '',
      detail: asText(r.reason),
      currency: r.currency,
      gross_total_minor: 0,
      commission_minor: 0,
      refund_minor: r.amountMinor,
      commission_reversed_minor: r.commissionReversedMinor,
      net_minor: r.commissionReversedMinor - r.amountMinor,
    })),
  ];
  return stringify(rows, { header: true, columns: [...SETTLEMENT_CSV_COLUMNS] });
}
