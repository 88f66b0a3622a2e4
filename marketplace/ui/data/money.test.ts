import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString, parseMajorToMinor, totalsByCurrency } from './money.ts';

describe('money for people', () => {
  it('turns minor units into decimal strings without floats', () => {
    expect(minorToDecimalString(123456, 2)).toBe('1234.56');
    expect(minorToDecimalString(5, 2)).toBe('0.05');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(1200, 0)).toBe('1200');
    // 0.1 + 0.2 style errors cannot happen: 9007199254740991 cents is exact.
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
  });

  it('formats with the currency of the amount', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(690, 'EUR', 'de-DE')).toBe('6,90\u00a0€');
    expect(formatMoney(1200, 'JPY', 'en-US')).toBe('¥1,200');
  });

  it('reads typed prices into minor units, refusing what it cannot read exactly', () => {
    expect(parseMajorToMinor('12.5', 'USD')).toBe(1250);
    expect(parseMajorToMinor('12', 'USD')).toBe(1200);
    expect(parseMajorToMinor(' 0.07 ', 'USD')).toBe(7);
    expect(parseMajorToMinor('12.505', 'USD')).toBeNull();
    expect(parseMajorToMinor('-1', 'USD')).toBeNull();
    expect(parseMajorToMinor('abc', 'USD')).toBeNull();
  });

  it('adds up per currency', () => {
    expect(
      totalsByCurrency([
        { currency: 'USD', minor: 100 },
        { currency: 'EUR', minor: 5 },
        { currency: 'USD', minor: 1 },
      ]),
    ).toEqual([
      { currency: 'USD', minor: 101 },
      { currency: 'EUR', minor: 5 },
    ]);
  });
});
