/**
 * The trust score: 0-100, one pure function of a manufacturer's record, so the same inputs always give the same
 * score and a seller can be told exactly why it has the score it has. Buyers see the score and a badge on
 * product and manufacturer pages; admins see the parts.
 *
 * | part          | points | how                                                                                  |
 * |---------------|--------|--------------------------------------------------------------------------------------|
 * | verification  | 25     | KYB approved: 25, otherwise 0                                                        |
 * | fulfilment    | 20     | share of decided orders the seller shipped (vs. rejected or cancelled by the seller)|
 * | on-time       | 15     | share of shipped orders shipped by their ship-by date (placed + lead time + 2 days) |
 * | disputes      | 15     | 15 at no claims, falling linearly to 0 at claims on 10 % of shipped orders            |
 * | reviews       | 15     | average rating, 1 star = 0, 5 stars = 15                                             |
 * | tenure        | 10     | months on the platform, full marks at 24                                             |
 *
 * Order figures cover the last 365 days. A part with too little history to mean anything (fewer than 5 orders,
 * or fewer than 3 reviews) scores half its points: a newcomer is neither punished nor flattered. The total is
 * rounded half up once, at the end.
 *
 * Badges: `basic` for every manufacturer that is not verified; `verified` once KYB is approved; `premium` for a
 * verified manufacturer with a score of at least 80 and at least 20 shipped orders in the year. A paid plan
 * buys no badge: trust cannot be bought.
 */
import type { TrustBadge } from '../db/schema.ts';

export interface TrustInputs {
  verified: boolean;
  /** Days since the company registered. */
  tenureDays: number;
  /** Orders the seller shipped (or later) plus orders it rejected or cancelled, in the window. */
  decidedOrders: number;
  shippedOrders: number;
  shippedOnTime: number;
  /** Shipped orders with at least one claim. */
  disputedOrders: number;
  reviewCount: number;
  /** 1-5, or null without reviews. */
  averageRating: number | null;
}

export const POINTS = {
  verification: 25,
  fulfilment: 20,
  onTime: 15,
  disputes: 15,
  reviews: 15,
  tenure: 10,
} as const;

export const MIN_ORDERS = 5;
export const MIN_REVIEWS = 3;
/** The claim rate at which the disputes part reaches zero. */
export const DISPUTE_RATE_AT_ZERO = 0.1;
export const TENURE_FULL_DAYS = 730;
export const PREMIUM_MIN_SCORE = 80;
export const PREMIUM_MIN_SHIPPED = 20;

export type TrustPart = keyof typeof POINTS;

export interface TrustScore {
  score: number;
  badge: TrustBadge;
  /** Points per part (one decimal) and whether the part had enough history to count. */
  parts: Record<TrustPart, { points: number; max: number; enoughHistory: boolean }>;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.min(1, Math.max(0, part / whole)));

export function trustScore(input: TrustInputs): TrustScore {
  const half = (part: TrustPart) => ({ points: POINTS[part] / 2, enoughHistory: false });
  const full = (part: TrustPart, share: number) => ({ points: POINTS[part] * share, enoughHistory: true });

  const raw: Record<TrustPart, { points: number; enoughHistory: boolean }> = {
    verification: { points: input.verified ? POINTS.verification : 0, enoughHistory: true },
    fulfilment:
      input.decidedOrders < MIN_ORDERS
        ? half('fulfilment')
        : full('fulfilment', ratio(input.shippedOrders, input.decidedOrders)),
    onTime:
      input.shippedOrders < MIN_ORDERS
        ? half('onTime')
        : full('onTime', ratio(input.shippedOnTime, input.shippedOrders)),
    disputes:
      input.shippedOrders < MIN_ORDERS
        ? half('disputes')
        : full(
            'disputes',
            Math.max(0, 1 - ratio(input.disputedOrders, input.shippedOrders) / DISPUTE_RATE_AT_ZERO),
          ),
    reviews:
      input.reviewCount < MIN_REVIEWS || input.averageRating === null
        ? half('reviews')
        : full('reviews', ratio(input.averageRating - 1, 4)),
    tenure: {
      points: POINTS.tenure * ratio(Math.max(0, input.tenureDays), TENURE_FULL_DAYS),
      enoughHistory: true,
    },
  };

  const total = Object.values(raw).reduce((sum, part) => sum + part.points, 0);
  // Tiny float residue (e.g. 79.99999999) must not cost a point: round to 6 places before the one real rounding.
  const score = Math.min(100, Math.max(0, Math.floor(Math.round(total * 1e6) / 1e6 + 0.5)));
  const badge: TrustBadge = !input.verified
    ? 'basic'
    : score >= PREMIUM_MIN_SCORE && input.shippedOrders >= PREMIUM_MIN_SHIPPED
      ? 'premium'
      : 'verified';
  const parts = Object.fromEntries(
    (Object.keys(raw) as TrustPart[]).map((part) => [
      part,
      {
        points: Math.round(raw[part].points * 10) / 10,
        max: POINTS[part],
        enoughHistory: raw[part].enoughHistory,
      },
    ]),
  ) as TrustScore['parts'];
  return { score, badge, parts };
}
