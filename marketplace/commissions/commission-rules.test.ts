/**
 * The commission policy's table of worked examples. Each row is a case a manufacturer could ask about; the
 * expected figures were worked out by hand from the rules in commission-rules.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../db/schema.ts';
import { allocate, commissionFor, minimumCommission, type RateCard } from './commission-rules.ts';

const card = (negotiatedRateBps: number | null = null): RateCard => ({
  at: '2026-11-28T12:00:00.000Z',
  planRatesBps: { free: 500, professional: 350, enterprise: 250 },
  categoryRules: [
    { categorySlug: 'beauty', kind: 'adjustment', adjustmentBps: 100 },
    { categorySlug: 'jewellery', kind: 'adjustment', adjustmentBps: 100 },
    { categorySlug: 'food', kind: 'adjustment', adjustmentBps: -50 },
    { categorySlug: 'grains', kind: 'adjustment', adjustmentBps: -50 },
    { categorySlug: 'camping', kind: 'promotion', adjustmentBps: 0 },
  ],
  volumeTiers: [
    { minMonthGmvUsdMinor: 0, discountBps: 0 },
    { minMonthGmvUsdMinor: 1_000_000, discountBps: 50 },
    { minMonthGmvUsdMinor: 5_000_000, discountBps: 100 },
    { minMonthGmvUsdMinor: 10_000_000, discountBps: 150 },
    { minMonthGmvUsdMinor: 50_000_000, discountBps: 150 },
  ],
  negotiatedRateBps,
});

type Row = {
  example: string;
  plan: Plan;
  monthGmvUsd: number;
  lines: Array<[number, string | null]>;
  usdRate?: string;
  negotiated?: number;
  rates: number[];
  amount: number;
  shares?: number[];
  minimum?: boolean;
};

const TABLE: Row[] = [
  {
    example: 'Free plan, $1,000 of tableware',
    plan: 'free',
    monthGmvUsd: 0,
    lines: [[100_000, 'home/kitchen/tableware']],
    rates: [500],
    amount: 5_000,
  },
  {
    example: 'Professional, skincare is high-margin (+1.0 %)',
    plan: 'professional',
    monthGmvUsd: 0,
    lines: [[100_000, 'beauty/skincare']],
    rates: [450],
    amount: 4_500,
  },
  {
    example: 'Enterprise, grains: the deepest rule wins (-0.5 %, not -1.0 %)',
    plan: 'enterprise',
    monthGmvUsd: 0,
    lines: [[100_000, 'food/pantry/grains']],
    rates: [200],
    amount: 2_000,
  },
  {
    example: 'Professional at $20K this month: -0.5 %',
    plan: 'professional',
    monthGmvUsd: 2_000_000,
    lines: [[100_000, 'home/kitchen/tableware']],
    rates: [300],
    amount: 3_000,
  },
  {
    example: 'Professional at $9,999.99: no discount yet',
    plan: 'professional',
    monthGmvUsd: 999_999,
    lines: [[100_000, 'home']],
    rates: [350],
    amount: 3_500,
  },
  {
    example: 'Professional at $60K: -1.0 %',
    plan: 'professional',
    monthGmvUsd: 6_000_000,
    lines: [[100_000, 'home']],
    rates: [250],
    amount: 2_500,
  },
  {
    example: 'Free plan at $200K: Free gets no volume discount',
    plan: 'free',
    monthGmvUsd: 20_000_000,
    lines: [[100_000, 'home']],
    rates: [500],
    amount: 5_000,
  },
  {
    example: 'Enterprise at $150K: -1.5 % stops at the 1.5 % floor',
    plan: 'enterprise',
    monthGmvUsd: 15_000_000,
    lines: [[100_000, 'home']],
    rates: [150],
    amount: 1_500,
  },
  {
    example: 'Enterprise food at $150K: 2.0 % - 1.5 % floors at 1.5 %',
    plan: 'enterprise',
    monthGmvUsd: 15_000_000,
    lines: [[100_000, 'food/snacks']],
    rates: [150],
    amount: 1_500,
  },
  {
    example: 'Enterprise at $600K with a negotiated 1.8 %',
    plan: 'enterprise',
    monthGmvUsd: 60_000_000,
    negotiated: 180,
    lines: [[100_000, 'beauty']],
    rates: [180],
    amount: 1_800,
  },
  {
    example: 'Negotiated rate applies only from $500K',
    plan: 'enterprise',
    monthGmvUsd: 30_000_000,
    negotiated: 180,
    lines: [[100_000, 'home']],
    rates: [150],
    amount: 1_500,
  },
  {
    example: 'Professional at $600K without a negotiated rate keeps -1.5 %',
    plan: 'professional',
    monthGmvUsd: 60_000_000,
    lines: [[100_000, 'home']],
    rates: [200],
    amount: 2_000,
  },
  {
    example: 'Camping runs a 0 % promotion: nothing, not even the minimum',
    plan: 'professional',
    monthGmvUsd: 0,
    lines: [[100_000, 'outdoor/camping']],
    rates: [0],
    amount: 0,
  },
  {
    example: '$10 order: 3.5 % is 35 cents, the minimum is 50',
    plan: 'professional',
    monthGmvUsd: 0,
    lines: [[1_000, 'home']],
    rates: [350],
    amount: 50,
    minimum: true,
  },
  {
    example: 'EUR order: the minimum is US$0.50 at 1.08 = 46 cents',
    plan: 'professional',
    monthGmvUsd: 0,
    usdRate: '1.08',
    lines: [[1_000, 'home']],
    rates: [350],
    amount: 46,
    minimum: true,
  },
  {
    example: 'GBP order: the minimum is US$0.50 at 1.27 = 39 pence',
    plan: 'professional',
    monthGmvUsd: 0,
    usdRate: '1.27',
    lines: [[1_000, 'home']],
    rates: [350],
    amount: 39,
    minimum: true,
  },
  {
    example: 'Half a cent rounds up: $123.00 x 2.5 % = 307.5 -> 308',
    plan: 'enterprise',
    monthGmvUsd: 0,
    lines: [[12_300, 'home']],
    rates: [250],
    amount: 308,
  },
  {
    example: 'Below half a cent rounds down: $123.45 x 3.5 % = 432.075 -> 432',
    plan: 'professional',
    monthGmvUsd: 0,
    lines: [[12_345, 'home']],
    rates: [350],
    amount: 432,
  },
  {
    example: 'Three lines, three rules: rounded once, shares add up',
    plan: 'professional',
    monthGmvUsd: 0,
    lines: [
      [50_000, 'beauty/bath/soap'],
      [30_000, 'food/pantry/oils'],
      [20_000, 'outdoor/camping'],
    ],
    rates: [450, 300, 0],
    amount: 3_150,
    shares: [2_250, 900, 0],
  },
  {
    example: 'The minimum is shared by chargeable lines only',
    plan: 'professional',
    monthGmvUsd: 0,
    lines: [
      [1_000, 'home'],
      [5_000, 'outdoor/camping'],
    ],
    rates: [350, 0],
    amount: 50,
    shares: [50, 0],
    minimum: true,
  },
  {
    example:
      'Rounded once: 35.35 + 35.35 = 70.7 -> 71 (rounding each line would give 70); the odd cent goes to line 1',
    plan: 'professional',
    monthGmvUsd: 0,
    lines: [
      [1_010, 'home'],
      [1_010, 'home'],
    ],
    rates: [350, 350],
    amount: 71,
    shares: [36, 35],
  },
];

describe('commission: the table of worked examples', () => {
  it.each(TABLE)('$example', (row) => {
    const snapshot = commissionFor(card(row.negotiated ?? null), {
      plan: row.plan,
      usdRate: row.usdRate ?? '1',
      monthGmvUsdMinor: row.monthGmvUsd,
      lines: row.lines.map(([lineTotalMinor, categoryPath], i) => ({
        lineNo: i + 1,
        lineTotalMinor,
        categoryPath,
      })),
    });
    expect(snapshot.lines.map((l) => l.rateBps)).toEqual(row.rates);
    expect(snapshot.amountMinor).toBe(row.amount);
    expect(snapshot.minimumApplied).toBe(row.minimum ?? false);
    expect(snapshot.lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(row.amount);
    if (row.shares) expect(snapshot.lines.map((l) => l.amountMinor)).toEqual(row.shares);
  });

  it('keeps the rate card moment and the inputs in the snapshot, so history can be explained later', () => {
    const snapshot = commissionFor(card(), {
      plan: 'professional',
      usdRate: '1',
      monthGmvUsdMinor: 2_000_000,
      lines: [{ lineNo: 1, lineTotalMinor: 100_000, categoryPath: 'beauty/skincare' }],
    });
    expect(snapshot).toMatchObject({
      rateCardAt: '2026-11-28T12:00:00.000Z',
      baseRateBps: 350,
      volumeTier: 2,
      volumeTierMinMonthGmvUsdMinor: 1_000_000,
      volumeDiscountBps: 50,
      monthGmvUsdMinor: 2_000_000,
      effectiveRateBps: 400,
      lines: [
        { categorySlug: 'beauty', adjustmentBps: 100, promotion: false, rateBps: 400, amountMinor: 4_000 },
      ],
    });
  });
});

describe('money helpers of the commission', () => {
  it('allocates by largest remainder and never loses a cent', () => {
    expect(allocate(100, [1n, 1n, 1n])).toEqual([34, 33, 33]);
    expect(allocate(7, [0n, 5n, 5n])).toEqual([0, 4, 3]);
    expect(allocate(0, [3n, 4n])).toEqual([0, 0]);
  });
  it('converts the US$0.50 minimum at the order rate, half away from zero', () => {
    expect(minimumCommission('1')).toBe(50);
    expect(minimumCommission('1.08')).toBe(46);
    expect(minimumCommission('1.27')).toBe(39);
    expect(minimumCommission('0.80')).toBe(63); // 62.5 -> 63
  });
});
