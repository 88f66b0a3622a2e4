import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { documentNumber, sellerPrefix } from './invoice-issuing.ts';
import { netPayout, settlementPeriod } from './settlement.ts';

describe('a settlement statement', () => {
  it('pays the seller its gross total less commission, less refunds, plus the commission those refunds reversed', () => {
    // Worked by hand. Two orders: 205.92 (3.5 % commission 6.72) and 57.92 (commission 1.89) = 263.84 and 8.61.
    // One refund of 10.00 took back 10.00 / 205.92 of 6.72 = 0.3263... -> 0.33 of commission.
    // 263.84 - 8.61 - 10.00 + 0.33 = 245.56.
    expect(
      netPayout({
        grossTotalMinor: 26_384,
        commissionMinor: 861,
        refundsMinor: 1_000,
        commissionReversedMinor: 33,
      }),
    ).toBe(24_556);
    // A period with only a refund of an earlier order: the seller owes back its share of it.
    expect(
      netPayout({
        grossTotalMinor: 0,
        commissionMinor: 0,
        refundsMinor: 5_000,
        commissionReversedMinor: 250,
      }),
    ).toBe(-4_750);
  });

  it('covers whole UTC days, from the first to the last inclusive', () => {
    expect(settlementPeriod('2026-11-01', '2026-11-30')).toEqual({
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-12-01T00:00:00Z'),
    });
    expect(settlementPeriod('2028-01-01', '2028-12-31').end).toEqual(new Date('2029-01-01T00:00:00Z'));
  });

  const fieldOf = (from: string, to: string) => {
    try {
      settlementPeriod(from, to);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe('invalid_input');
      return (error as DomainError).fields[0]!.field;
    }
  };

  it.each([
    ['2026-02-30', '2026-03-01', 'from'],
    ['2026-11-01', '2026-13-01', 'to'],
    ['0000-01-01', '0000-01-02', 'from'],
    ['2026-11-02', '2026-11-01', 'to'],
    ['2027-01-01', '2028-01-02', 'to'], // 367 days: 2028 is a leap year
    ['1999-12-31', '2000-01-01', 'from'],
  ])('refuses the period %s to %s, naming %s', (from, to, field) => {
    expect(fieldOf(from, to)).toBe(field);
  });

  it('accepts a leap year of 366 days', () => {
    expect(fieldOf('2028-01-01', '2028-12-31')).toBeUndefined();
  });
});

describe('document numbers', () => {
  it.each([
    ['Hilltop Pottery', 'HIL'],
    ['Ölmühle Größ', 'OLM'],
    ['3M', '3MX'],
    ['!!!', 'INV'],
  ])('take the prefix of %s as %s', (name, prefix) => {
    expect(sellerPrefix(name)).toBe(prefix);
  });

  it('count per series and year with six digits', () => {
    expect(documentNumber('HIL', 'invoice', 2026, 1)).toBe('HIL-2026-000001');
    expect(documentNumber('HIL', 'credit_note', 2026, 42)).toBe('HIL-CN-2026-000042');
  });
});
