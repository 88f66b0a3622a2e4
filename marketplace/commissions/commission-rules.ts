/**
 * The commission policy as one pure function, so the table of worked examples in commission-rules.test.ts
 * pins every rule. The rates come from the effective-dated rate card (rate-card.ts) and every order stores
 * the snapshot this returns, so changing a rate never rewrites history.
 *
 * Rules (rates in basis points, 1 bp = 0.01 %):
 * - base rate by the manufacturer's plan (Free 500, Professional 350, Enterprise 250);
 * - a category adjustment per line (high-margin +100, low-margin -50): the deepest rule on the line's
 *   category path wins; a line in a category with a running promotion is charged 0;
 * - a volume discount by the manufacturer's GMV so far this calendar month, in USD, before this order
 *   (none on the Free plan); above the top tier a negotiated rate, where one exists, replaces base, adjustment
 *   and discount for every line not on promotion;
 * - a discount never takes a line below 150 bp (1.5 %), unless its rate was already lower before the discount;
 * - at least the minimum commission (US$0.50 in the order's currency) when any line is chargeable; no cap.
 *
 * Rounding: the order's commission is sum(line total x line rate) / 10,000, rounded once, half away from zero.
 * Line shares are then allocated by largest remainder so they add up to the order's amount exactly (refunds
 * reverse commission per line from these shares).
 */
import { roundRatio } from '../../platform/money.ts';
import type { Plan } from '../db/schema.ts';

export const RATE_FLOOR_BPS = 150;
/** The minimum commission, in US cents; converted to the order's currency at the order's FX rate. */
export const MINIMUM_COMMISSION_USD_MINOR = 50;

export interface RateCard {
  /** The moment the card was read for (the order's placement time). */
  at: string;
  planRatesBps: Record<Plan, number>;
  categoryRules: Array<{ categorySlug: string; kind: 'adjustment' | 'promotion'; adjustmentBps: number }>;
  /** Ascending by threshold; the first tier starts at 0. */
  volumeTiers: Array<{ minMonthGmvUsdMinor: number; discountBps: number }>;
  /** The manufacturer's negotiated rate, if any (used only above the top volume tier). */
  negotiatedRateBps: number | null;
}

export interface CommissionInput {
  plan: Plan;
  /** USD per unit of the order's currency, as a decimal string (the order's FX rate). */
  usdRate: string;
  /** The manufacturer's GMV so far this calendar month, before this order, in USD minor units. */
  monthGmvUsdMinor: number;
  lines: Array<{ lineNo: number; lineTotalMinor: number; categoryPath: string | null }>;
}

export interface CommissionSnapshot {
  rateCardAt: string;
  plan: Plan;
  baseRateBps: number;
  monthGmvUsdMinor: number;
  /**
   * The volume tier the month's GMV reached, 1 for the lowest (from $0), and where that tier starts; for
   * analytics (GMV and take rate by tier). Free plans reach tiers too, without a discount. Absent from snapshots
   * stored before it was added.
   */
  volumeTier?: number;
  volumeTierMinMonthGmvUsdMinor?: number;
  volumeDiscountBps: number;
  negotiatedRateBps: number | null;
  lines: Array<{
    lineNo: number;
    categorySlug: string | null;
    adjustmentBps: number;
    promotion: boolean;
    rateBps: number;
    amountMinor: number;
  }>;
  minimumMinor: number;
  minimumApplied: boolean;
  /** Commission / subtotal in basis points, rounded: for reports; the lines hold the exact rates. */
  effectiveRateBps: number;
  amountMinor: number;
}

/** The deepest rule on the category path ("food/pantry/grains" matches grains, then pantry, then food). */
function ruleFor(card: RateCard, categoryPath: string | null) {
  if (!categoryPath) return undefined;
  const slugs = categoryPath.split('/').reverse();
  for (const slug of slugs) {
    const promotion = card.categoryRules.find((r) => r.categorySlug === slug && r.kind === 'promotion');
    if (promotion) return promotion;
    const adjustment = card.categoryRules.find((r) => r.categorySlug === slug);
    if (adjustment) return adjustment;
  }
  return undefined;
}

function volumeDiscount(card: RateCard, plan: Plan, monthGmvUsdMinor: number) {
  let discountBps = 0;
  let tierIndex = 0;
  card.volumeTiers.forEach((tier, i) => {
    if (monthGmvUsdMinor >= tier.minMonthGmvUsdMinor) {
      discountBps = tier.discountBps;
      tierIndex = i;
    }
  });
  const tier = { tierIndex, tierFrom: card.volumeTiers[tierIndex]?.minMonthGmvUsdMinor ?? 0 };
  if (plan === 'free') return { ...tier, discountBps: 0, topTier: false };
  return { ...tier, discountBps, topTier: tierIndex === card.volumeTiers.length - 1 && tierIndex > 0 };
}

/** Splits `total` over `weights` in proportion, by largest remainder, so the parts add up exactly. */
export function allocate(total: number, weights: bigint[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(total) * w);
  const parts = exact.map((e) => e / sum);
  let left = BigInt(total) - parts.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, remainder: e % sum }))
    .sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/** The minimum commission in the order's currency: US$0.50 / usdRate, half away from zero. */
export function minimumCommission(usdRate: string): number {
  const [whole, fraction = ''] = usdRate.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const rate = BigInt(whole! + fraction);
  return Number(roundRatio(BigInt(MINIMUM_COMMISSION_USD_MINOR) * scale, rate));
}

export function commissionFor(card: RateCard, input: CommissionInput): CommissionSnapshot {
  const baseRateBps = card.planRatesBps[input.plan];
  const { discountBps, topTier, tierIndex, tierFrom } = volumeDiscount(
    card,
    input.plan,
    input.monthGmvUsdMinor,
  );
  const negotiated = topTier ? card.negotiatedRateBps : null;

  const lines = input.lines.map((line) => {
    const rule = ruleFor(card, line.categoryPath);
    const promotion = rule?.kind === 'promotion';
    const adjustmentBps = rule && !promotion ? rule.adjustmentBps : 0;
    let rateBps: number;
    if (promotion) rateBps = 0;
    else if (negotiated !== null) rateBps = negotiated;
    else {
      const beforeDiscount = baseRateBps + adjustmentBps;
      rateBps = Math.max(beforeDiscount - discountBps, Math.min(RATE_FLOOR_BPS, beforeDiscount));
    }
    return { ...line, categorySlug: rule?.categorySlug ?? null, adjustmentBps, promotion, rateBps };
  });

  const weighted = lines.map((l) => BigInt(l.lineTotalMinor) * BigInt(l.rateBps));
  const computed = Number(
    roundRatio(
      weighted.reduce((a, b) => a + b, 0n),
      10_000n,
    ),
  );
  const chargeable = lines.filter((l) => !l.promotion);
  const minimumMinor = minimumCommission(input.usdRate);
  const minimumApplied = chargeable.length > 0 && computed < minimumMinor;
  const amountMinor = minimumApplied ? minimumMinor : computed;
  // The minimum is shared by the chargeable lines in proportion to their totals (their rates may be 0 only
  // through a promotion, which is excluded).
  const shares = minimumApplied
    ? allocate(
        amountMinor,
        lines.map((l) => (l.promotion ? 0n : BigInt(l.lineTotalMinor))),
      )
    : allocate(amountMinor, weighted);
  const subtotal = input.lines.reduce((s, l) => s + l.lineTotalMinor, 0);

  return {
    rateCardAt: card.at,
    plan: input.plan,
    baseRateBps,
    monthGmvUsdMinor: input.monthGmvUsdMinor,
    volumeTier: tierIndex + 1,
    volumeTierMinMonthGmvUsdMinor: tierFrom,
    volumeDiscountBps: negotiated !== null ? 0 : discountBps,
    negotiatedRateBps: negotiated,
    lines: lines.map((l, i) => ({
      lineNo: l.lineNo,
      categorySlug: l.categorySlug,
      adjustmentBps: l.adjustmentBps,
      promotion: l.promotion,
      rateBps: l.rateBps,
      amountMinor: shares[i]!,
    })),
    minimumMinor,
    minimumApplied,
    effectiveRateBps:
      subtotal === 0 ? 0 : Number(roundRatio(BigInt(amountMinor) * 10_000n, BigInt(subtotal))),
    amountMinor,
  };
}
