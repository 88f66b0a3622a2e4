import { describe, expect, it } from 'vitest';
import { amountInputText, readAmount, readDecimal } from './money-input.ts';

/** The minor units of a typed amount, or the problem that refused it. */
const read = (text: string, locale: string, currency = 'EUR') => {
  const reading = readAmount(text, currency, locale);
  return reading.ok ? reading.minor : reading.problem;
};

describe('amounts people type, in the language of the page', () => {
  it('reads the decimal comma and the point alike in Spanish and French', () => {
    for (const locale of ['es', 'es-ES', 'fr', 'fr-CA']) {
      expect(read('12,50', locale), locale).toBe(1250);
      expect(read('12.50', locale), locale).toBe(1250);
      expect(read('12,5', locale), locale).toBe(1250);
      expect(read(' 0,07 ', locale), locale).toBe(7);
      expect(read('12', locale), locale).toBe(1200);
    }
  });

  it("reads each language's own thousands grouping", () => {
    expect(read('1,250.50', 'en')).toBe(125050);
    expect(read('1,250', 'en')).toBe(125000);
    expect(read('1250.5', 'en')).toBe(125050);
    expect(read('1.250,50', 'es')).toBe(125050);
    expect(read('1.250.000', 'es')).toBe(125000000);
    // French groups with a narrow no-break space; a plain or no-break space typed or pasted counts too.
    expect(read('1\u202f250,50', 'fr')).toBe(125050);
    expect(read('1 250,50', 'fr')).toBe(125050);
    expect(read('1\u00a0250', 'fr')).toBe(125000);
    // Mexican Spanish writes numbers the English way.
    expect(read('1,250.50', 'es-MX')).toBe(125050);
  });

  it('refuses "1.250" in Spanish and French, where it could be 1250 or 1,25, naming both readings', () => {
    for (const locale of ['es', 'fr']) {
      const reading = readDecimal('1.250', locale);
      expect(reading, locale).toEqual({ ok: false, problem: 'ambiguous', readings: ['1250', '1.250'] });
      expect(read('1.250', locale, 'JPY'), locale).toBe('ambiguous');
    }
    const refused = readAmount('1.250', 'EUR', 'es');
    expect(refused.ok ? null : refused.message).toBe('“1.250” could be 1250 or 1,250: type 1250 or 1,250');
    // Where the point is the decimal separator, or with a decimal part, there is one reading.
    expect(read('1.250', 'en', 'JPY')).toBe('tooPrecise');
    expect(read('1.250,5', 'es')).toBe(125050);
    expect(read('1.25', 'es')).toBe(125);
  });

  it('refuses malformed grouping and anything that is not a plain amount', () => {
    // A decimal comma in English is not a thousands group: refused, not read as 1250.
    expect(read('12,50', 'en')).toBe('malformed');
    expect(read('1,25,0', 'en')).toBe('malformed');
    expect(read('12,50,1', 'fr')).toBe('malformed');
    expect(read('1 250.50', 'en')).toBe('malformed');
    expect(read('1.2.3', 'fr')).toBe('malformed');
    for (const text of ['-1', '+1', 'abc', '12 €', '€12', ',5', '1e3', '0x10'])
      expect(read(text, 'fr'), text).toBe('malformed');
    expect(read('', 'fr')).toBe('empty');
    expect(read('   ', 'en')).toBe('empty');
  });

  it('refuses more decimals than the currency has rather than rounding, and amounts beyond any price', () => {
    expect(read('12,505', 'fr')).toBe('tooPrecise');
    expect(read('12.5', 'fr', 'JPY')).toBe('tooPrecise');
    expect(read('1250', 'fr', 'JPY')).toBe(1250);
    expect(read('1234567890123', 'en')).toBe('tooLarge');
    expect(read('000000000000012,50', 'fr')).toBe(1250);
    const refused = readAmount('12.505', 'USD', 'en');
    expect(refused.ok ? null : refused.message).toBe('At most 2 decimals in USD');
  });

  it('says what to type, written the way the page writes numbers', () => {
    const en = readAmount('12,50', 'USD', 'en');
    expect(en.ok ? null : en.message).toBe('Enter an amount such as 12.50');
    const fr = readAmount('douze', 'EUR', 'fr');
    // The words are the page's language (English under test); the example is the locale's.
    expect(fr.ok ? null : fr.message).toBe('Enter an amount such as 12,50');
  });

  it('fills a money field the way it reads it back', () => {
    expect(amountInputText(125050, 'EUR', 'fr')).toBe('1250,50');
    expect(amountInputText(125050, 'USD', 'en')).toBe('1250.50');
    expect(amountInputText(1200, 'JPY', 'es')).toBe('1200');
    for (const locale of ['en', 'es', 'fr', 'es-MX'])
      for (const minor of [0, 7, 1250, 125000, 99999999])
        expect(read(amountInputText(minor, 'EUR', locale), locale), `${locale} ${minor}`).toBe(minor);
  });
});
