import { describe, expect, it } from 'vitest';
import { isValidPeriod, monthPeriod } from './periods.ts';

describe('settlement periods', () => {
  it('offers calendar months in UTC, the current one ending today', () => {
    // 00:30 on 1 March in UTC is still February in New York: the month is UTC's.
    const now = new Date('2028-03-01T00:30:00Z');
    expect(monthPeriod(now)).toEqual({ from: '2028-03-01', to: '2028-03-01' });
    expect(monthPeriod(now, 1)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod(new Date('2027-01-15T12:00:00Z'), 1)).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  it('accepts what the API accepts: real dates, in order, at most 366 days', () => {
    expect(isValidPeriod('2026-01-01', '2026-12-31')).toBe(true);
    expect(isValidPeriod('2028-01-01', '2028-12-31')).toBe(true); // 366 days in a leap year
    expect(isValidPeriod('2026-01-01', '2027-01-02')).toBe(false);
    expect(isValidPeriod('2026-03-02', '2026-03-01')).toBe(false);
    expect(isValidPeriod('2026-02-30', '2026-03-01')).toBe(false);
    expect(isValidPeriod('1999-12-31', '2000-01-01')).toBe(false);
  });
});
