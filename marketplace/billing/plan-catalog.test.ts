import { describe, expect, it } from 'vitest';
import { addOnsOf, monthlyRecurringMinor, productsFor } from './plan-catalog.ts';

describe('monthly recurring revenue', () => {
  it.each([
    ['Professional monthly, $199', 19_900, 1, 'month', 19_900],
    ['Professional yearly, $1,990 / 12 = 165.833 -> $165.83', 199_000, 1, 'year', 16_583],
    ['premium analytics yearly, $1,188 / 12 = $99', 118_800, 1, 'year', 9_900],
    ['3 extra users monthly at $20', 2_000, 3, 'month', 6_000],
    ['$10.00 a year / 12 = 83.33 cents -> 83', 1_000, 1, 'year', 83],
    ['$0.30 a year / 12 = 2.5 cents -> 3 (half away from zero)', 30, 1, 'year', 3],
  ] as const)('%s', (_example, amount, quantity, interval, expected) => {
    expect(monthlyRecurringMinor(amount, quantity, interval)).toBe(expected);
  });
});

describe('plan and add-ons as billed products', () => {
  it('bills the plan first, then only the add-ons taken, and reads them back', () => {
    const addOns = { extraUsers: 3, premiumAnalytics: true, priorityListing: false };
    const products = productsFor('professional', addOns);
    expect(products).toEqual([
      { product: 'professional', quantity: 1 },
      { product: 'extra_users', quantity: 3 },
      { product: 'premium_analytics', quantity: 1 },
    ]);
    expect(addOnsOf(products)).toEqual(addOns);
  });
});
