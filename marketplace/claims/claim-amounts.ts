/**
 * What a claim asks for in money. A claim names units, not an amount, so the amount is the claimed units at the
 * unit prices the order charged (before tax), each line valued with the `lineTotal` the order used for its own
 * lines: a claim on every unit of a line asks exactly that line's total, never a cent more by rounding.
 *
 * Only a refund request asks for money; a replacement asks for goods, so it asks for no amount (null), not 0.
 * This is what the buyer asked, not what a resolution pays: a full refund returns what is left of the order's
 * total (tax included) and a partial refund the amount the manufacturer or Wholesail names (claim-resolution.ts).
 */
import type { Transaction } from 'kysely';
import { lineTotal } from '../../platform/money.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { RequestedOutcome } from './claim-state-machine.ts';

type Reader = Db | Transaction<Database>;

export interface ClaimedLine {
  quantity: number;
  /** The order line's unit price as charged, in the order's (and the claim's) currency. */
  unitPriceMinor: number;
}

export function amountAskedMinor(requested: RequestedOutcome, lines: readonly ClaimedLine[]): number | null {
  if (requested !== 'refund') return null;
  return lines.reduce((sum, l) => sum + lineTotal(l.unitPriceMinor, l.quantity), 0);
}

/** The amount each of these claims asks, read in one query for a whole page of claims. */
export async function amountsAskedMinor(
  db: Reader,
  claims: ReadonlyArray<{ id: string; requested_outcome: RequestedOutcome }>,
): Promise<Map<string, number | null>> {
  const refunds = claims.filter((c) => c.requested_outcome === 'refund').map((c) => c.id);
  const lines =
    refunds.length === 0
      ? []
      : await db
          .selectFrom('claim_lines as cl')
          .innerJoin('order_lines as l', 'l.id', 'cl.order_line_id')
          .select(['cl.claim_id', 'cl.quantity', 'l.unit_price_minor'])
          .where('cl.claim_id', 'in', refunds)
          .execute();
  const byClaim = new Map<string, ClaimedLine[]>();
  for (const l of lines)
    byClaim.set(l.claim_id, [
      ...(byClaim.get(l.claim_id) ?? []),
      { quantity: l.quantity, unitPriceMinor: l.unit_price_minor },
    ]);
  return new Map(claims.map((c) => [c.id, amountAskedMinor(c.requested_outcome, byClaim.get(c.id) ?? [])]));
}
