/**
 * The audit log: who did what to whom, when, and what it looked like before and after. Every privileged action
 * (role changes, invitations, removals, suspensions, two-factor changes; later KYB decisions and price changes)
 * calls `recordAudit` inside the transaction that makes the change, so the change and its record commit together.
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import { newId } from '../../platform/ids.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

export interface AuditEntry {
  actor: Actor;
  /** `<target>.<verb>`, e.g. `member.role_changed`, `company.suspended`. */
  action: string;
  targetType: 'user' | 'company' | 'invitation' | 'product' | 'order';
  targetId: string;
  /** The company the target belongs to, so a company's history can be read in one query. */
  companyId: string | null;
  occurredAt: Date;
  reason?: string;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Transaction<Database>, entry: AuditEntry): Promise<string> {
  const id = newId();
  await tx
    .insertInto('audit_log')
    .values({
      id,
      occurred_at: entry.occurredAt,
      actor_kind: entry.actor.kind,
      actor_user_id: entry.actor.userId,
      actor_company_id: entry.actor.companyId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      company_id: entry.companyId,
      reason: entry.reason ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
  return id;
}

export interface AuditFilter {
  actorId?: string;
  targetId?: string;
  companyId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Newest first. `from` is inclusive, `to` exclusive. */
export async function queryAudit(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actorId) query = query.where('actor_user_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.companyId) query = query.where('company_id', '=', filter.companyId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  const rows = await query
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .offset(filter.offset)
    .execute();
  return {
    items: rows.slice(0, filter.limit).map((r) => ({
      id: r.id,
      occurredAt: new Date(r.occurred_at).toISOString(),
      actor: { kind: r.actor_kind, userId: r.actor_user_id, companyId: r.actor_company_id },
      action: r.action,
      target: { type: r.target_type, id: r.target_id, companyId: r.company_id },
      reason: r.reason,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    hasMore: rows.length > filter.limit,
  };
}
