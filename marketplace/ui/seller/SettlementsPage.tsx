/**
 * Settlements and invoices: for a period of whole UTC days, per currency what was sold, the commission, refunds
 * and the net payout beside what is paid out and pending; the orders with their invoices and the refunds with
 * their credit notes. Every file (statement PDF/CSV, invoice and credit note PDFs) needs the access token, so it
 * is downloaded through the session (data/download.ts), never by a plain link.
 */
import '../styles/seller.css';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Badge,
  Button,
  Card,
  DataTable,
  EmptyState,
  Field,
  KpiTile,
  Notice,
  PageTitle,
  Skeleton,
} from '../components/index.ts';
import { formatDate, formatDateTime } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { withColon } from '../i18n/index.ts';
import { orderMessages } from '../orders/messages.ts';
import { statusLabel, statusTone } from '../orders/status.ts';
import { DownloadButton } from './DownloadButton.tsx';
import { settlementMessages as m } from './messages.ts';
import { isValidPeriod, monthPeriod } from './periods.ts';
import type { SettlementCurrency, SettlementOrder, SettlementRefund, SettlementStatement } from './types.ts';

export default function SettlementsPage() {
  const [params, setParams] = useSearchParams();
  const current = monthPeriod(new Date());
  const from = params.get('from') ?? current.from;
  const to = params.get('to') ?? current.to;
  const valid = isValidPeriod(from, to);
  const query = `from=${from}&to=${to}`;
  const statement = useApi<SettlementStatement>(valid ? `/api/v1/settlements?${query}` : null);

  return (
    <>
      <PageTitle
        title={m.title}
        description={m.description}
        actions={
          valid &&
          statement.data &&
          !isEmpty(statement.data) && (
            <>
              <DownloadButton
                path={`/api/v1/settlements.pdf?${query}`}
                fileName={`settlement-${from}-${to}.pdf`}
                label={m.downloadPdf}
                busyLabel={m.downloading}
              />
              <DownloadButton
                path={`/api/v1/settlements.csv?${query}`}
                fileName={`settlement-${from}-${to}.csv`}
                label={m.downloadCsv}
                busyLabel={m.downloading}
              />
            </>
          )
        }
      />
      <PeriodPicker from={from} to={to} onChange={(period) => setParams(period)} />
      {!valid ? (
        <Notice tone="negative">{m.periodInvalid}</Notice>
      ) : statement.error ? (
        <Notice tone="negative" title={m.loadError} alert>
          {messageOf(statement.error)}
        </Notice>
      ) : !statement.data ? (
        <div className="stack">
          <Skeleton height={120} label={m.loading} />
          <Skeleton height={240} />
        </div>
      ) : (
        <Statement statement={statement.data} />
      )}
    </>
  );
}

function PeriodPicker(props: {
  from: string;
  to: string;
  onChange: (p: { from: string; to: string }) => void;
}) {
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const pick = (period: { from: string; to: string }) => {
    setFrom(period.from);
    setTo(period.to);
    setError(null);
    props.onChange(period);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isValidPeriod(from, to)) return setError(m.periodInvalid);
    pick({ from, to });
  };
  return (
    <Card className="period-card">
      <form className="period-picker" onSubmit={submit} noValidate aria-label={m.period}>
        <Field label={m.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Field label={m.to} type="date" value={to} error={error} onChange={(e) => setTo(e.target.value)} />
        <div className="button-row period-picker__actions">
          <Button type="submit">{m.show}</Button>
          <Button variant="secondary" onClick={() => pick(monthPeriod(now))}>
            {m.thisMonth}
          </Button>
          <Button variant="secondary" onClick={() => pick(monthPeriod(now, 1))}>
            {m.lastMonth}
          </Button>
        </div>
      </form>
    </Card>
  );
}

const isEmpty = (s: SettlementStatement) =>
  s.currencies.length === 0 && s.orders.length === 0 && s.refunds.length === 0;

function Statement({ statement }: { statement: SettlementStatement }) {
  if (isEmpty(statement))
    return (
      <Card>
        <EmptyState title={m.noSales}>{m.noSalesHint}</EmptyState>
      </Card>
    );
  return (
    <div className="stack">
      {statement.currencies.map((c) => (
        <CurrencySummary key={c.currency} figures={c} />
      ))}
      <Card title={m.ordersTitle}>
        <DataTable<SettlementOrder>
          caption={m.ordersTitle}
          captionHidden
          rows={statement.orders}
          rowKey={(o) => o.orderId}
          empty={<EmptyState title={m.noSales} />}
          columns={[
            {
              key: 'order',
              header: m.order,
              render: (o) => (
                <span className="order-cell">
                  <Link to={`/orders/${o.orderId}`}>{orderMessages.shortId(o.orderId)}</Link>
                  <time className="muted" dateTime={o.placedAt}>
                    {formatDateTime(o.placedAt)}
                  </time>
                </span>
              ),
            },
            { key: 'buyer', header: m.buyer, render: (o) => o.buyerName },
            {
              key: 'status',
              header: m.status,
              render: (o) => <Badge tone={statusTone(o.status)}>{statusLabel(o.status)}</Badge>,
            },
            {
              key: 'total',
              header: m.total,
              numeric: true,
              render: (o) => formatMoney(o.totalMinor, o.currency),
            },
            {
              key: 'commission',
              header: m.commission,
              numeric: true,
              render: (o) => formatMoney(o.commissionMinor, o.currency),
            },
            {
              key: 'payout',
              header: m.payout,
              render: (o) => (o.payoutStatus ? (m.payoutStatuses[o.payoutStatus] ?? o.payoutStatus) : '—'),
            },
            {
              key: 'invoice',
              header: m.invoice,
              render: (o) =>
                o.invoiceNumber ? (
                  <DownloadButton
                    variant="ghost"
                    path={`/api/v1/orders/${o.orderId}/invoice.pdf`}
                    fileName={`${o.invoiceNumber}.pdf`}
                    label={o.invoiceNumber}
                    ariaLabel={m.invoicePdf(o.invoiceNumber)}
                    busyLabel={m.downloading}
                  />
                ) : (
                  <span className="muted">{m.notIssued}</span>
                ),
            },
          ]}
        />
      </Card>
      <Card title={m.refundsTitle}>
        <DataTable<SettlementRefund>
          caption={m.refundsTitle}
          captionHidden
          rows={statement.refunds}
          rowKey={(r) => r.refundId}
          empty={<EmptyState title={m.refundsEmpty} />}
          columns={[
            {
              key: 'date',
              header: m.refundDate,
              render: (r) => <time dateTime={r.completedAt}>{formatDate(r.completedAt)}</time>,
            },
            {
              key: 'order',
              header: m.order,
              render: (r) => <Link to={`/orders/${r.orderId}`}>{orderMessages.shortId(r.orderId)}</Link>,
            },
            {
              key: 'amount',
              header: m.amount,
              numeric: true,
              render: (r) => formatMoney(r.amountMinor, r.currency),
            },
            {
              key: 'reversed',
              header: m.commissionReversed,
              numeric: true,
              render: (r) => formatMoney(r.commissionReversedMinor, r.currency),
            },
            { key: 'reason', header: m.reason, render: (r) => <span className="wrap">{r.reason}</span> },
            {
              key: 'note',
              header: m.creditNote,
              render: (r) =>
                r.creditNoteNumber ? (
                  <DownloadButton
                    variant="ghost"
                    path={`/api/v1/refunds/${r.refundId}/credit-note.pdf`}
                    fileName={`${r.creditNoteNumber}.pdf`}
                    label={r.creditNoteNumber}
                    ariaLabel={m.creditNotePdf(r.creditNoteNumber)}
                    busyLabel={m.downloading}
                  />
                ) : (
                  <span className="muted">{m.notIssued}</span>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}

function CurrencySummary({ figures: f }: { figures: SettlementCurrency }) {
  const money = (minor: number) => formatMoney(minor, f.currency);
  return (
    <section aria-label={m.summary(f.currency)} className="settlement-summary">
      <h2 className="section-title">{m.summary(f.currency)}</h2>
      <div className="kpi-row">
        <KpiTile
          label={m.gross}
          value={money(f.grossTotalMinor)}
          raw={f.grossTotalMinor}
          note={m.orderCount(f.orderCount)}
        />
        <KpiTile label={m.commission} value={money(f.commissionMinor)} raw={f.commissionMinor} />
        <KpiTile
          label={m.refunds}
          value={money(f.refundsMinor)}
          raw={f.refundsMinor}
          note={`${withColon(m.commissionReversed)} ${money(f.commissionReversedMinor)}`}
        />
        <KpiTile
          label={m.netPayout}
          value={money(f.netPayoutMinor)}
          raw={f.netPayoutMinor}
          testId={`net-payout-${f.currency}`}
        />
        <KpiTile label={m.payoutsSent} value={money(f.payoutsSentMinor)} raw={f.payoutsSentMinor} />
        <KpiTile label={m.payoutsPending} value={money(f.payoutsPendingMinor)} raw={f.payoutsPendingMinor} />
      </div>
    </section>
  );
}
