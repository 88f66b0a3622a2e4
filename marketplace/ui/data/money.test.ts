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

  it('writes amounts the way the chosen language does, still exactly', () => {
    // Intl puts no-break spaces (U+00A0, U+202F) where a line must not wrap; which one varies with the ICU
    // version of the runtime, so these compare with plain spaces.
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    // Spanish: decimal comma, the symbol after; "US$" tells dollars from other pesos' "$".
    expect(plain(formatMoney(123456, 'EUR', 'es'))).toBe('1234,56 €');
    expect(plain(formatMoney(123456789, 'EUR', 'es'))).toBe('1.234.567,89 €');
    expect(plain(formatMoney(123456, 'USD', 'es'))).toBe('1234,56 US$');
    // French: a narrow space between thousands, "$US" for dollars.
    expect(plain(formatMoney(123456, 'EUR', 'fr'))).toBe('1 234,56 €');
    expect(plain(formatMoney(123456, 'USD', 'fr'))).toBe('1 234,56 $US');
    // A regional variant the browser asked for: Mexican Spanish names the currency first.
    expect(plain(formatMoney(123456, 'USD', 'es-MX'))).toBe('USD 1,234.56');
    // Exact beyond what a float could carry, in every language.
    expect(plain(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR', 'es'))).toBe('90.071.992.547.409,91 €');
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
