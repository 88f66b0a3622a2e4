import { describe, expect, it } from 'vitest';
import { lineTotal } from '../../platform/money.ts';
import { amountAskedMinor } from './claim-amounts.ts';

describe('what a claim asks for in money', () => {
  it('asks for the claimed units of each line at the price the order charged for it', () => {
    expect(
      amountAskedMinor('refund', [
        { quantity: 2, unitPriceMinor: 650 },
        { quantity: 3, unitPriceMinor: 1299 },
      ]),
    ).toBe(2 * 650 + 3 * 1299);
  });

  it('asks for exactly a line’s total when every unit of the line is claimed', () => {
    const ordered = { quantity: 7, unitPriceMinor: 1_234_567 };
    expect(amountAskedMinor('refund', [ordered])).toBe(lineTotal(ordered.unitPriceMinor, ordered.quantity));
  });

  it('asks for no money when the buyer wants a replacement', () => {
    expect(amountAskedMinor('replacement', [{ quantity: 2, unitPriceMinor: 650 }])).toBeNull();
  });
});
