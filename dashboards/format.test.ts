import { describe, expect, it } from 'vitest';
import {
  countryName,
  formatChange,
  formatDay,
  formatDayRange,
  formatInteger,
  formatMonth,
  formatPercent,
  formatUsdCompactFromCents,
  formatUsdFromCents,
} from './format.ts';

// Intl puts no-break spaces (U+00A0, U+202F) where a line must not wrap; which one varies with the ICU version,
// so the expectations compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('dashboard figures in the page language', () => {
  it('writes English exactly as the dashboards always did', () => {
    expect(formatUsdFromCents(123456, false, 'en-US')).toBe('$1,235');
    expect(formatUsdFromCents(123456, true, 'en-US')).toBe('$1,234.56');
    expect(formatUsdCompactFromCents(123_456_00, 'en-US')).toBe('$123.5K');
    expect(formatInteger(12345, 'en-US')).toBe('12,345');
    expect(formatPercent(0.1234, 'en-US')).toBe('12.3%');
    expect(formatMonth('2026-11-01T00:00:00.000', 'en-US')).toBe('Nov 2026');
    expect(formatDay('2026-11-03', 'en-US')).toBe('Nov 3');
    expect(formatDayRange({ from: '2026-10-30', to: '2026-11-28' }, 'en-US')).toBe(
      'Oct 30, 2026 – Nov 28, 2026',
    );
    expect(formatChange(0.1234, 'percent', 'en-US')).toBe('+12.3%');
    expect(formatChange(-0.004, 'points', 'en-US')).toBe('−0.4 pp');
    expect(formatChange(0, 'percent', 'en-US')).toBe('±0.0%');
    expect(countryName('US', 'en-US')).toBe('United States');
    expect(countryName(null, 'en-US')).toBe('Unknown');
  });

  it('writes Spanish separators, symbols and month names', () => {
    expect(plain(formatUsdFromCents(1234567, false, 'es'))).toBe('12.346 US$');
    expect(plain(formatUsdFromCents(123456, true, 'es'))).toBe('1234,56 US$');
    expect(plain(formatInteger(12345, 'es'))).toBe('12.345');
    expect(plain(formatPercent(0.1234, 'es'))).toBe('12,3 %');
    expect(formatMonth('2026-11-01T00:00:00.000', 'es')).toBe('nov 2026');
    expect(formatDay('2026-11-03', 'es')).toBe('3 nov');
    expect(plain(formatChange(0.1234, 'percent', 'es'))).toBe('+12,3 %');
    expect(formatChange(0.004, 'points', 'es')).toBe('+0,4 p. p.');
    expect(countryName('US', 'es')).toBe('Estados Unidos');
    expect(countryName('', 'es')).toBe('Desconocido');
  });

  it('writes French spaces and abbreviations', () => {
    expect(plain(formatUsdFromCents(1234567, false, 'fr'))).toBe('12 346 $US');
    expect(plain(formatInteger(12345, 'fr'))).toBe('12 345');
    expect(formatMonth('2026-11-01T00:00:00.000', 'fr')).toBe('nov. 2026');
    expect(plain(formatDayRange({ from: '2026-10-30', to: '2026-11-28' }, 'fr'))).toBe(
      '30 oct. 2026 – 28 nov. 2026',
    );
    expect(formatChange(-0.012, 'points', 'fr')).toBe('−1,2 pt');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
  });

  it('follows the regional variant the browser asks for', () => {
    expect(formatUsdFromCents(123456, true, 'en-GB')).toBe('US$1,234.56');
    expect(formatDay('2026-11-03', 'en-GB')).toBe('3 Nov');
    // Any language not translated gets English words but its own numbers.
    expect(countryName(undefined, 'de')).toBe('Unknown');
  });

  it('shows "–" for a figure that is missing, not 0', () => {
    expect(formatUsdFromCents(null, false, 'es')).toBe('–');
    expect(formatInteger(null, 'fr')).toBe('–');
    expect(formatPercent(null, 'en')).toBe('–');
  });
});
