/**
 * The KYB review: a manufacturer submits its case when the checklist is complete; platform admins work the
 * queue (oldest submission first) and approve, reject with a reason, or ask for more documents. Each move is one
 * transaction with its history row, audit record, `company.kyb_status_changed` event and the notification to
 * the company's managers; an approval also rescores the company's trust at once, so its badge changes with it.
 */
import { sql, type Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/domain-event.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { Database, KybDocumentKind, KybStatus } from '../db/schema.ts';
import { actorOf, requirePlatformAdmin } from '../identity/deps.ts';
import { nothingToDeliver, type Delivery, type Notifier } from '../notifications/notifier.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { lockCompany, requireCompanyManager } from './company-profile.ts';
import { missingForSubmission } from './company-views.ts';
import { COMPANY_KYB_STATUS_CHANGED, type CompanyKybStatusChangedV1 } from './events.ts';
import { nextStatus, type KybAction } from './kyb-state.ts';
import { rescore } from './trust-scoring.ts';

export type Decision =
  | { action: 'approve'; reason?: string }
  | { action: 'reject'; reason: string }
  | { action: 'request_changes'; reason: string; documents: KybDocumentKind[] };

const HISTORY_ACTION: Record<KybAction, 'submitted' | 'approved' | 'rejected' | 'changes_requested'> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'changes_requested',
};

const MESSAGES: Record<
  Exclude<KybAction, 'submit'>,
  (reason: string | null) => { title: string; body: string }
> = {
  approve: () => ({
    title: 'Your company is verified',
    body: 'Wholesail approved your verification. You can publish products and sell; buyers now see the Verified badge.',
  }),
  reject: (reason) => ({
    title: 'Your verification was not approved',
    body: `Wholesail could not approve your verification: ${reason}. Fix what the reviewer names and submit again.`,
  }),
  request_changes: (reason) => ({
    title: 'Your verification needs more documents',
    body: `The reviewer asks for changes: ${reason}. Upload what is asked for and submit again.`,
  }),
};

interface Move {
  companyId: string;
  from: KybStatus;
  to: KybStatus;
  action: KybAction;
  actor: Actor;
  at: Date;
  reason: string | null;
  documents: KybDocumentKind[];
}

/** The state change with its history row, audit record and event; a decision also rescores trust at once. */
async function recordMove(tx: Transaction<Database>, move: Move): Promise<void> {
  const { companyId, from, to, action, actor, at, reason, documents } = move;
  await tx
    .updateTable('companies')
    .set({
      kyb_status: to,
      ...(action === 'submit' ? { kyb_submitted_at: at } : { kyb_decided_at: at }),
      ...(action === 'approve' ? { verified_at: at } : {}),
    })
    .where('id', '=', companyId)
    .execute();
  await tx
    .insertInto('kyb_reviews')
    .values({
      id: newId(),
      company_id: companyId,
      action: HISTORY_ACTION[action],
      reason,
      requested_documents: JSON.stringify(documents),
      actor_user_id: actor.userId,
      created_at: at,
    })
    .execute();
  await recordAudit(tx, {
    actor,
    action: `company.kyb_${HISTORY_ACTION[action]}`,
    targetType: 'company',
    targetId: companyId,
    companyId,
    occurredAt: at,
    ...(reason ? { reason } : {}),
    before: { kybStatus: from },
    after: { kybStatus: to, ...(documents.length ? { requestedDocuments: documents } : {}) },
  });
  await recordEvent<CompanyKybStatusChangedV1>(tx, {
    type: COMPANY_KYB_STATUS_CHANGED,
    version: 1,
    aggregateType: 'company',
    aggregateId: companyId,
    companyIds: [companyId],
    occurredAt: at,
    actor,
    payload: { companyId, from, to, reason, requestedDocuments: documents },
  });
  // Verification is a quarter of the trust score: the badge must not lag the decision by a day.
  if (action !== 'submit') await rescore(tx, at, [companyId], actor);
}

/** Operator path (register-company.ts): a new manufacturer verified on the operator's word, fully recorded. */
export async function approveOnOperatorsWord(
  tx: Transaction<Database>,
  companyId: string,
  actor: Actor,
  at: Date,
): Promise<void> {
  await recordMove(tx, {
    companyId,
    from: 'not_submitted',
    to: 'approved',
    action: 'approve',
    actor,
    at,
    reason: 'verified by the operator at registration',
    documents: [],
  });
}

export function createKybReview(deps: { db: Db; clock: Clock; notifier: Notifier }) {
  const { db, clock, notifier } = deps;

  async function move(
    principal: Principal,
    companyId: string,
    action: KybAction,
    details: { reason: string | null; documents: KybDocumentKind[] },
  ) {
    const at = clock.now();
    let delivery: Delivery = nothingToDeliver;
    const result = await db.transaction().execute(async (tx) => {
      const company = await lockCompany(tx, companyId);
      if (company.kind !== 'manufacturer')
        throw new DomainError(
          'validation',
          'kyb_manufacturers_only',
          'Only manufacturers go through KYB review.',
        );
      const from = company.kyb_status;
      const to = nextStatus(from, action);
      if (action === 'submit') {
        const missing = await missingForSubmission(tx, company);
        if (missing.length > 0)
          throw new DomainError(
            'validation',
            'kyb_incomplete',
            `The verification cannot be submitted yet: it still needs ${missing.map((m) => m.message).join(', ')}.`,
            missing,
          );
      }
      await recordMove(tx, { companyId, from, to, action, actor: actorOf(principal), at, ...details });
      if (action !== 'submit') {
        delivery = await notifier.notify(
          tx,
          { companyId, permission: 'company:manage' },
          { kind: 'company.verification', ...MESSAGES[action](details.reason), link: '/seller/verification' },
        );
      }
      return { companyId, status: to as KybStatus };
    });
    await notifier.sendEmails(delivery);
    return result;
  }

  async function submit(principal: Principal) {
    requireCompanyManager(principal);
    return move(principal, principal.companyId, 'submit', { reason: null, documents: [] });
  }

  async function decide(principal: Principal, companyId: string, decision: Decision) {
    requirePlatformAdmin(principal);
    if (decision.action === 'request_changes' && decision.documents.length === 0 && !decision.reason)
      throw new DomainError('validation', 'kyb_request_empty', 'Say what the company must change.', [
        { field: 'reason', message: 'is required' },
      ]);
    return move(principal, companyId, decision.action, {
      reason: decision.reason ?? null,
      documents: decision.action === 'request_changes' ? [...new Set(decision.documents)] : [],
    });
  }

  /** The queue: manufacturers in one KYB state (submitted by default), the longest-waiting first. */
  async function queue(principal: Principal, filter: { status: KybStatus; limit: number; offset: number }) {
    requirePlatformAdmin(principal);
    const rows = await db
      .selectFrom('companies as c')
      .select([
        'c.id',
        'c.name',
        'c.country',
        'c.city',
        'c.kyb_status',
        'c.kyb_submitted_at',
        'c.kyb_decided_at',
        'c.created_at',
        'c.trust_score',
        sql<number>`(SELECT count(*) FROM kyb_documents d WHERE d.company_id = c.id AND d.withdrawn_at IS NULL)::int`.as(
          'documents',
        ),
        sql<number>`(SELECT count(*) FROM kyb_reviews r WHERE r.company_id = c.id AND r.action = 'rejected')::int`.as(
          'rejections',
        ),
      ])
      .where('c.kind', '=', 'manufacturer')
      .where('c.kyb_status', '=', filter.status)
      .orderBy(sql`c.kyb_submitted_at ASC NULLS LAST`)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .limit(filter.limit + 1)
      .offset(filter.offset)
      .execute();
    const now = clock.now().getTime();
    return {
      items: rows.slice(0, filter.limit).map((r) => ({
        companyId: r.id,
        name: r.name,
        country: r.country,
        city: r.city,
        kybStatus: r.kyb_status,
        submittedAt: r.kyb_submitted_at ? new Date(r.kyb_submitted_at).toISOString() : null,
        decidedAt: r.kyb_decided_at ? new Date(r.kyb_decided_at).toISOString() : null,
        waitingHours:
          r.kyb_status === 'submitted' && r.kyb_submitted_at
            ? Math.floor((now - new Date(r.kyb_submitted_at).getTime()) / 3_600_000)
            : null,
        documents: Number(r.documents),
        previousRejections: Number(r.rejections),
        trustScore: r.trust_score,
      })),
      hasMore: rows.length > filter.limit,
    };
  }

  return { submit, decide, queue };
}
