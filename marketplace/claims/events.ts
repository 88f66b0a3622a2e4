/**
 * Events the claims context emits, one per step. Payload schemas are registered in ingest/events/catalog.ts.
 * Ids, kinds, outcomes and amounts only: a claim's description and notes are between its parties and never
 * leave the OLTP database. Money carries its USD value and the order's FX rate, like every money event.
 */
import type { ClaimOutcome, ClaimStatus, ClaimType, RequestedOutcome } from './claim-state-machine.ts';

export const CLAIM_OPENED = 'claim.opened';
export const CLAIM_RESPONDED = 'claim.responded';
export const CLAIM_ESCALATED = 'claim.escalated';
export const CLAIM_RESOLVED = 'claim.resolved';
export const CLAIM_WITHDRAWN = 'claim.withdrawn';

interface ClaimRef {
  claimId: string;
  orderId: string;
  buyerCompanyId: string;
  sellerCompanyId: string;
  type: ClaimType;
}

export interface ClaimOpenedV1 extends ClaimRef {
  requestedOutcome: RequestedOutcome;
  lines: Array<{ lineNo: number; quantity: number }>;
  openedAt: string;
}

export interface ClaimRespondedV1 extends ClaimRef {
  response: 'accepted' | 'disputed';
  proposedOutcome: Exclude<ClaimOutcome, 'rejected'> | null;
  currency: string;
  proposedAmountMinor: number | null;
  proposedAmountUsdMinor: number | null;
  fxRate: string;
  respondedAt: string;
}

export interface ClaimEscalatedV1 extends ClaimRef {
  escalatedBy: 'buyer' | 'seller';
  from: ClaimStatus;
  escalatedAt: string;
}

export interface ClaimResolvedV1 extends ClaimRef {
  outcome: ClaimOutcome;
  resolvedBy: 'buyer_acceptance' | 'admin';
  currency: string;
  /** What was refunded to the buyer (0 for a replacement or a rejection). */
  refundedMinor: number;
  refundedUsdMinor: number;
  fxRate: string;
  refundId: string | null;
  resolvedAt: string;
}

export interface ClaimWithdrawnV1 extends ClaimRef {
  from: ClaimStatus;
  withdrawnAt: string;
}
