/**
 * How much commission a refund takes back: the order's commission in proportion to what has been refunded,
 * computed on the running total (not per refund) and rounded half away from zero, so a series of partial
 * refunds that adds up to the whole order reverses exactly the whole commission, never a cent more or less.
 */
import { roundRatio } from '../../platform/money.ts';

export function commissionToReverse(order: {
  totalMinor: number;
  commissionMinor: number;
  refundedBeforeMinor: number;
  reversedBeforeMinor: number;
  refundMinor: number;
}): number {
  if (order.totalMinor <= 0) return 0;
  const refundedAfter = order.refundedBeforeMinor + order.refundMinor;
  const reversedAfter = Number(
    roundRatio(BigInt(order.commissionMinor) * BigInt(refundedAfter), BigInt(order.totalMinor)),
  );
  return Math.max(0, reversedAfter - order.reversedBeforeMinor);
}
