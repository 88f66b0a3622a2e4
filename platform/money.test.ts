import { describe, expect, it } from 'vitest';
import { applyRate, lineTotal, roundRatio } from './money.ts';

describe('money rounding (half away from zero), worked examples', () => {
  it.each([
    // amount (minor), rate, expected (minor), why
    [10_000, '0.035', 350, '$100.00 at 3.5% is exactly $3.50'],
    [1_999, '0.035', 70, '$19.99 x 3.5% = 69.965 cents -> 70'],
    [1_001, '0.025', 25, '$10.01 x 2.5% = 25.025 cents -> 25'],
    [1_010, '0.025', 25, '$10.10 x 2.5% = 25.25 cents -> 25'],
    [1_020, '0.025', 26, '$10.20 x 2.5% = 25.5 cents -> 26 (half goes up)'],
    [-1_020, '0.025', -26, 'a refund of $10.20 at 2.5% reverses 26 cents (half goes away from zero)'],
    [12_345, '1.08', 13_333, 'EUR 123.45 at 1.08 = 133.326 USD -> $133.33'],
    [5, '1.27', 6, 'GBP 0.05 at 1.27 = 6.35 cents -> 6'],
    [0, '1.27', 0, 'zero stays zero'],
  ])('%i minor x %s = %i (%s)', (amount, rate, expected) => {
    expect(applyRate(amount, rate)).toBe(expected);
  });

  it('rounds exact halves away from zero on both signs', () => {
    expect(roundRatio(5n, 2n)).toBe(3n);
    expect(roundRatio(-5n, 2n)).toBe(-3n);
    expect(roundRatio(4n, 3n)).toBe(1n);
  });

  it('refuses amounts that a float could not hold exactly', () => {
    expect(() => lineTotal(Number.MAX_SAFE_INTEGER, 2)).toThrow(/too large/);
  });

  it('converts with a decimal rate exactly, half away from zero', () => {
    expect(applyRate(10_000, '1.08')).toBe(10_800);
    expect(applyRate(999, '1.27')).toBe(1_269); // 1268.73
    expect(applyRate(50, '0.0725')).toBe(4); // 3.625
  });
});
