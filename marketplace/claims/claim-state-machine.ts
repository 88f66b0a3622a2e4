/**
 * The claim state machine: one table says which step moves a claim from which status, and who may take it.
 *
 *   open --respond (seller)--> seller_responded --accept (buyer)--> resolved
 *   open | seller_responded --escalate (buyer, seller)--> escalated
 *   open | seller_responded | escalated --resolve (admin)--> resolved
 *   open | seller_responded | escalated --withdraw (buyer)--> withdrawn
 *
 * Like the order state machine, who may is asked before when: a manufacturer trying to resolve hears that only
 * Wholesail can (403) whatever the claim's status; the right party at the wrong moment gets 409 naming both.
 */
import { DomainError } from '../../platform/errors.ts';
import type { Permission } from '../../platform/principal.ts';

export const CLAIM_TYPES = ['damaged', 'missing', 'wrong_item', 'other'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const REQUESTED_OUTCOMES = ['refund', 'replacement'] as const;
export type RequestedOutcome = (typeof REQUESTED_OUTCOMES)[number];

export const CLAIM_OUTCOMES = ['full_refund', 'partial_refund', 'replacement', 'rejected'] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];
/** What a manufacturer may propose when it accepts a claim (rejecting is disputing). */
export const PROPOSABLE_OUTCOMES = ['full_refund', 'partial_refund', 'replacement'] as const;

export const CLAIM_STATUSES = ['open', 'seller_responded', 'escalated', 'resolved', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Statuses in which a claim still counts as the order's open claim (the partial UNIQUE index lists the same). */
export const OPEN_STATUSES: readonly ClaimStatus[] = ['open', 'seller_responded', 'escalated'];

export type ClaimParty = 'buyer' | 'seller' | 'admin';
export const CLAIM_ACTIONS = ['respond', 'escalate', 'accept', 'resolve', 'withdraw'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export interface ClaimTransition {
  action: ClaimAction;
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  by: readonly ClaimParty[];
}

export const CLAIM_TRANSITIONS: readonly ClaimTransition[] = [
  { action: 'respond', from: ['open'], to: 'seller_responded', by: ['seller'] },
  { action: 'escalate', from: ['open', 'seller_responded'], to: 'escalated', by: ['buyer', 'seller'] },
  // Only a proposal can be accepted: claim-service checks the response was an acceptance, not a dispute.
  { action: 'accept', from: ['seller_responded'], to: 'resolved', by: ['buyer'] },
  { action: 'resolve', from: ['open', 'seller_responded', 'escalated'], to: 'resolved', by: ['admin'] },
  { action: 'withdraw', from: ['open', 'seller_responded', 'escalated'], to: 'withdrawn', by: ['buyer'] },
];

/** Being a party is not enough: the member's role must also let them act for the company. */
export const PARTY_PERMISSION: Record<ClaimParty, Permission> = {
  buyer: 'orders:place',
  seller: 'orders:manage',
  admin: 'platform:admin',
};

const PARTY_NAME: Record<ClaimParty, string> = {
  buyer: 'the buyer',
  seller: 'the manufacturer',
  admin: 'Wholesail',
};

const DONE: Record<ClaimAction, string> = {
  respond: 'responded to',
  escalate: 'escalated',
  accept: 'accepted',
  resolve: 'resolved',
  withdraw: 'withdrawn',
};

const isStatus = (value: string): value is ClaimStatus =>
  (CLAIM_STATUSES as readonly string[]).includes(value);

export function claimRuleFor(action: ClaimAction, from: string, party: ClaimParty): ClaimTransition {
  const rule = CLAIM_TRANSITIONS.find((t) => t.action === action)!;
  if (!rule.by.includes(party))
    throw new DomainError(
      'forbidden',
      'not_your_claim_step',
      `Only ${rule.by.map((p) => PARTY_NAME[p]).join(' or ')} can ${action} a claim.`,
    );
  if (!isStatus(from) || !rule.from.includes(from))
    throw new DomainError(
      'conflict',
      'illegal_claim_transition',
      `A claim that is ${from} cannot be ${DONE[action]} (only one that is ${rule.from.join(', ')}).`,
    );
  return rule;
}

/** The steps `party` may take on a claim in `status`, in table order (what a UI offers). */
export function nextClaimActions(status: string, party: ClaimParty | undefined): ClaimAction[] {
  if (!party || !isStatus(status)) return [];
  return CLAIM_TRANSITIONS.filter((t) => t.from.includes(status) && t.by.includes(party)).map(
    (t) => t.action,
  );
}
