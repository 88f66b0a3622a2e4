/**
 * Opening a claim: the buyer of a delivered (or completed) order, within the claim window after delivery, names
 * what went wrong, which lines and how many units, and what it would like (a refund or a replacement). The
 * order's row lock makes "one open claim per order" hold under concurrent requests; the partial UNIQUE index
 * backs it.
 */
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Delivery, Notifier } from '../notifications/notifier.ts';
import { actorOf } from './claim-access.ts';
import { OPEN_STATUSES, type ClaimType, type RequestedOutcome } from './claim-state-machine.ts';
import {
  addTimeline,
  companyName,
  notifyParties,
  preview,
  recordClaimEvent,
  TYPE_LABEL,
} from './claim-steps.ts';
import { CLAIM_OPENED, type ClaimOpenedV1 } from './events.ts';

export interface OpenClaimInput {
  type: ClaimType;
  lines: Array<{ lineNo: number; quantity: number }>;
  description: string;
  requestedOutcome: RequestedOutcome;
}

const DAY_MS = 86_400_000;
/** Statuses in which the goods are in the buyer's hands. */
const CLAIMABLE_STATUSES = ['delivered', 'completed'];

type Tx = Transaction<Database>;

/** Each line must be a line of the order, once, for at most the units ordered. */
async function checkLines(tx: Tx, orderId: string, lines: OpenClaimInput['lines']) {
  const orderLines = await tx
    .selectFrom('order_lines')
    .select(['id', 'line_no', 'quantity'])
    .where('order_id', '=', orderId)
    .execute();
  const byNo = new Map(orderLines.map((l) => [l.line_no, l]));
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  lines.forEach((line, i) => {
    const ordered = byNo.get(line.lineNo);
    if (!ordered) problems.push({ field: `lines.${i}.lineNo`, message: 'is not a line of this order' });
    else if (seen.has(line.lineNo)) problems.push({ field: `lines.${i}.lineNo`, message: 'is listed twice' });
    else if (line.quantity > ordered.quantity)
      problems.push({
        field: `lines.${i}.quantity`,
        message: `must be at most ${ordered.quantity} (the units ordered on line ${line.lineNo})`,
      });
    seen.add(line.lineNo);
  });
  if (problems.length > 0)
    throw new DomainError(
      'validation',
      'claim_lines_invalid',
      `The claim's lines do not match the order: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      problems,
    );
  return lines.map((l) => ({ ...l, orderLineId: byNo.get(l.lineNo)!.id }));
}

export function createClaimOpening(deps: { db: Db; clock: Clock; notifier: Notifier; windowDays: number }) {
  const { db, clock, notifier, windowDays } = deps;

  return async function openClaim(
    principal: Principal,
    orderId: string,
    input: OpenClaimInput,
  ): Promise<string> {
    const at = clock.now();
    const actor = actorOf(principal);
    const { claimId, delivery } = await db.transaction().execute(async (tx) => {
      const order = await tx
        .selectFrom('orders')
        .select(['id', 'buyer_company_id', 'seller_company_id', 'status', 'delivered_at', 'currency'])
        .where('id', '=', orderId)
        .forUpdate()
        .executeTakeFirst();
      const isParty =
        order && [order.buyer_company_id, order.seller_company_id].includes(principal.companyId);
      if (!order || (!isParty && principal.companyKind !== 'platform')) throw notFound('order', orderId);
      if (order.buyer_company_id !== principal.companyId)
        throw forbidden('Only the order’s buyer can open a claim on it.');
      if (!can(principal, 'orders:place'))
        throw forbidden(`Your role (${principal.role}) cannot open claims (it needs orders:place).`);
      if (!CLAIMABLE_STATUSES.includes(order.status) || !order.delivered_at)
        throw new DomainError(
          'validation',
          'order_not_delivered',
          `A claim can be opened once the order is delivered; this one is ${order.status}.`,
          [{ field: 'orderId', message: `is ${order.status}, not delivered or completed` }],
        );
      const closesAt = new Date(new Date(order.delivered_at).getTime() + windowDays * DAY_MS);
      if (at > closesAt)
        throw new DomainError(
          'validation',
          'claim_window_closed',
          `Claims can be opened up to ${windowDays} days after delivery; this order's window closed at ${closesAt.toISOString()}.`,
          [{ field: 'orderId', message: `was delivered more than ${windowDays} days ago` }],
        );
      const open = await tx
        .selectFrom('claims')
        .select('id')
        .where('order_id', '=', orderId)
        .where('status', 'in', OPEN_STATUSES)
        .executeTakeFirst();
      if (open)
        throw new DomainError(
          'conflict',
          'claim_already_open',
          `This order already has an open claim (${open.id}); add to it, or withdraw it first.`,
        );
      const lines = await checkLines(tx, orderId, input.lines);

      const id = newId();
      const claim = {
        id,
        order_id: orderId,
        buyer_company_id: order.buyer_company_id,
        seller_company_id: order.seller_company_id,
      };
      await tx
        .insertInto('claims')
        .values({
          ...claim,
          opened_by: principal.userId,
          type: input.type,
          status: 'open',
          description: input.description,
          requested_outcome: input.requestedOutcome,
          currency: order.currency,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await tx
        .insertInto('claim_lines')
        .values(
          lines.map((l) => ({
            claim_id: id,
            order_line_id: l.orderLineId,
            line_no: l.lineNo,
            quantity: l.quantity,
          })),
        )
        .execute();
      await addTimeline(tx, {
        claimId: id,
        action: 'opened',
        actor,
        at,
        note: input.description,
        details: { type: input.type, requestedOutcome: input.requestedOutcome },
      });
      await recordClaimEvent<ClaimOpenedV1>(tx, claim, actor, at, {
        type: CLAIM_OPENED,
        payload: {
          claimId: id,
          orderId,
          buyerCompanyId: order.buyer_company_id,
          sellerCompanyId: order.seller_company_id,
          type: input.type,
          requestedOutcome: input.requestedOutcome,
          lines: input.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
          openedAt: at.toISOString(),
        },
      });
      const buyerName = await companyName(tx, order.buyer_company_id);
      const sent: Delivery = await notifyParties(tx, notifier, claim, actor, {
        to: 'seller',
        kind: 'claim.opened',
        title: `${buyerName} opened a claim about ${TYPE_LABEL[input.type]} and asks for a ${input.requestedOutcome}`,
        body: preview(input.description),
      });
      return { claimId: id, delivery: sent };
    });
    await notifier.sendEmails(delivery);
    return claimId;
  };
}
