/**
 * The columns the claims list (`/claims`) and the admins' Disputes tab share: the claim with when it was opened,
 * its order, what went wrong and what it asks. One definition, so both tables read a claim the same way; each
 * page adds its own columns (counterparty, status, age or waiting time).
 */
import { Link } from 'react-router';
import type { Column } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { claimMessages as m } from './messages.ts';
import { claimTypeLabel, requestedLabel } from './status.ts';
import type { ClaimSummary } from './types.ts';

export const claimOpenedColumn: Column<ClaimSummary> = {
  key: 'claim',
  header: m.claimOpened,
  render: (c) => (
    <span className="order-cell">
      <Link to={`/claims/${c.id}`}>{m.claimLink(c.id)}</Link>
      <time className="muted" dateTime={c.openedAt}>
        {formatDateTime(c.openedAt)}
      </time>
    </span>
  ),
};

export const claimOrderColumn: Column<ClaimSummary> = {
  key: 'order',
  header: m.order,
  render: (c) => <Link to={`/orders/${c.orderId}`}>{m.shortId(c.orderId)}</Link>,
};

export const claimReasonColumn: Column<ClaimSummary> = {
  key: 'reason',
  header: m.reason,
  render: (c) => claimTypeLabel(c.type),
};

/** The API's amount (a replacement asks for none, so it shows only what it asks for) and refund or replacement. */
export const claimAskedColumn: Column<ClaimSummary> = {
  key: 'asked',
  header: m.asked,
  numeric: true,
  render: (c) => (
    <span className="order-cell">
      {c.amountAskedMinor !== null && <span>{formatMoney(c.amountAskedMinor, c.currency)}</span>}
      <span className="muted">{m.asksFor(requestedLabel(c.requestedOutcome))}</span>
    </span>
  ),
};
