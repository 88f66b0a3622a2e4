/** Claims as the API answers them (api/routes/claim-routes.ts: ClaimSummary and Claim). */
import type { ClaimOutcome, ClaimStatus, ClaimType, RequestedOutcome } from './claim-rules.ts';

export type ClaimAction = 'respond' | 'escalate' | 'accept' | 'resolve' | 'withdraw';

export interface ClaimSummary {
  id: string;
  orderId: string;
  buyer: { id: string; name: string };
  seller: { id: string; name: string };
  type: ClaimType;
  status: ClaimStatus;
  requestedOutcome: RequestedOutcome;
  currency: string;
  /** The claimed units at the order's unit prices before tax, for a refund request; null for a replacement. */
  amountAskedMinor: number | null;
  description: string;
  response: {
    decision: 'accepted' | 'disputed';
    proposedOutcome: ClaimOutcome | null;
    proposedAmountMinor: number | null;
    note: string | null;
    at: string;
  } | null;
  resolution: {
    outcome: ClaimOutcome;
    amountMinor: number;
    refundId: string | null;
    resolvedBy: string;
    note: string | null;
    at: string;
  } | null;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** The steps the caller may take now. */
  next: ClaimAction[];
}

export interface ClaimLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  ordered: number;
  quantity: number;
}

export interface ClaimEvidence {
  id: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: 'buyer' | 'seller';
  createdAt: string;
  url: string;
}

export interface ClaimTimelineEntry {
  at: string;
  action: string;
  by: 'buyer' | 'seller' | 'admin' | 'system';
  note: string | null;
  details: Record<string, string | number>;
}

export interface ClaimDetails extends ClaimSummary {
  lines: ClaimLine[];
  evidence: ClaimEvidence[];
  timeline: ClaimTimelineEntry[];
}

export interface ClaimPage {
  items: ClaimSummary[];
  hasMore: boolean;
}

/** Which side of a claim the signed-in company is on (platform staff: Wholesail). */
export type ClaimSide = 'buyer' | 'seller' | 'platform';
