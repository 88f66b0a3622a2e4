/**
 * The order state machine: one table says which status change is allowed, from where, and by whom, and
 * `transitionOrder` is the only code that changes an order's status after it exists. It locks the order row,
 * checks the table, writes the status, one timeline row and one `order.status_changed` event in the caller's
 * transaction, and gives back the stock of an order that ends without shipping. Checkout calls it too
 * (pending_payment -> placed | expired), which is why it takes a transaction rather than opening one.
 */
import type { Transaction } from 'kysely';
import { systemActor, type Actor } from '../../platform/domain-event.ts';
import { DomainError, forbidden, notFound, type FieldProblem } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Permission, type Principal } from '../../platform/principal.ts';
import type { Database } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { ORDER_STATUS_CHANGED, type OrderStatusChangedV1 } from './events.ts';
import { releaseOrderStock } from './order-stock.ts';
import { proofPrefix } from './proof-of-delivery.ts';

export const ORDER_STATUSES = [
  'pending_payment',
  'placed',
  'accepted',
  'processing',
  'shipped',
  'delivered',
  'completed',
  'rejected',
  'cancelled',
  'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Who stands behind a change: the order's buyer, its seller, or the platform itself (checkout, jobs). */
export type OrderParty = 'buyer' | 'seller' | 'system';

type Requirement = 'reason' | 'carrier' | 'trackingNumber';

export interface TransitionRule {
  from: readonly OrderStatus[];
  to: OrderStatus;
  by: readonly OrderParty[];
  requires?: readonly Requirement[];
}

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: ['pending_payment'], to: 'placed', by: ['system'] },
  { from: ['pending_payment'], to: 'expired', by: ['system'] },
  { from: ['placed'], to: 'accepted', by: ['seller'] },
  { from: ['placed'], to: 'rejected', by: ['seller'], requires: ['reason'] },
  { from: ['accepted'], to: 'processing', by: ['seller'] },
  {
    from: ['accepted', 'processing'],
    to: 'shipped',
    by: ['seller'],
    requires: ['carrier', 'trackingNumber'],
  },
  // The seller may record delivery with a proof of delivery; the buyer may confirm receipt.
  { from: ['shipped'], to: 'delivered', by: ['seller', 'buyer'] },
  { from: ['delivered'], to: 'completed', by: ['buyer', 'system'] },
  {
    from: ['pending_payment', 'placed', 'accepted', 'processing'],
    to: 'cancelled',
    by: ['buyer', 'seller'],
    requires: ['reason'],
  },
];

/** Statuses an order leaves without the goods having left the seller: its stock goes back on the shelf. */
export const RELEASES_STOCK: ReadonlySet<OrderStatus> = new Set(['rejected', 'cancelled', 'expired']);

/** Being the buyer or the seller is not enough: the member's role must also allow acting on orders. */
export const PARTY_PERMISSION: Record<Exclude<OrderParty, 'system'>, Permission> = {
  buyer: 'orders:place',
  seller: 'orders:manage',
};

const PARTY_NAME: Record<OrderParty, string> = {
  buyer: 'the buyer',
  seller: 'the manufacturer',
  system: 'the platform',
};

const isStatus = (value: string): value is OrderStatus =>
  (ORDER_STATUSES as readonly string[]).includes(value);

/**
 * The rule that lets `party` move an order from `from` to `to`. Who may is asked before whether the order is
 * in a state for it, so a retailer trying to accept an order hears that only the manufacturer can (403),
 * whatever the order's status; a legal actor at the wrong moment gets 409 naming both statuses.
 */
export function ruleFor(from: string, to: OrderStatus, party: OrderParty): TransitionRule {
  const towards = TRANSITIONS.filter((t) => t.to === to);
  if (!towards.some((t) => t.by.includes(party))) {
    const parties = [...new Set(towards.flatMap((t) => t.by))].map((p) => PARTY_NAME[p]);
    throw new DomainError(
      'forbidden',
      'not_your_transition',
      `Only ${parties.join(' or ') || 'nobody'} can mark an order ${to}.`,
    );
  }
  const rule = towards.find((t) => t.by.includes(party) && isStatus(from) && t.from.includes(from));
  if (!rule) {
    const allowedFrom = [...new Set(towards.filter((t) => t.by.includes(party)).flatMap((t) => t.from))];
    throw new DomainError(
      'conflict',
      'illegal_transition',
      `An order cannot go from ${from} to ${to} (only from ${allowedFrom.join(', ')}).`,
    );
  }
  return rule;
}

/** The statuses `party` may move an order in `from` to, in table order (what a UI offers as next steps). */
export function nextStatuses(from: string, party: OrderParty): OrderStatus[] {
  if (!isStatus(from)) return [];
  return TRANSITIONS.filter((t) => t.from.includes(from) && t.by.includes(party)).map((t) => t.to);
}

export interface ShipmentDetails {
  carrier?: string;
  trackingNumber?: string;
  /** https only: buyers click it. */
  trackingUrl?: string;
  /** A storage key or URL of the signed delivery note or photo. */
  proofOfDeliveryKey?: string;
}

export interface TransitionRequest {
  orderId: string;
  to: OrderStatus;
  /** A signed-in member, or 'system' for checkout and scheduled jobs. */
  actor: Principal | 'system';
  at: Date;
  reason?: string;
  details?: ShipmentDetails;
}

export interface TransitionResult {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  at: string;
}

type Tx = Transaction<Database>;

function checkRequirements(rule: TransitionRule, reason: string | undefined, details: ShipmentDetails) {
  const problems: FieldProblem[] = [];
  const given = { reason, carrier: details.carrier, trackingNumber: details.trackingNumber };
  for (const field of rule.requires ?? []) {
    if (!given[field]?.trim()) problems.push({ field, message: `is required to mark an order ${rule.to}` });
  }
  if (
    rule.to === 'shipped' &&
    details.trackingUrl !== undefined &&
    !/^https:\/\/\S+$/.test(details.trackingUrl)
  ) {
    problems.push({ field: 'trackingUrl', message: 'must be an https:// URL' });
  }
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      'transition_details_invalid',
      `Cannot mark the order ${rule.to}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      problems,
    );
  }
}

/** The timestamp and shipment columns a transition sets on the order row, beside its status. */
function orderColumns(to: OrderStatus, at: Date, details: ShipmentDetails) {
  switch (to) {
    case 'accepted':
      return { accepted_at: at };
    case 'shipped':
      return {
        shipped_at: at,
        carrier: details.carrier!.trim(),
        tracking_number: details.trackingNumber!.trim(),
        tracking_url: details.trackingUrl ?? null,
      };
    case 'delivered':
      return { delivered_at: at, proof_of_delivery_key: details.proofOfDeliveryKey ?? null };
    case 'completed':
      return { completed_at: at };
    default:
      return {};
  }
}

/** What a timeline row keeps besides the reason: only the details that belong to that step. */
function historyDetails(to: OrderStatus, details: ShipmentDetails): Record<string, string> {
  const keep: Array<keyof ShipmentDetails> =
    to === 'shipped'
      ? ['carrier', 'trackingNumber', 'trackingUrl']
      : to === 'delivered'
        ? ['proofOfDeliveryKey']
        : [];
  return Object.fromEntries(keep.flatMap((k) => (details[k] ? [[k, details[k]!.trim()]] : [])));
}

export async function transitionOrder(tx: Tx, request: TransitionRequest): Promise<TransitionResult> {
  const { orderId, to, at } = request;
  const order = await tx
    .selectFrom('orders')
    .select(['id', 'status', 'buyer_company_id', 'seller_company_id'])
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw notFound('order', orderId);

  let party: OrderParty;
  let actor: Actor;
  if (request.actor === 'system') {
    party = 'system';
    actor = systemActor;
  } else {
    const principal = request.actor;
    if (principal.companyId === order.seller_company_id) party = 'seller';
    else if (principal.companyId === order.buyer_company_id) party = 'buyer';
    else if (principal.companyKind === 'platform')
      throw forbidden('Platform staff can see an order but only its buyer or seller can act on it.');
    // Anyone else must not learn that the order exists.
    else throw notFound('order', orderId);
    if (!can(principal, PARTY_PERMISSION[party])) {
      throw forbidden(
        `Your role (${principal.role}) cannot act on orders (it needs ${PARTY_PERMISSION[party]}).`,
      );
    }
    actor = { userId: principal.userId, companyId: principal.companyId, kind: 'user' };
  }

  const from = order.status as OrderStatus;
  const rule = ruleFor(from, to, party);
  const details = request.details ?? {};
  checkRequirements(rule, request.reason, details);
  // A delivery cites a file uploaded for this order (POST /api/v1/orders/{id}/proof-of-delivery), nothing else.
  if (
    details.proofOfDeliveryKey !== undefined &&
    !details.proofOfDeliveryKey.startsWith(proofPrefix(orderId))
  )
    throw new DomainError(
      'validation',
      'unknown_proof_of_delivery',
      'Upload the proof of delivery first (POST /api/v1/orders/{id}/proof-of-delivery) and send the key it returns.',
      [{ field: 'proofOfDeliveryKey', message: "is not a file uploaded for this order's delivery" }],
    );
  const reason = request.reason?.trim() || undefined;

  await tx
    .updateTable('orders')
    .set({ status: to, status_changed_at: at, ...orderColumns(to, at, details) })
    .where('id', '=', orderId)
    .execute();
  const kept = historyDetails(to, details);
  await tx
    .insertInto('order_status_history')
    .values({
      id: newId(),
      order_id: orderId,
      from_status: from,
      to_status: to,
      at,
      actor_kind: actor.kind,
      actor_user_id: actor.userId,
      actor_company_id: actor.companyId,
      reason: reason ?? null,
      details: JSON.stringify(kept),
    })
    .execute();
  if (RELEASES_STOCK.has(to)) {
    await releaseOrderStock(tx, { orderId, sellerCompanyId: order.seller_company_id, actor, at, status: to });
  }
  await recordEvent<OrderStatusChangedV1>(tx, {
    type: ORDER_STATUS_CHANGED,
    version: 1,
    aggregateType: 'order',
    aggregateId: orderId,
    companyIds: [order.buyer_company_id, order.seller_company_id],
    occurredAt: at,
    actor,
    payload: {
      orderId,
      buyerCompanyId: order.buyer_company_id,
      sellerCompanyId: order.seller_company_id,
      from,
      to,
      at: at.toISOString(),
      ...(reason ? { reason } : {}),
      ...(kept.carrier ? { carrier: kept.carrier } : {}),
      ...(kept.trackingNumber ? { trackingNumber: kept.trackingNumber } : {}),
    },
  });
  return { orderId, from, to, at: at.toISOString() };
}

/**
 * The first timeline row of a new order (from null to the status it was created in). Creating an order is
 * `order.placed`'s business, so this writes no `order.status_changed` event.
 */
export async function startTimeline(
  tx: Tx,
  entry: { orderId: string; status: OrderStatus; at: Date; actor: Actor },
): Promise<void> {
  await tx
    .insertInto('order_status_history')
    .values({
      id: newId(),
      order_id: entry.orderId,
      from_status: null,
      to_status: entry.status,
      at: entry.at,
      actor_kind: entry.actor.kind,
      actor_user_id: entry.actor.userId,
      actor_company_id: entry.actor.companyId,
      reason: null,
      details: '{}',
    })
    .execute();
}
