import { describe, expect, it } from 'vitest';
import { shortWhen } from './when.ts';

const NOW = new Date('2026-11-25T15:00:00Z');
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('when a thread last moved', () => {
  it('is the time for today, the weekday this week, the date before that', () => {
    expect(plain(shortWhen('2026-11-25T09:30:00Z', NOW, 'en', 'UTC'))).toBe('9:30 AM');
    expect(plain(shortWhen('2026-11-23T09:30:00Z', NOW, 'en', 'UTC'))).toBe('Mon');
    expect(plain(shortWhen('2026-11-02T09:30:00Z', NOW, 'en', 'UTC'))).toBe('Nov 2, 2026');
  });

  it('decides "today" in the reader’s time zone', () => {
    // 01:30 UTC on the 25th is still the 24th in Chicago.
    expect(plain(shortWhen('2026-11-25T01:30:00Z', NOW, 'en', 'America/Chicago'))).toBe('Tue');
    expect(plain(shortWhen('2026-11-25T09:30:00Z', NOW, 'fr', 'Europe/Paris'))).toBe('10:30');
  });
});
