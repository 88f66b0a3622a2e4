import { describe, expect, it } from 'vitest';
import { auditQuery, changeLines, checkAuditFilters, type AuditFilters } from './audit-filters.ts';
import { currentlyHidden } from './moderation.ts';
import type { AuditEntry } from './types.ts';

const none: AuditFilters = { action: '', actorId: '', targetId: '', companyId: '', from: '', to: '' };
const uuid = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('the audit log filters', () => {
  it('name a malformed action, id or range before asking the API', () => {
    expect(checkAuditFilters(none)).toEqual({});
    expect(
      checkAuditFilters({
        ...none,
        action: 'Company Suspended',
        actorId: '42',
        from: '2026-03-02',
        to: '2026-03-01',
      }),
    ).toEqual({ action: 'action', actorId: 'id', to: 'order' });
    expect(checkAuditFilters({ ...none, action: 'company.suspended', companyId: uuid })).toEqual({});
  });

  it('ask for whole UTC days: "until" a day includes all of it', () => {
    const q = new URLSearchParams(
      auditQuery({ ...none, action: 'product.hidden', from: '2026-02-28', to: '2026-02-28' }, 50, 100),
    );
    expect(Object.fromEntries(q)).toEqual({
      action: 'product.hidden',
      from: '2026-02-28T00:00:00Z',
      to: '2026-03-01T00:00:00Z',
      limit: '50',
      offset: '100',
    });
  });
});

const entry = (action: string, productId: string, at: string, id = at): AuditEntry => ({
  id,
  occurredAt: at,
  actor: { kind: 'user', userId: uuid, companyId: null },
  action,
  target: { type: 'product', id: productId, companyId: 'seller-1' },
  reason: `${action} ${productId}`,
  before: null,
  after: null,
});

describe('hidden listings from the audit log', () => {
  it('keep a listing whose latest moderation hid it, newest first, and drop one shown again since', () => {
    const hidden = [
      entry('product.hidden', 'p1', '2026-03-01T10:00:00.000Z'),
      entry('product.hidden', 'p2', '2026-03-02T10:00:00.000Z'),
      entry('product.hidden', 'p3', '2026-03-03T10:00:00.000Z'),
    ];
    const shown = [
      entry('product.unhidden', 'p1', '2026-03-01T11:00:00.000Z'),
      // Shown again, then hidden again later: hidden.
      entry('product.unhidden', 'p3', '2026-03-02T09:00:00.000Z'),
    ];
    expect(currentlyHidden(hidden, shown)).toEqual([
      {
        productId: 'p3',
        sellerCompanyId: 'seller-1',
        reason: 'product.hidden p3',
        hiddenAt: '2026-03-03T10:00:00.000Z',
      },
      {
        productId: 'p2',
        sellerCompanyId: 'seller-1',
        reason: 'product.hidden p2',
        hiddenAt: '2026-03-02T10:00:00.000Z',
      },
    ]);
  });

  it('settle two moderations in the same millisecond by the later (time-ordered) id', () => {
    const at = '2026-03-01T10:00:00.000Z';
    expect(
      currentlyHidden([entry('product.hidden', 'p1', at, 'a')], [entry('product.unhidden', 'p1', at, 'b')]),
    ).toEqual([]);
  });
});

describe('an audit entry’s changes', () => {
  it('read as one line per field that changed', () => {
    expect(changeLines({ status: 'active', plan: 'free' }, { status: 'suspended', plan: 'free' })).toEqual([
      { field: 'status', before: 'active', after: 'suspended' },
    ]);
    // Fields that appear or disappear, and values that are not text.
    expect(changeLines(null, { documentId: 'd1', kind: 'tax_id' })).toEqual([
      { field: 'documentId', before: null, after: 'd1' },
      { field: 'kind', before: null, after: 'tax_id' },
    ]);
    expect(changeLines({ tiers: [1, 2] }, {})).toEqual([{ field: 'tiers', before: '[1,2]', after: null }]);
    expect(changeLines(['a'], 'b')).toEqual([{ field: '', before: '["a"]', after: 'b' }]);
  });
});
