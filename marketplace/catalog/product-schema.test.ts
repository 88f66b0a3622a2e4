import { describe, expect, it } from 'vitest';
import { newProductSchema, unitPriceFor, variantsOf } from './product-schema.ts';
import { prefixQuery } from './search.ts';

describe('product rules that need no database', () => {
  const variant = {
    priceMinor: 1000,
    priceTiers: [
      { minQuantity: 24, priceMinor: 900 },
      { minQuantity: 96, priceMinor: 800 },
    ],
  };

  it.each([
    [1, 1000],
    [23, 1000],
    [24, 900],
    [95, 900],
    [96, 800],
    [10_000, 800],
  ])('charges %i units at %i minor units each (the highest tier reached)', (quantity, price) => {
    expect(unitPriceFor(variant, quantity)).toBe(price);
  });

  it('expands the single-variant shorthand into one variant with the product SKU', () => {
    const product = newProductSchema.parse({
      sku: 'A-1',
      name: 'Thing',
      priceMinor: 500,
      currency: 'EUR',
      stock: 3,
    });
    expect(variantsOf(product)).toEqual([
      {
        sku: 'A-1',
        options: {},
        priceMinor: 500,
        priceTiers: [],
        moq: 1,
        casePack: 1,
        unitCostMinor: null,
        stock: 3,
      },
    ]);
  });

  it('refuses prices on the product when variants carry them', () => {
    const result = newProductSchema.safeParse({
      sku: 'A-1',
      name: 'Thing',
      currency: 'EUR',
      priceMinor: 1,
      variants: [{ sku: 'A-1-S', priceMinor: 2 }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['variants']);
  });

  it.each([
    ['stoneware mug', 'stoneware:* & mug:*'],
    ["  O'Brien's  tea-towel ", 'o:* & brien:* & s:* & tea:* & towel:*'],
    ['!!!', null],
  ])('turns %j into the prefix query %j without passing operators through', (q, expected) => {
    expect(prefixQuery(q)).toBe(expected);
  });
});
