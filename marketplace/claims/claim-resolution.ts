/**
 * Resolving a claim: the buyer accepting the manufacturer's proposal, or a Wholesail admin deciding (usually an
 * escalated claim). A refund outcome goes through the refund service, so the commission is reversed and
 * `order.refunded` emitted there; a replacement only records the outcome (the follow-up order is not made here);
 * a rejection closes the claim without money.
 *
 * The refund service runs its own transactions around the payment provider, so it cannot sit inside the claim's
 * transaction. Three steps instead: (1) under the claim's lock, check the step and mark the claim
 * `resolving_since`, which turns away any other step for a while; (2) refund; (3) under the lock again, record
 * the resolution. A failed refund clears the mark and changes nothing. A crash after the refund leaves the
 * mark; the retry finds the refund by its reason (one per claim) instead of refunding twice.
 */
import type { Clock } from '../../platform/clock.ts';
import { systemActor, type Actor } from '../../platform/domain-event.ts';
import { DomainError } from '../../platform/errors.ts';
import { applyRate } from '../../platform/money.ts';
import type { Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { decimal } from '../checkout/reference-rates.ts';
import type { Db } from '../db/database.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { RefundService } from '../refunds/refund-service.ts';
import { actorOf, claimForParty, type ClaimRow } from './claim-access.ts';
import { claimRuleFor, type ClaimOutcome } from './claim-state-machine.ts';
import {
  addTimeline,
  formatMinor,
  notifyParties,
  OUTCOME_LABEL,
  preview,
  recordClaimEvent,
} from './claim-steps.ts';
import { CLAIM_RESOLVED, type ClaimResolvedV1 } from './events.ts';

/** How long a resolution in flight keeps other steps away; after it, a retry may take over. */
const RESOLVING_HOLD_MS = 2 * 60_000;

export function assertNotResolving(claim: Pick<ClaimRow, 'resolving_since'>, at: Date): void {
  if (claim.resolving_since && at.getTime() - new Date(claim.resolving_since).getTime() < RESOLVING_HOLD_MS)
    throw new DomainError(
      'conflict',
      'claim_being_resolved',
      'This claim is being resolved right now (a refund is in progress); look again in a moment.',
    );
}

export interface ResolveInput {
  outcome: ClaimOutcome;
  /** For a partial refund only. */
  amountMinor?: number;
  note: string;
}

interface Decision {
  outcome: ClaimOutcome;
  amountMinor?: number;
  note: string | null;
}

export const refundReasonFor = (claimId: string, outcome: ClaimOutcome) => `claim ${claimId}: ${outcome}`;

export function createClaimResolution(deps: {
  db: Db;
  clock: Clock;
  notifier: Notifier;
  refunds: Pick<RefundService, 'refund'>;
}) {
  const { db, clock, notifier, refunds } = deps;

  async function refundFor(
    claim: ClaimRow,
    decision: Decision,
    by: Principal | 'system',
  ): Promise<{ id: string; amountMinor: number } | null> {
    if (decision.outcome !== 'full_refund' && decision.outcome !== 'partial_refund') return null;
    const reason = refundReasonFor(claim.id, decision.outcome);
    const earlier = await db
      .selectFrom('refunds')
      .select(['id', 'amount_minor'])
      .where('order_id', '=', claim.order_id)
      .where('reason', '=', reason)
      .where('status', '=', 'succeeded')
      .executeTakeFirst();
    if (earlier) return { id: earlier.id, amountMinor: earlier.amount_minor };
    const refund = await refunds.refund(by, claim.order_id, {
      amountMinor: decision.outcome === 'partial_refund' ? decision.amountMinor : undefined,
      reason,
    });
    return { id: refund.id, amountMinor: refund.amountMinor };
  }

  async function settle(
    principal: Principal,
    claimId: string,
    action: 'accept' | 'resolve',
    decide: (claim: ClaimRow) => Decision,
  ): Promise<void> {
    const at = clock.now();
    const actor = actorOf(principal);
    // 1. Check the step and hold the claim.
    const { claim, decision } = await db.transaction().execute(async (tx) => {
      const found = await claimForParty(tx, principal, claimId);
      claimRuleFor(action, found.claim.status, found.party);
      assertNotResolving(found.claim, at);
      const decided = decide(found.claim);
      await tx.updateTable('claims').set({ resolving_since: at }).where('id', '=', claimId).execute();
      return { claim: found.claim, decision: decided };
    });

    // 2. Money back to the buyer, if that is the outcome. The seller proposed and the buyer agreed: the
    //    platform carries it out (system); an admin's decision is refunded as that admin (audited there too).
    let refund: { id: string; amountMinor: number } | null;
    try {
      refund = await refundFor(claim, decision, action === 'resolve' ? principal : 'system');
    } catch (error) {
      await db.updateTable('claims').set({ resolving_since: null }).where('id', '=', claimId).execute();
      throw error;
    }

    // 3. Record the resolution, its timeline, event, audit entry and notifications.
    const delivery = await db.transaction().execute(async (tx) => {
      const current = await tx
        .selectFrom('claims')
        .select(['status'])
        .where('id', '=', claimId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (current.status !== claim.status)
        throw new DomainError('conflict', 'claim_changed', 'The claim changed while it was being resolved.');
      const closedAt = clock.now();
      const amountMinor = refund?.amountMinor ?? 0;
      const resolvedBy = action === 'accept' ? 'buyer_acceptance' : 'admin';
      await tx
        .updateTable('claims')
        .set({
          status: 'resolved',
          resolution_outcome: decision.outcome,
          resolution_amount_minor: amountMinor,
          resolution_note: decision.note,
          resolved_by: resolvedBy,
          refund_id: refund?.id ?? null,
          resolving_since: null,
          updated_at: closedAt,
          closed_at: closedAt,
        })
        .where('id', '=', claimId)
        .execute();
      if (action === 'accept') await addTimeline(tx, { claimId, action: 'accepted', actor, at, note: null });
      const resolver: Actor = action === 'accept' ? systemActor : actor;
      await addTimeline(tx, {
        claimId,
        action: 'resolved',
        actor: resolver,
        at: closedAt,
        note: decision.note,
        details: {
          outcome: decision.outcome,
          resolvedBy,
          amountMinor,
          ...(refund ? { refundId: refund.id } : {}),
        },
      });
      const order = await tx
        .selectFrom('orders')
        .select('fx_rate')
        .where('id', '=', claim.order_id)
        .executeTakeFirstOrThrow();
      const fxRate = decimal(order.fx_rate ?? '1');
      await recordClaimEvent<ClaimResolvedV1>(tx, claim, actor, closedAt, {
        type: CLAIM_RESOLVED,
        payload: {
          claimId,
          orderId: claim.order_id,
          buyerCompanyId: claim.buyer_company_id,
          sellerCompanyId: claim.seller_company_id,
          type: claim.type,
          outcome: decision.outcome,
          resolvedBy,
          currency: claim.currency,
          refundedMinor: amountMinor,
          refundedUsdMinor: applyRate(amountMinor, fxRate),
          fxRate,
          refundId: refund?.id ?? null,
          resolvedAt: closedAt.toISOString(),
        },
      });
      if (action === 'resolve')
        await recordAudit(tx, {
          actor,
          action: 'claim.resolved',
          // The audit log's targets predate claims; the order is what the claim and its refund are about.
          targetType: 'order',
          targetId: claim.order_id,
          companyId: claim.seller_company_id,
          occurredAt: closedAt,
          reason: decision.note ?? undefined,
          before: { claimId, status: claim.status },
          after: {
            claimId,
            status: 'resolved',
            outcome: decision.outcome,
            amountMinor,
            refundId: refund?.id ?? null,
          },
        });
      const result =
        decision.outcome === 'partial_refund' || decision.outcome === 'full_refund'
          ? `a refund of ${formatMinor(amountMinor, claim.currency)}`
          : OUTCOME_LABEL[decision.outcome];
      return notifyParties(tx, notifier, claim, actor, {
        to: action === 'accept' ? 'seller' : 'both',
        kind: 'claim.resolved',
        title:
          action === 'accept'
            ? `The buyer accepted your proposal: the claim is resolved with ${result}`
            : `Wholesail resolved the claim with ${result}`,
        body: preview(decision.note ?? `Resolved with ${result}.`),
      });
    });
    await notifier.sendEmails(delivery);
  }

  return {
    /** The buyer takes the manufacturer's proposal as it stands. */
    accept: (principal: Principal, claimId: string) =>
      settle(principal, claimId, 'accept', (claim) => {
        if (claim.seller_response !== 'accepted' || !claim.proposed_outcome)
          throw new DomainError(
            'conflict',
            'no_proposal_to_accept',
            'The manufacturer disputed this claim: there is no proposal to accept. Escalate it to Wholesail or withdraw it.',
          );
        return {
          outcome: claim.proposed_outcome as ClaimOutcome,
          amountMinor: claim.proposed_amount_minor ?? undefined,
          note: null,
        };
      }),

    /** A Wholesail admin decides, with a note saying why (it goes to both parties and the audit log). */
    resolve: (principal: Principal, claimId: string, input: ResolveInput) =>
      settle(principal, claimId, 'resolve', () => {
        if ((input.outcome === 'partial_refund') !== (input.amountMinor !== undefined))
          throw new DomainError(
            'validation',
            'resolution_amount_invalid',
            'A partial refund names its amountMinor; other outcomes name none.',
            [{ field: 'amountMinor', message: 'is required for a partial refund only' }],
          );
        return { outcome: input.outcome, amountMinor: input.amountMinor, note: input.note.trim() };
      }),
  };
}
