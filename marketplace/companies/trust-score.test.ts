/** Worked examples of the trust score's formula (trust-score.ts), each computed by hand in its comment. */
import { describe, expect, it } from 'vitest';
import { trustScore, type TrustInputs } from './trust-score.ts';

const newcomer: TrustInputs = {
  verified: false,
  tenureDays: 0,
  decidedOrders: 0,
  shippedOrders: 0,
  shippedOnTime: 0,
  disputedOrders: 0,
  reviewCount: 0,
  averageRating: null,
};

describe('trust score', () => {
  it('gives an unverified newcomer half of each history part and nothing else: 10 + 7.5 * 3 = 32.5 -> 33, basic', () => {
    const result = trustScore(newcomer);
    expect(result.score).toBe(33);
    expect(result.badge).toBe('basic');
    expect(result.parts.verification).toEqual({ points: 0, max: 25, enoughHistory: true });
    expect(result.parts.fulfilment).toEqual({ points: 10, max: 20, enoughHistory: false });
  });

  it('adds 25 points and the verified badge when KYB is approved: 57.5 -> 58', () => {
    const result = trustScore({ ...newcomer, verified: true });
    expect(result.score).toBe(58);
    expect(result.badge).toBe('verified');
  });

  it('scores a flawless two-year seller 100 and premium', () => {
    const result = trustScore({
      verified: true,
      tenureDays: 800,
      decidedOrders: 40,
      shippedOrders: 40,
      shippedOnTime: 40,
      disputedOrders: 0,
      reviewCount: 12,
      averageRating: 5,
    });
    expect(result).toMatchObject({ score: 100, badge: 'premium' });
  });

  it('works a mixed record through every part', () => {
    // fulfilment 20 * 18/20 = 18; on time 15 * 15/18 = 12.5; disputes: 1/18 = 5.56 % of 10 % -> 15 * (1 - 0.5556)
    // = 6.667; reviews (4.2 - 1) / 4 * 15 = 12; tenure 365/730 * 10 = 5; verified 25. Total 79.167 -> 79.
    const result = trustScore({
      verified: true,
      tenureDays: 365,
      decidedOrders: 20,
      shippedOrders: 18,
      shippedOnTime: 15,
      disputedOrders: 1,
      reviewCount: 5,
      averageRating: 4.2,
    });
    expect(result.score).toBe(79);
    expect(result.badge).toBe('verified');
    expect(result.parts.disputes.points).toBe(6.7);
    expect(result.parts.onTime.points).toBe(12.5);
  });

  it('keeps premium for 20+ shipped orders: the same 80-point record with 19 shipments is only verified', () => {
    const record = {
      verified: true,
      tenureDays: 730,
      shippedOnTime: 19,
      disputedOrders: 0,
      reviewCount: 3,
      averageRating: 3, // 7.5 points: 25 + 20 + 15 + 15 + 7.5 + 10 = 92.5 -> 93
    };
    expect(trustScore({ ...record, decidedOrders: 19, shippedOrders: 19 })).toMatchObject({
      score: 93,
      badge: 'verified',
    });
    expect(trustScore({ ...record, decidedOrders: 20, shippedOrders: 20, shippedOnTime: 20 })).toMatchObject({
      score: 93,
      badge: 'premium',
    });
  });

  it('takes every dispute point away at a 10 % claim rate and never goes below zero beyond it', () => {
    const base = { ...newcomer, decidedOrders: 10, shippedOrders: 10, shippedOnTime: 10 };
    expect(trustScore({ ...base, disputedOrders: 1 }).parts.disputes.points).toBe(0);
    expect(trustScore({ ...base, disputedOrders: 5 }).parts.disputes.points).toBe(0);
    expect(trustScore({ ...base, disputedOrders: 0 }).parts.disputes.points).toBe(15);
  });

  it('rounds half up exactly once: 57.5 is 58, not 57', () => {
    // A one-star average with enough reviews: 0 review points. 25 + 10 + 7.5 + 7.5 + 0 + 7.5 (tenure 547.5 days).
    const result = trustScore({
      ...newcomer,
      verified: true,
      reviewCount: 3,
      averageRating: 1,
      tenureDays: 547.5,
    });
    expect(result.score).toBe(58);
  });

  it('does not let a newcomer with a bad start fall below the neutral half until there are 5 orders', () => {
    const fourRejected = trustScore({ ...newcomer, decidedOrders: 4, shippedOrders: 0 });
    expect(fourRejected.parts.fulfilment).toEqual({ points: 10, max: 20, enoughHistory: false });
    const fiveRejected = trustScore({ ...newcomer, decidedOrders: 5, shippedOrders: 0 });
    expect(fiveRejected.parts.fulfilment).toEqual({ points: 0, max: 20, enoughHistory: true });
  });
});
