/**
 * Writing one step of a claim inside the caller's transaction: the claim row's new columns, one timeline row,
 * the step's event and the other party's in-app notifications commit together; the emails `notify` returns go
 * out after the commit (notifications/notifier.ts says why).
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import { newId } from '../../platform/ids.ts';
import type { Database, ClaimsTable } from '../db/schema.ts';
import type { NotificationKind } from '../notifications/kinds.ts';
import { nothingToDeliver, type Delivery, type Notifier } from '../notifications/notifier.ts';
import { recordEvent } from '../outbox/record-event.ts';

type Tx = Transaction<Database>;
type Claim = Pick<ClaimsTable, 'id' | 'order_id' | 'buyer_company_id' | 'seller_company_id'>;

export type TimelineAction =
  'opened' | 'evidence_added' | 'responded' | 'escalated' | 'accepted' | 'resolved' | 'withdrawn';

export interface TimelineRow {
  claimId: string;
  action: TimelineAction;
  actor: Actor;
  at: Date;
  note?: string | null;
  details?: Record<string, string | number>;
}

export async function addTimeline(tx: Tx, row: TimelineRow): Promise<void> {
  await tx
    .insertInto('claim_timeline')
    .values({
      id: newId(),
      claim_id: row.claimId,
      at: row.at,
      action: row.action,
      actor_kind: row.actor.kind,
      actor_user_id: row.actor.userId,
      actor_company_id: row.actor.companyId,
      note: row.note ?? null,
      details: JSON.stringify(row.details ?? {}),
    })
    .execute();
}

export interface ClaimEvent<P> {
  type: string;
  payload: P;
}

/** Events of one claim share its topic key, so they stay in order; both companies may read them. */
export function recordClaimEvent<P>(tx: Tx, claim: Claim, actor: Actor, at: Date, event: ClaimEvent<P>) {
  return recordEvent<P>(tx, {
    type: event.type,
    version: 1,
    aggregateType: 'claim',
    aggregateId: claim.id,
    companyIds: [claim.buyer_company_id, claim.seller_company_id],
    occurredAt: at,
    actor,
    payload: event.payload,
  });
}

export type Audience = 'buyer' | 'seller' | 'both';

export interface StepNotice {
  to: Audience;
  kind: NotificationKind;
  title: string;
  body: string;
}

const PREVIEW_CHARS = 280;
export const preview = (text: string) =>
  text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;

/** Tells the named side(s) of the claim, every member who may read the company's orders, never the actor. */
export async function notifyParties(
  tx: Tx,
  notifier: Notifier,
  claim: Claim,
  actor: Actor,
  notice: StepNotice,
): Promise<Delivery> {
  const companies =
    notice.to === 'both'
      ? [claim.buyer_company_id, claim.seller_company_id]
      : [notice.to === 'buyer' ? claim.buyer_company_id : claim.seller_company_id];
  let delivery: Delivery = nothingToDeliver;
  for (const companyId of companies) {
    const sent = await notifier.notify(
      tx,
      { companyId, permission: 'orders:read', exceptUserId: actor.userId ?? undefined },
      { kind: notice.kind, title: notice.title, body: notice.body, link: `/claims/${claim.id}` },
    );
    delivery = {
      notificationIds: [...delivery.notificationIds, ...sent.notificationIds],
      emails: [...delivery.emails, ...sent.emails],
    };
  }
  return delivery;
}

/** The other side of the claim from `party`'s point of view. */
export const otherSide = (party: 'buyer' | 'seller'): Audience => (party === 'buyer' ? 'seller' : 'buyer');

export async function companyName(tx: Tx, companyId: string): Promise<string> {
  const row = await tx
    .selectFrom('companies')
    .select('name')
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow();
  return row.name;
}

export const OUTCOME_LABEL: Record<string, string> = {
  full_refund: 'a full refund',
  partial_refund: 'a partial refund',
  replacement: 'a replacement',
  rejected: 'no refund or replacement',
};

export const TYPE_LABEL: Record<string, string> = {
  damaged: 'damaged goods',
  missing: 'missing items',
  wrong_item: 'wrong items',
  other: 'a problem',
};

/** For notification text only (every supported currency has 100 minor units); no float touches the amount. */
export const formatMinor = (amountMinor: number, currency: string) =>
  `${Math.floor(amountMinor / 100)}.${String(amountMinor % 100).padStart(2, '0')} ${currency}`;
