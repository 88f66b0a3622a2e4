/**
 * Returns and claims, as the buyer, the manufacturer and Wholesail drive them. Each step is one transaction
 * through the claim state machine (claim-state-machine.ts) that writes the claim, a timeline row, the step's
 * event and the other party's notifications; the answer is the claim as the caller now sees it. Opening lives in
 * claim-opening.ts, resolutions (which refund through the refund service) in claim-resolution.ts, photo
 * evidence in claim-evidence.ts.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import { applyRate } from '../../platform/money.ts';
import { decimal } from '../checkout/reference-rates.ts';
import type { Db } from '../db/database.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { RefundService } from '../refunds/refund-service.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { actorOf, claimForParty } from './claim-access.ts';
import { createClaimEvidence } from './claim-evidence.ts';
import { createClaimOpening, type OpenClaimInput } from './claim-opening.ts';
import { assertNotResolving, createClaimResolution } from './claim-resolution.ts';
import { claimRuleFor, type PROPOSABLE_OUTCOMES } from './claim-state-machine.ts';
import {
  addTimeline,
  companyName,
  formatMinor,
  notifyParties,
  OUTCOME_LABEL,
  otherSide,
  preview,
  recordClaimEvent,
} from './claim-steps.ts';
import { getClaimDetails, listClaims, type ClaimListFilter } from './claim-views.ts';
import {
  CLAIM_ESCALATED,
  CLAIM_RESPONDED,
  CLAIM_WITHDRAWN,
  type ClaimEscalatedV1,
  type ClaimRespondedV1,
  type ClaimWithdrawnV1,
} from './events.ts';

export type RespondInput =
  | {
      decision: 'accept';
      proposedOutcome: (typeof PROPOSABLE_OUTCOMES)[number];
      /** Required for a partial refund, refused otherwise: a full refund is whatever remains refundable. */
      amountMinor?: number;
      note?: string;
    }
  | { decision: 'dispute'; note: string };

export function createClaimService(deps: {
  db: Db;
  clock: Clock;
  notifier: Notifier;
  refunds: Pick<RefundService, 'refund'>;
  storage: ObjectStorage;
  windowDays: number;
}) {
  const { db, clock, notifier } = deps;
  const openClaim = createClaimOpening(deps);
  const resolution = createClaimResolution(deps);
  const evidence = createClaimEvidence(deps);
  const get = (principal: Principal, claimId: string) => getClaimDetails(db, principal, claimId);

  async function open(principal: Principal, orderId: string, input: OpenClaimInput) {
    return get(principal, await openClaim(principal, orderId, input));
  }

  async function respond(principal: Principal, claimId: string, input: RespondInput) {
    const at = clock.now();
    const actor = actorOf(principal);
    const delivery = await db.transaction().execute(async (tx) => {
      const { claim, party } = await claimForParty(tx, principal, claimId);
      claimRuleFor('respond', claim.status, party);
      assertNotResolving(claim, at);
      const order = await tx
        .selectFrom('orders')
        .select(['total_minor', 'subtotal_minor', 'refunded_minor', 'fx_rate'])
        .where('id', '=', claim.order_id)
        .executeTakeFirstOrThrow();
      const accepted = input.decision === 'accept';
      const amount = accepted && input.proposedOutcome === 'partial_refund' ? input.amountMinor : undefined;
      if (accepted && (input.proposedOutcome === 'partial_refund') !== (input.amountMinor !== undefined))
        throw new DomainError(
          'validation',
          'proposal_amount_invalid',
          'A partial refund names its amountMinor; a full refund or a replacement names none.',
          [{ field: 'amountMinor', message: 'is required for a partial refund only' }],
        );
      const remaining = (order.total_minor ?? order.subtotal_minor) - order.refunded_minor;
      if (amount !== undefined && (amount < 1 || amount > remaining))
        throw new DomainError(
          'validation',
          'proposal_amount_invalid',
          `At most ${remaining} ${claim.currency} minor units of this order can still be refunded.`,
          [{ field: 'amountMinor', message: `must be between 1 and ${remaining}` }],
        );
      const note = input.note?.trim() || null;
      const proposedOutcome = accepted ? input.proposedOutcome : null;
      await tx
        .updateTable('claims')
        .set({
          status: 'seller_responded',
          seller_response: accepted ? 'accepted' : 'disputed',
          proposed_outcome: proposedOutcome,
          proposed_amount_minor: amount ?? null,
          seller_note: note,
          responded_at: at,
          updated_at: at,
        })
        .where('id', '=', claimId)
        .execute();
      await addTimeline(tx, {
        claimId,
        action: 'responded',
        actor,
        at,
        note,
        details: {
          decision: accepted ? 'accepted' : 'disputed',
          ...(proposedOutcome ? { proposedOutcome } : {}),
          ...(amount !== undefined ? { amountMinor: amount } : {}),
        },
      });
      const fxRate = decimal(order.fx_rate ?? '1');
      await recordClaimEvent<ClaimRespondedV1>(tx, claim, actor, at, {
        type: CLAIM_RESPONDED,
        payload: {
          claimId,
          orderId: claim.order_id,
          buyerCompanyId: claim.buyer_company_id,
          sellerCompanyId: claim.seller_company_id,
          type: claim.type,
          response: accepted ? 'accepted' : 'disputed',
          proposedOutcome,
          currency: claim.currency,
          proposedAmountMinor: amount ?? null,
          proposedAmountUsdMinor: amount === undefined ? null : applyRate(amount, fxRate),
          fxRate,
          respondedAt: at.toISOString(),
        },
      });
      const seller = await companyName(tx, claim.seller_company_id);
      const offer =
        proposedOutcome === 'partial_refund'
          ? `a partial refund of ${formatMinor(amount!, claim.currency)}`
          : OUTCOME_LABEL[proposedOutcome ?? 'rejected'];
      return notifyParties(tx, notifier, claim, actor, {
        to: 'buyer',
        kind: 'claim.updated',
        title: accepted
          ? `${seller} offers ${offer} for your claim: accept it to close the claim`
          : `${seller} disputes your claim`,
        body: preview(note ?? (accepted ? `Proposed: ${offer}.` : 'No reason given.')),
      });
    });
    await notifier.sendEmails(delivery);
    return get(principal, claimId);
  }

  /** Escalation (buyer or manufacturer asks Wholesail to decide) and withdrawal (the buyer closes it). */
  async function move(principal: Principal, claimId: string, action: 'escalate' | 'withdraw', note?: string) {
    const at = clock.now();
    const actor = actorOf(principal);
    const delivery = await db.transaction().execute(async (tx) => {
      const { claim, party } = await claimForParty(tx, principal, claimId);
      const rule = claimRuleFor(action, claim.status, party);
      assertNotResolving(claim, at);
      const side = party as 'buyer' | 'seller';
      const text = note?.trim() || null;
      await tx
        .updateTable('claims')
        .set({ status: rule.to, updated_at: at, ...(action === 'withdraw' ? { closed_at: at } : {}) })
        .where('id', '=', claimId)
        .execute();
      await addTimeline(tx, {
        claimId,
        action: action === 'escalate' ? 'escalated' : 'withdrawn',
        actor,
        at,
        note: text,
        details: { from: claim.status },
      });
      const ref = {
        claimId,
        orderId: claim.order_id,
        buyerCompanyId: claim.buyer_company_id,
        sellerCompanyId: claim.seller_company_id,
        type: claim.type,
        from: claim.status,
      };
      if (action === 'escalate')
        await recordClaimEvent<ClaimEscalatedV1>(tx, claim, actor, at, {
          type: CLAIM_ESCALATED,
          payload: { ...ref, escalatedBy: side, escalatedAt: at.toISOString() },
        });
      else
        await recordClaimEvent<ClaimWithdrawnV1>(tx, claim, actor, at, {
          type: CLAIM_WITHDRAWN,
          payload: { ...ref, withdrawnAt: at.toISOString() },
        });
      const who = await companyName(tx, side === 'buyer' ? claim.buyer_company_id : claim.seller_company_id);
      return notifyParties(tx, notifier, claim, actor, {
        to: otherSide(side),
        kind: 'claim.updated',
        title:
          action === 'escalate'
            ? `${who} asked Wholesail to decide a claim`
            : `${who} withdrew its claim: it is closed`,
        body: preview(
          text ?? (action === 'escalate' ? 'Wholesail will review the claim.' : 'No reason given.'),
        ),
      });
    });
    await notifier.sendEmails(delivery);
    return get(principal, claimId);
  }

  return {
    open,
    get,
    list: (principal: Principal, filter: ClaimListFilter) => listClaims(db, principal, filter),
    respond,
    escalate: (principal: Principal, claimId: string, note?: string) =>
      move(principal, claimId, 'escalate', note),
    withdraw: (principal: Principal, claimId: string, note?: string) =>
      move(principal, claimId, 'withdraw', note),
    accept: async (principal: Principal, claimId: string) => {
      await resolution.accept(principal, claimId);
      return get(principal, claimId);
    },
    resolve: async (
      principal: Principal,
      claimId: string,
      input: Parameters<typeof resolution.resolve>[2],
    ) => {
      await resolution.resolve(principal, claimId, input);
      return get(principal, claimId);
    },
    addEvidence: async (
      principal: Principal,
      claimId: string,
      upload: { bytes: Uint8Array; contentType: string },
    ) => evidence.add(principal, claimId, upload),
    mayAddEvidence: evidence.mayAdd,
    evidence: evidence.download,
  };
}

export type ClaimService = ReturnType<typeof createClaimService>;
