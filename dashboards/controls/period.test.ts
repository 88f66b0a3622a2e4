import { describe, expect, it } from 'vitest';
import {
  bucketsOf,
  clampRange,
  comparisonMonths,
  comparisonRange,
  cubeDateRange,
  granularityFor,
  isDay,
  lengthInDays,
  monthRange,
  monthWindow,
  periodFromParams,
  periodToParams,
  rangeOf,
} from './period.ts';

const NOW = Date.parse('2026-11-28T15:30:00Z');
const LAST_30 = { preset: '30d', compare: 'previous' } as const;

describe('dashboard periods', () => {
  it('turns presets into whole UTC days ending today', () => {
    expect(rangeOf({ preset: '30d', compare: 'previous' }, NOW)).toEqual({
      from: '2026-10-30',
      to: '2026-11-28',
    });
    expect(rangeOf({ preset: '90d', compare: 'previous' }, NOW)).toEqual({
      from: '2026-08-31',
      to: '2026-11-28',
    });
    expect(rangeOf({ preset: 'ytd', compare: 'year' }, NOW)).toEqual({
      from: '2026-01-01',
      to: '2026-11-28',
    });
    expect(cubeDateRange({ from: '2026-10-30', to: '2026-11-28' })).toEqual([
      '2026-10-30T00:00:00.000',
      '2026-11-28T23:59:59.999',
    ]);
  });

  it('compares with as many days just before, or the same days a year before', () => {
    const r = { from: '2026-10-30', to: '2026-11-28' };
    expect(comparisonRange(r, 'previous')).toEqual({ from: '2026-09-30', to: '2026-10-29' });
    expect(lengthInDays(comparisonRange(r, 'previous'))).toBe(30);
    expect(comparisonRange(r, 'year')).toEqual({ from: '2025-10-30', to: '2025-11-28' });
    // A leap day has no twin a year before: the month's last day stands in.
    expect(comparisonRange({ from: '2028-02-01', to: '2028-02-29' }, 'year')).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
  });

  it('reads monthly facts from the months that begin inside the period', () => {
    expect(monthWindow({ from: '2026-10-30', to: '2026-11-28' })).toEqual({
      first: '2026-11-01',
      last: '2026-11-01',
      months: 1,
    });
    expect(monthWindow({ from: '2026-11-03', to: '2026-11-20' })).toEqual({
      first: '2026-11-01',
      last: '2026-11-01',
      months: 1,
    });
    const ytd = monthWindow({ from: '2026-01-01', to: '2026-11-28' });
    expect(ytd).toEqual({ first: '2026-01-01', last: '2026-11-01', months: 11 });
    expect(comparisonMonths(ytd, 'year')).toEqual({ first: '2025-01-01', last: '2025-11-01', months: 11 });
    const q = monthWindow({ from: '2026-08-31', to: '2026-11-28' });
    expect(q.months).toBe(3);
    expect(comparisonMonths(q, 'previous')).toEqual({ first: '2026-06-01', last: '2026-08-01', months: 3 });
    expect(monthRange(q)).toEqual({ from: '2026-09-01', to: '2026-11-30' });
  });

  it('keeps the period in the URL and ignores what it cannot read', () => {
    const custom = {
      preset: 'custom',
      compare: 'year',
      custom: { from: '2026-03-01', to: '2026-03-31' },
    } as const;
    const params = periodToParams(custom, new URLSearchParams('country=US'));
    expect(params.toString()).toBe('country=US&range=custom&compare=year&from=2026-03-01&to=2026-03-31');
    expect(periodFromParams(params, LAST_30)).toEqual(custom);
    expect(periodFromParams(new URLSearchParams('range=custom&from=2026-02-30&to=x'), LAST_30)).toEqual(
      LAST_30,
    );
    expect(periodFromParams(new URLSearchParams('range=forever&compare=never'), LAST_30)).toEqual(LAST_30);
    // Swapped ends are put in order rather than refused.
    expect(
      periodFromParams(new URLSearchParams('range=custom&from=2026-03-31&to=2026-03-01'), LAST_30).custom,
    ).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
  });

  it('lays series on days, Monday weeks or months, and keeps drill-downs inside the period', () => {
    expect(granularityFor({ from: '2026-10-30', to: '2026-11-28' })).toBe('day');
    expect(granularityFor({ from: '2026-08-31', to: '2026-11-28' })).toBe('week');
    expect(granularityFor({ from: '2026-01-01', to: '2026-11-28' })).toBe('month');
    expect(bucketsOf({ from: '2026-11-26', to: '2026-11-28' }, 'day')).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
    // 2026-11-04 is a Wednesday: its week began on Monday 2 November.
    expect(bucketsOf({ from: '2026-11-04', to: '2026-11-16' }, 'week')).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
    expect(bucketsOf({ from: '2026-10-30', to: '2026-11-28' }, 'month')).toEqual([
      '2026-10-01',
      '2026-11-01',
    ]);
    expect(
      clampRange({ from: '2026-10-01', to: '2026-10-31' }, { from: '2026-10-30', to: '2026-11-28' }),
    ).toEqual({
      from: '2026-10-30',
      to: '2026-10-31',
    });
  });
});
