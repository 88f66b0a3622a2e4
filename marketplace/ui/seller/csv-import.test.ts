import { describe, expect, it } from 'vitest';
import { rowProblemsFrom } from './csv-import.ts';

describe('the CSV import report', () => {
  it('reads a refused import into rows by line and column, and leaves other fields out', () => {
    expect(
      rowProblemsFrom([
        { field: 'rows.7.price_minor', message: 'must be a whole number of minor units' },
        { field: 'rows.3.variant_sku', message: 'is already used by another of your products' },
        { field: 'rows.3.category', message: 'is not a category' },
        { field: 'csv', message: 'has no rows' },
      ]),
    ).toEqual([
      { line: 3, column: 'category', message: 'is not a category' },
      { line: 3, column: 'variant_sku', message: 'is already used by another of your products' },
      { line: 7, column: 'price_minor', message: 'must be a whole number of minor units' },
    ]);
  });
});
