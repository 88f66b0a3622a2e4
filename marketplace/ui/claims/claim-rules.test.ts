import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.ts';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_PER_CLAIM } from '../../claims/claim-evidence.ts';
import {
  CLAIM_OUTCOMES as API_OUTCOMES,
  CLAIM_STATUSES as API_STATUSES,
  CLAIM_TYPES as API_TYPES,
  OPEN_STATUSES as API_OPEN,
  REQUESTED_OUTCOMES as API_REQUESTED,
} from '../../claims/claim-state-machine.ts';
import { EVIDENCE_TYPES as API_EVIDENCE_TYPES } from '../../claims/image-signature.ts';
import {
  ageOf,
  checkClaimDraft,
  CLAIM_OUTCOMES,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  CLAIM_WINDOW_DAYS,
  claimEligibility,
  EVIDENCE_TYPES,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  OPEN_STATUSES,
  photoProblem,
  REQUESTED_OUTCOMES,
  type ClaimDraft,
} from './claim-rules.ts';

const words = {
  typeRequired: 'type?',
  noLines: 'lines?',
  units: (ordered: number) => `1..${ordered}`,
  descriptionRequired: 'description?',
  descriptionTooLong: (max: number) => `<${max}`,
  outcomeRequired: 'outcome?',
};

const draft = (over: Partial<ClaimDraft> = {}): ClaimDraft => ({
  type: 'damaged',
  lines: [
    { lineNo: 1, ordered: 24, chosen: true, units: '2' },
    { lineNo: 2, ordered: 12, chosen: false, units: '' },
  ],
  description: '  Two mugs arrived cracked.  ',
  requestedOutcome: 'refund',
  ...over,
});

describe('the claim screens follow the API’s rules', () => {
  it('uses the API’s own lists, limits and default window', () => {
    expect(CLAIM_TYPES).toEqual(API_TYPES);
    expect(REQUESTED_OUTCOMES).toEqual(API_REQUESTED);
    expect(CLAIM_OUTCOMES).toEqual(API_OUTCOMES);
    expect(CLAIM_STATUSES).toEqual(API_STATUSES);
    expect(OPEN_STATUSES).toEqual(API_OPEN);
    expect(EVIDENCE_TYPES).toEqual(API_EVIDENCE_TYPES);
    expect(MAX_PHOTO_BYTES).toBe(MAX_EVIDENCE_BYTES);
    expect(MAX_PHOTOS).toBe(MAX_EVIDENCE_PER_CLAIM);
    expect(CLAIM_WINDOW_DAYS).toBe(loadConfig({}).claimWindowDays);
  });
});

describe('whether a buyer may open a claim', () => {
  const delivered = '2026-11-01T10:00:00Z';
  const base = {
    orderStatus: 'delivered',
    deliveredAt: delivered,
    mayPlaceOrders: true,
    hasOpenClaim: false,
  };

  it('is open from delivery until the window closes, and says when it closes', () => {
    const within = claimEligibility({ ...base, now: new Date('2026-11-15T09:59:00Z') });
    expect(within).toEqual({ ok: true, closesAt: new Date('2026-11-15T10:00:00Z') });
    expect(claimEligibility({ ...base, orderStatus: 'completed', now: new Date(delivered) }).ok).toBe(true);
  });

  it('names the first thing in the way', () => {
    const now = new Date('2026-11-02T00:00:00Z');
    expect(claimEligibility({ ...base, mayPlaceOrders: false, now })).toEqual({ ok: false, why: 'role' });
    expect(claimEligibility({ ...base, orderStatus: 'shipped', deliveredAt: null, now })).toEqual({
      ok: false,
      why: 'not_delivered',
    });
    expect(claimEligibility({ ...base, hasOpenClaim: true, now })).toEqual({ ok: false, why: 'open_claim' });
    expect(claimEligibility({ ...base, now: new Date('2026-11-15T10:00:01Z') })).toEqual({
      ok: false,
      why: 'window_closed',
      closesAt: new Date('2026-11-15T10:00:00Z'),
    });
    expect(claimEligibility({ ...base, windowDays: 30, now: new Date('2026-11-20T00:00:00Z') }).ok).toBe(
      true,
    );
  });
});

describe('photos', () => {
  it('turns away what the API would refuse before sending it', () => {
    expect(photoProblem({ type: 'image/png', size: 1000 }, 0)).toBeNull();
    expect(photoProblem({ type: 'image/webp', size: MAX_PHOTO_BYTES }, 5)).toBeNull();
    expect(photoProblem({ type: 'image/gif', size: 1000 }, 0)).toBe('type');
    expect(photoProblem({ type: 'application/pdf', size: 1000 }, 0)).toBe('type');
    expect(photoProblem({ type: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 }, 0)).toBe('size');
    expect(photoProblem({ type: 'image/jpeg', size: 0 }, 0)).toBe('empty');
    expect(photoProblem({ type: 'image/jpeg', size: 10 }, MAX_PHOTOS)).toBe('count');
  });
});

describe('the claim form', () => {
  it('sends the chosen lines and units, trimmed, as the API takes them', () => {
    expect(checkClaimDraft(draft(), words)).toEqual({
      ok: true,
      body: {
        type: 'damaged',
        lines: [{ lineNo: 1, quantity: 2 }],
        description: 'Two mugs arrived cracked.',
        requestedOutcome: 'refund',
      },
    });
  });

  it('never asks for more units than were ordered, nor for none, nor for parts of one', () => {
    for (const units of ['25', '0', '', '1.5', '-1', 'two'])
      expect(
        checkClaimDraft(draft({ lines: [{ lineNo: 1, ordered: 24, chosen: true, units }] }), words),
      ).toEqual({ ok: false, problems: { 'units-1': '1..24' } });
    expect(
      checkClaimDraft(draft({ lines: [{ lineNo: 1, ordered: 24, chosen: true, units: '24' }] }), words).ok,
    ).toBe(true);
  });

  it('names every missing part at once', () => {
    const empty = draft({
      type: '',
      lines: draft().lines.map((l) => ({ ...l, chosen: false })),
      description: '   ',
      requestedOutcome: '',
    });
    expect(checkClaimDraft(empty, words)).toEqual({
      ok: false,
      problems: {
        type: 'type?',
        lines: 'lines?',
        description: 'description?',
        requestedOutcome: 'outcome?',
      },
    });
    expect(checkClaimDraft(draft({ description: 'x'.repeat(5001) }), words)).toEqual({
      ok: false,
      problems: { description: '<5000' },
    });
  });
});

describe('how old a claim is', () => {
  it('reads an age in the largest whole unit', () => {
    const now = new Date('2026-11-10T12:00:00Z');
    expect(ageOf('2026-11-10T11:58:30Z', now)).toEqual({ value: 1, unit: 'minute' });
    expect(ageOf('2026-11-10T12:00:30Z', now)).toEqual({ value: 0, unit: 'minute' });
    expect(ageOf('2026-11-10T09:00:00Z', now)).toEqual({ value: 3, unit: 'hour' });
    expect(ageOf('2026-11-08T13:00:00Z', now)).toEqual({ value: 47, unit: 'hour' });
    expect(ageOf('2026-11-07T12:00:00Z', now)).toEqual({ value: 3, unit: 'day' });
  });
});
