import { describe, expect, it } from 'vitest';
import { commissionToReverse } from './refund-amounts.ts';

describe('commission reversed by refunds', () => {
  const order = { totalMinor: 20_592, commissionMinor: 672 };

  it.each([
    ['a full refund reverses the whole commission', 20_592, 672],
    ['half the order reverses half the commission', 10_296, 336],
    ['a 10.00 refund on 205.92 reverses 0.33 (32.63 cents, rounded)', 1_000, 33],
    ['one cent reverses nothing (0.03 cents)', 1, 0],
  ])('%s', (_what, refundMinor, reversed) => {
    expect(
      commissionToReverse({ ...order, refundedBeforeMinor: 0, reversedBeforeMinor: 0, refundMinor }),
    ).toBe(reversed);
  });

  it('adds up to exactly the commission over many partial refunds', () => {
    let refunded = 0;
    let reversed = 0;
    for (const part of [1, 999, 3_333, 7_000, 4_259, 5_000]) {
      reversed += commissionToReverse({
        ...order,
        refundedBeforeMinor: refunded,
        reversedBeforeMinor: reversed,
        refundMinor: part,
      });
      refunded += part;
    }
    expect(refunded).toBe(20_592);
    expect(reversed).toBe(672);
  });
});
