/**
 * Claims as their parties and platform staff read them: one claim with its lines, what it asks in money
 * (claim-amounts.ts), the manufacturer's response, the resolution, the evidence list and the dated timeline; and
 * a paginated list of the caller's claims (all of them for platform staff). Timeline rows say which side acted
 * (buyer, seller, admin), never another company's user ids, as the order timeline does.
 */
import { forbidden } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { amountAskedMinor, amountsAskedMinor } from './claim-amounts.ts';
import { claimForViewer, viewerOf, type ClaimRow, type ClaimViewer } from './claim-access.ts';
import { nextClaimActions, type ClaimAction, type ClaimStatus } from './claim-state-machine.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export interface ClaimSummary {
  id: string;
  orderId: string;
  buyer: { id: string; name: string };
  seller: { id: string; name: string };
  type: ClaimRow['type'];
  status: ClaimRow['status'];
  requestedOutcome: ClaimRow['requested_outcome'];
  currency: string;
  /** The claimed units at the order's unit prices before tax, for a refund request; null for a replacement. */
  amountAskedMinor: number | null;
  description: string;
  response: {
    decision: 'accepted' | 'disputed';
    proposedOutcome: string | null;
    proposedAmountMinor: number | null;
    note: string | null;
    at: string;
  } | null;
  resolution: {
    outcome: string;
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

export interface ClaimDetails extends ClaimSummary {
  lines: Array<{
    lineNo: number;
    productId: string;
    sku: string;
    name: string;
    ordered: number;
    quantity: number;
  }>;
  evidence: Array<{
    id: string;
    contentType: string;
    sizeBytes: number;
    uploadedBy: 'buyer' | 'seller';
    createdAt: string;
    url: string;
  }>;
  timeline: Array<{
    at: string;
    action: string;
    by: 'buyer' | 'seller' | 'admin' | 'system';
    note: string | null;
    details: Record<string, string | number>;
  }>;
}

type Row = ClaimRow & { buyer_name: string; seller_name: string };

function summaryOf(row: Row, viewer: ClaimViewer | undefined, asked: number | null): ClaimSummary {
  const acting = viewer === 'staff' ? undefined : viewer;
  return {
    id: row.id,
    orderId: row.order_id,
    buyer: { id: row.buyer_company_id, name: row.buyer_name },
    seller: { id: row.seller_company_id, name: row.seller_name },
    type: row.type,
    status: row.status,
    requestedOutcome: row.requested_outcome,
    currency: row.currency,
    amountAskedMinor: asked,
    description: row.description,
    response:
      row.seller_response && row.responded_at
        ? {
            decision: row.seller_response,
            proposedOutcome: row.proposed_outcome,
            proposedAmountMinor: row.proposed_amount_minor,
            note: row.seller_note,
            at: iso(row.responded_at)!,
          }
        : null,
    resolution:
      row.status === 'resolved' && row.resolution_outcome
        ? {
            outcome: row.resolution_outcome,
            amountMinor: row.resolution_amount_minor ?? 0,
            refundId: row.refund_id,
            resolvedBy: row.resolved_by ?? 'admin',
            note: row.resolution_note,
            at: iso(row.closed_at)!,
          }
        : null,
    openedAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    closedAt: iso(row.closed_at),
    // A proposal is only acceptable when it was an acceptance; a dispute leaves escalation or withdrawal.
    next: nextClaimActions(row.status, acting).filter(
      (a) => a !== 'accept' || row.seller_response === 'accepted',
    ),
  };
}

function withNames(db: Db) {
  return db
    .selectFrom('claims as c')
    .innerJoin('companies as b', 'b.id', 'c.buyer_company_id')
    .innerJoin('companies as s', 's.id', 'c.seller_company_id')
    .selectAll('c')
    .select(['b.name as buyer_name', 's.name as seller_name']);
}

export async function getClaimDetails(db: Db, principal: Principal, claimId: string): Promise<ClaimDetails> {
  const { viewer } = await claimForViewer(db, principal, claimId);
  const row = (await withNames(db).where('c.id', '=', claimId).executeTakeFirstOrThrow()) as Row;
  const [lines, evidence, timeline] = await Promise.all([
    db
      .selectFrom('claim_lines as cl')
      .innerJoin('order_lines as l', 'l.id', 'cl.order_line_id')
      .innerJoin('products as p', 'p.id', 'l.product_id')
      .leftJoin('product_variants as v', 'v.id', 'l.variant_id')
      .select(['cl.line_no', 'cl.quantity', 'l.quantity as ordered', 'l.product_id', 'p.name', 'p.sku'])
      .select('l.unit_price_minor')
      .select('v.sku as variant_sku')
      .where('cl.claim_id', '=', claimId)
      .orderBy('cl.line_no')
      .execute(),
    db.selectFrom('claim_evidence').selectAll().where('claim_id', '=', claimId).orderBy('id').execute(),
    db.selectFrom('claim_timeline').selectAll().where('claim_id', '=', claimId).orderBy('id').execute(),
  ]);
  const sideOf = (companyId: string | null, kind: 'user' | 'system') =>
    kind === 'system'
      ? 'system'
      : companyId === row.buyer_company_id
        ? 'buyer'
        : companyId === row.seller_company_id
          ? 'seller'
          : 'admin';
  return {
    ...summaryOf(
      row,
      viewer,
      amountAskedMinor(
        row.requested_outcome,
        lines.map((l) => ({ quantity: l.quantity, unitPriceMinor: l.unit_price_minor })),
      ),
    ),
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.variant_sku ?? l.sku,
      name: l.name,
      ordered: l.ordered,
      quantity: l.quantity,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      contentType: e.content_type,
      sizeBytes: e.size_bytes,
      uploadedBy: e.uploaded_by_company_id === row.seller_company_id ? 'seller' : 'buyer',
      createdAt: iso(e.created_at)!,
      url: `/api/v1/claims/${claimId}/evidence/${e.id}`,
    })),
    timeline: timeline.map((t) => ({
      at: iso(t.at)!,
      action: t.action,
      by: sideOf(t.actor_company_id, t.actor_kind),
      note: t.note,
      details: t.details,
    })),
  };
}

export interface ClaimListFilter {
  status?: ClaimStatus;
  orderId?: string;
  /** newest (default): by when opened, newest first; longest_waiting: by the last change, oldest first (a queue). */
  sort?: 'newest' | 'longest_waiting';
  limit: number;
  offset: number;
}

/** Newest first, or as a queue. Companies see the claims they are a party to; platform staff see every claim. */
export async function listClaims(db: Db, principal: Principal, filter: ClaimListFilter) {
  if (principal.companyKind !== 'platform' && !can(principal, 'orders:read'))
    throw forbidden('You do not have access to your company’s orders and claims.');
  let query = withNames(db);
  if (principal.companyKind !== 'platform')
    query = query.where((eb) =>
      eb.or([
        eb('c.buyer_company_id', '=', principal.companyId),
        eb('c.seller_company_id', '=', principal.companyId),
      ]),
    );
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.orderId) query = query.where('c.order_id', '=', filter.orderId);
  const ordered =
    filter.sort === 'longest_waiting'
      ? query.orderBy('c.updated_at', 'asc').orderBy('c.id', 'asc')
      : query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
  const rows = (await ordered
    .limit(filter.limit + 1)
    .offset(filter.offset)
    .execute()) as Row[];
  const page = rows.slice(0, filter.limit);
  const asked = await amountsAskedMinor(db, page);
  return {
    items: page.map((r) => summaryOf(r, viewerOf(principal, r), asked.get(r.id) ?? null)),
    hasMore: rows.length > filter.limit,
  };
}
