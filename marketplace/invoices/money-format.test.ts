import { describe, expect, it } from 'vitest';
import { formatMoney, formatRate } from './money-format.ts';

describe('money on documents', () => {
  it.each([
    [123_450, 'USD', '$1,234.50'],
    [29, 'USD', '$0.29'],
    [-1_000, 'USD', '-$10.00'],
    [123_450, 'EUR', '€1,234.50'],
    [5, 'GBP', '£0.05'],
    [900_719_925_474_099, 'USD', '$9,007,199,254,740.99'],
  ])('prints %i minor units of %s as %s, exactly', (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });

  it.each([
    ['0.0725', '7.25%'],
    ['0.2', '20%'],
    ['0.19', '19%'],
    ['0', '0%'],
    ['0.065', '6.5%'],
    ['0.123456', '12.3456%'],
    ['0.0005', '0.05%'],
  ])('prints the tax rate %s as %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});
