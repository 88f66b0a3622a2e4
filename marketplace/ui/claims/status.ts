/** How a claim's status and outcome read: the words, and the tone of the status pill (the word carries meaning). */
import type { BadgeTone } from '../components/index.ts';
import { formatMoney } from '../data/money.ts';
import { claimMessages as m } from './messages.ts';
import type { ClaimSummary } from './types.ts';

const STATUS: Record<string, string> = m.status;
const TYPE: Record<string, string> = m.type;
const OUTCOME: Record<string, string> = m.outcome;
const REQUESTED: Record<string, string> = m.requested;

export const claimStatusLabel = (status: string) => STATUS[status] ?? status;
export const claimTypeLabel = (type: string) => TYPE[type] ?? type;
export const outcomeLabel = (outcome: string) => OUTCOME[outcome] ?? outcome;
export const requestedLabel = (outcome: string) => REQUESTED[outcome] ?? outcome;

export function claimStatusTone(status: string): BadgeTone {
  switch (status) {
    case 'open':
      return 'info';
    case 'seller_responded':
    case 'escalated':
      return 'warning';
    case 'resolved':
      return 'positive';
    default:
      return 'neutral';
  }
}

/** "Partial refund: $12.50", or the outcome alone when no money moves. */
export function outcomeText(outcome: string, amountMinor: number | null, currency: string) {
  return amountMinor !== null && amountMinor > 0 && outcome.endsWith('refund')
    ? m.outcomeAmount(outcomeLabel(outcome), formatMoney(amountMinor, currency))
    : outcomeLabel(outcome);
}

/** Where the signed-in company stands on a claim. */
export const sideOf = (claim: Pick<ClaimSummary, 'buyer' | 'seller'>, companyId: string | undefined) =>
  companyId === claim.buyer.id ? 'buyer' : companyId === claim.seller.id ? 'seller' : 'platform';
