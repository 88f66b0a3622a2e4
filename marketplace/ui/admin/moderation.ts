/**
 * Which listings are hidden now, worked out from the audit log: per product, the latest moderation entry wins
 * (hidden, then shown again, is visible). Entries carry the seller (the audit record's company) and the reason.
 */
import type { AuditEntry } from './types.ts';

export interface HiddenListing {
  productId: string;
  sellerCompanyId: string;
  reason: string;
  hiddenAt: string;
}

export function currentlyHidden(hidden: AuditEntry[], shown: AuditEntry[]): HiddenListing[] {
  const latest = new Map<string, AuditEntry>();
  for (const entry of [...hidden, ...shown]) {
    const seen = latest.get(entry.target.id);
    // ISO 8601 UTC strings order as text; the id (UUIDv7, time-ordered) settles the same millisecond.
    if (!seen || [entry.occurredAt, entry.id].join() > [seen.occurredAt, seen.id].join())
      latest.set(entry.target.id, entry);
  }
  return [...latest.values()]
    .filter((e) => e.action === 'product.hidden')
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
    .map((e) => ({
      productId: e.target.id,
      sellerCompanyId: e.target.companyId ?? '',
      reason: e.reason ?? '',
      hiddenAt: e.occurredAt,
    }));
}
