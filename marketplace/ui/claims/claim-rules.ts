/**
 * The claim rules the screens need before asking the API: when a buyer may open a claim, which photos the API
 * takes, what a claim form must hold, and how old a claim is. They repeat the API's rules (marketplace/claims/,
 * README "Returns and claims") so a person is told at once, not after a round trip; the API still decides, and
 * its refusal is shown when the two disagree. claim-rules.test.ts pins these copies to the API's own constants.
 * What a claim asks in money is not repeated here: the API sends it (amountAskedMinor).
 */

export const CLAIM_TYPES = ['damaged', 'missing', 'wrong_item', 'other'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const REQUESTED_OUTCOMES = ['refund', 'replacement'] as const;
export type RequestedOutcome = (typeof REQUESTED_OUTCOMES)[number];

export const CLAIM_OUTCOMES = ['full_refund', 'partial_refund', 'replacement', 'rejected'] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

export const CLAIM_STATUSES = ['open', 'seller_responded', 'escalated', 'resolved', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** A claim in one of these still counts as the order's open claim (one at a time per order). */
export const OPEN_STATUSES: readonly string[] = ['open', 'seller_responded', 'escalated'];

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 6;
export const MAX_TEXT = 5000;

/**
 * The API's default claim window (CLAIM_WINDOW_DAYS). The server may be configured otherwise and does not
 * publish its value; where they differ, the API's refusal (claim_window_closed) is what the buyer reads.
 */
export const CLAIM_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;
/** Order statuses in which the goods are in the buyer's hands. */
const CLAIMABLE = new Set(['delivered', 'completed']);

export type Eligibility =
  | { ok: true; closesAt: Date }
  | { ok: false; why: 'role' | 'not_delivered' | 'open_claim' }
  | { ok: false; why: 'window_closed'; closesAt: Date };

/** Whether the buyer may open a claim on this order now, and if not, the first reason a person would fix. */
export function claimEligibility(input: {
  orderStatus: string;
  deliveredAt: string | null;
  mayPlaceOrders: boolean;
  hasOpenClaim: boolean;
  now: Date;
  windowDays?: number;
}): Eligibility {
  if (!input.mayPlaceOrders) return { ok: false, why: 'role' };
  if (!CLAIMABLE.has(input.orderStatus) || !input.deliveredAt) return { ok: false, why: 'not_delivered' };
  const closesAt = new Date(
    new Date(input.deliveredAt).getTime() + (input.windowDays ?? CLAIM_WINDOW_DAYS) * DAY_MS,
  );
  if (input.now > closesAt) return { ok: false, why: 'window_closed', closesAt };
  if (input.hasOpenClaim) return { ok: false, why: 'open_claim' };
  return { ok: true, closesAt };
}

export type PhotoProblem = 'type' | 'size' | 'empty' | 'count';

/**
 * Why the API would refuse this file before sending it (its declared type, size, and the per-claim count).
 * Whether the bytes really are that image only the API checks.
 */
export function photoProblem(
  file: { type: string; size: number },
  alreadyChosen: number,
): PhotoProblem | null {
  if (!(EVIDENCE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  if (alreadyChosen >= MAX_PHOTOS) return 'count';
  return null;
}

export interface DraftLine {
  lineNo: number;
  ordered: number;
  chosen: boolean;
  /** As typed. */
  units: string;
}

export interface ClaimDraft {
  type: ClaimType | '';
  lines: DraftLine[];
  description: string;
  requestedOutcome: RequestedOutcome | '';
}

export type DraftProblems = Partial<
  Record<'type' | 'lines' | 'description' | 'requestedOutcome' | `units-${number}`, string>
>;

/** The request body for `POST /api/v1/orders/{id}/claims`, or what is wrong, keyed by field (words from `words`). */
export function checkClaimDraft(
  draft: ClaimDraft,
  words: {
    typeRequired: string;
    noLines: string;
    units: (ordered: number) => string;
    descriptionRequired: string;
    descriptionTooLong: (max: number) => string;
    outcomeRequired: string;
  },
):
  | {
      ok: true;
      body: {
        type: ClaimType;
        lines: Array<{ lineNo: number; quantity: number }>;
        description: string;
        requestedOutcome: RequestedOutcome;
      };
    }
  | { ok: false; problems: DraftProblems } {
  const problems: DraftProblems = {};
  if (!draft.type) problems.type = words.typeRequired;
  const chosen = draft.lines.filter((l) => l.chosen);
  if (chosen.length === 0) problems.lines = words.noLines;
  const lines = chosen.map((l) => {
    const text = l.units.trim();
    const quantity = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
    // Never more than ordered: the API refuses it too (claim_lines_invalid), but the buyer should not have to ask.
    if (!(quantity >= 1 && quantity <= l.ordered)) problems[`units-${l.lineNo}`] = words.units(l.ordered);
    return { lineNo: l.lineNo, quantity };
  });
  const description = draft.description.trim();
  if (!description) problems.description = words.descriptionRequired;
  else if (description.length > MAX_TEXT) problems.description = words.descriptionTooLong(MAX_TEXT);
  if (!draft.requestedOutcome) problems.requestedOutcome = words.outcomeRequired;
  if (Object.keys(problems).length > 0 || !draft.type || !draft.requestedOutcome)
    return { ok: false, problems };
  return {
    ok: true,
    body: { type: draft.type, lines, description, requestedOutcome: draft.requestedOutcome },
  };
}

export type AgeUnit = 'minute' | 'hour' | 'day';

/** How long ago `iso` was, in the largest whole unit that fits (at least 0 minutes). */
export function ageOf(iso: string, now: Date): { value: number; unit: AgeUnit } {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { value: hours, unit: 'hour' };
  return { value: Math.floor(hours / 24), unit: 'day' };
}
