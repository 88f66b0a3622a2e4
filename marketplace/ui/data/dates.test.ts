import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.ts';

const AT = '2026-11-25T15:04:00Z';
// Intl puts no-break spaces (U+00A0, U+202F) where a line must not wrap; which one varies with the ICU version
// of the runtime, so the expectations compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('dates for people', () => {
  it('write date and time the way the chosen language does', () => {
    expect(plain(formatDateTime(AT, 'en', 'UTC'))).toBe('Nov 25, 2026, 3:04 PM');
    expect(plain(formatDateTime(AT, 'es', 'UTC'))).toBe('25 nov 2026, 15:04');
    expect(plain(formatDateTime(AT, 'fr', 'UTC'))).toBe('25 nov. 2026, 15:04');
    expect(plain(formatDateTime(AT, 'en-GB', 'UTC'))).toBe('25 Nov 2026, 15:04');
  });

  it('write dates alone the same way', () => {
    expect(plain(formatDate(AT, 'en', 'UTC'))).toBe('Nov 25, 2026');
    expect(plain(formatDate(AT, 'es', 'UTC'))).toBe('25 nov 2026');
    expect(plain(formatDate(AT, 'fr', 'UTC'))).toBe('25 nov. 2026');
  });

  it('show the UTC instant in the reader’s time zone', () => {
    expect(plain(formatDateTime(AT, 'es', 'America/Mexico_City'))).toBe('25 nov 2026, 9:04');
    expect(plain(formatDate('2026-11-25T23:30:00Z', 'fr', 'Europe/Paris'))).toBe('26 nov. 2026');
  });
});
