import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatRate } from './numbers.ts';

// Intl puts no-break spaces (U+00A0, U+202F) where a line must not wrap; which one varies with the ICU version
// of the runtime, so the expectations compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers in the chosen locale', () => {
  it('groups digits the way each language does', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'es')).toBe('12.345');
    // Spanish does not group four-digit numbers.
    expect(formatNumber(1234, 'es')).toBe('1234');
    expect(plain(formatNumber(12345, 'fr'))).toBe('12 345');
  });

  it('writes percentages with one decimal', () => {
    expect(formatPercent(0.1234, 'en')).toBe('12.3%');
    expect(plain(formatPercent(0.1234, 'es'))).toBe('12,3 %');
    expect(plain(formatPercent(0.1234, 'fr'))).toBe('12,3 %');
  });

  it('shows a decimal-string rate exactly, every digit kept', () => {
    expect(formatRate('0.08875', 'en')).toBe('8.875%');
    expect(formatRate('0.1', 'en')).toBe('10%');
    expect(formatRate('0', 'en')).toBe('0%');
    expect(plain(formatRate('0.08875', 'es'))).toBe('8,875 %');
    expect(plain(formatRate('0.08875', 'fr'))).toBe('8,875 %');
    // A float would print 0.07000000000000001 here; the decimal string cannot.
    expect(formatRate('0.0700000000000001', 'en')).toBe('7.00000000000001%');
  });
});
