import { describe, expect, it } from 'vitest';
import {
  draftFromProduct,
  emptyDraft,
  emptyTier,
  emptyVariant,
  errorsFromApi,
  newProductBody,
  newVariantBody,
  productPatch,
  unplacedErrors,
  variantChange,
  type ProductDraft,
} from './product-form.ts';
import type { SellerProduct } from './types.ts';

/** A lantern with two colours, typed as a person would. */
function lanternDraft(): ProductDraft {
  const black = {
    ...emptyVariant(1),
    sku: 'LANTERN-BLK',
    optionValues: ['Black'],
    price: '24',
    moq: '12',
    casePack: '6',
    unitCost: '9.5',
    stock: '500',
    tiers: [
      { ...emptyTier(), minQuantity: '24', price: '22.00' },
      { ...emptyTier(), minQuantity: '96', price: '19.50' },
    ],
  };
  return {
    ...emptyDraft(),
    sku: 'LANTERN',
    name: '  Storm lantern ',
    category: 'camping',
    leadTimeDays: '7',
    certifications: 'FSC, , Fair Trade',
    optionNames: 'Colour',
    variants: [black, { ...emptyVariant(1), sku: 'LANTERN-RED', optionValues: ['Red'], price: '25.00' }],
  };
}

const savedLantern = (): SellerProduct => ({
  id: 'p1',
  sellerCompanyId: 'c1',
  sellerName: 'Harbor',
  sku: 'LANTERN',
  name: 'Storm lantern',
  description: '',
  categoryId: null,
  category: { id: 'k1', slug: 'camping', name: 'Camping', path: 'Outdoor > Camping' },
  priceMinor: 2400,
  currency: 'USD',
  stock: 500,
  moq: 12,
  leadTimeDays: 7,
  certifications: ['FSC'],
  images: [],
  image: null,
  specifications: [{ name: 'Material', value: 'Steel' }],
  status: 'draft',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: null,
  publishedAt: null,
  unitsSold: 0,
  moderation: { hidden: false, hiddenAt: null, reason: null },
  variants: [
    {
      id: 'v1',
      sku: 'LANTERN-BLK',
      options: { Colour: 'Black' },
      priceMinor: 2400,
      priceTiers: [{ minQuantity: 24, priceMinor: 2200 }],
      moq: 12,
      casePack: 6,
      available: 500,
      unitCostMinor: 950,
      onHand: 500,
      reserved: 0,
    },
    {
      id: 'v2',
      sku: 'LANTERN-RED',
      options: { Colour: 'Red' },
      priceMinor: 2500,
      priceTiers: [],
      moq: 1,
      casePack: 1,
      available: 0,
      unitCostMinor: null,
      onHand: 0,
      reserved: 0,
    },
  ],
});

describe('the product form', () => {
  it('turns what a seller typed into the API body: minor units, whole numbers, options by name', () => {
    const { value, errors } = newProductBody(lanternDraft(), 'published');
    expect(errors).toEqual({});
    expect(value).toEqual({
      sku: 'LANTERN',
      name: 'Storm lantern',
      category: 'camping',
      currency: 'USD',
      leadTimeDays: 7,
      certifications: ['FSC', 'Fair Trade'],
      status: 'published',
      variants: [
        {
          sku: 'LANTERN-BLK',
          options: { Colour: 'Black' },
          priceMinor: 2400,
          priceTiers: [
            { minQuantity: 24, priceMinor: 2200 },
            { minQuantity: 96, priceMinor: 1950 },
          ],
          moq: 12,
          casePack: 6,
          unitCostMinor: 950,
          stock: 500,
        },
        {
          sku: 'LANTERN-RED',
          options: { Colour: 'Red' },
          priceMinor: 2500,
          moq: 1,
          casePack: 1,
          unitCostMinor: null,
          stock: 0,
        },
      ],
    });
  });

  it('names every field a seller must fix, by the API path, before anything is sent', () => {
    const draft = lanternDraft();
    draft.sku = 'has space';
    draft.name = ' ';
    draft.leadTimeDays = '400';
    draft.variants[0]!.price = '12,50';
    draft.variants[0]!.tiers[1]!.minQuantity = '20';
    draft.variants[1]!.sku = 'LANTERN-BLK';
    draft.variants[1]!.optionValues = [''];
    draft.variants[1]!.tiers = [{ ...emptyTier(), minQuantity: '1', price: '0' }];
    const { value, errors } = newProductBody(draft, 'draft');
    expect(value).toBeNull();
    expect(errors).toEqual({
      sku: 'Use 1-64 letters, digits, ".", "_" or "-"',
      name: 'Required',
      leadTimeDays: 'A whole number of days from 0 to 365',
      'variants.0.priceMinor': 'Enter an amount such as 12.50',
      'variants.0.priceTiers.1.minQuantity': 'Must be above the previous tier (24)',
      'variants.1.sku': 'Another variant has this SKU',
      'variants.1.options.0': 'Required',
      'variants.1.priceTiers.0.minQuantity': 'A whole number, at least 2',
      'variants.1.priceTiers.0.priceMinor': 'Must be more than 0',
    });
  });

  it('refuses a quantity price at or below the minimum order, which nobody could ever buy at', () => {
    const draft = lanternDraft();
    draft.variants[0]!.tiers[0]!.minQuantity = '12';
    expect(newProductBody(draft, 'draft').errors).toEqual({
      'variants.0.priceTiers.0.minQuantity': 'Must be above the minimum order (12)',
    });
  });

  it('sends only the details that changed', () => {
    const product = savedLantern();
    const draft = draftFromProduct(product);
    expect(draft.optionNames).toBe('Colour');
    expect(draft.variants[0]).toMatchObject({ price: '24.00', unitCost: '9.50', optionValues: ['Black'] });
    expect(productPatch(draft, product)).toEqual({ value: null, errors: {} });

    draft.name = 'Storm lantern, steel';
    draft.category = '';
    draft.certifications = 'FSC, Organic';
    expect(productPatch(draft, product).value).toEqual({
      name: 'Storm lantern, steel',
      category: null,
      certifications: ['FSC', 'Organic'],
    });
  });

  it('changes a saved variant by only what differs, and never its stock', () => {
    const product = savedLantern();
    const before = product.variants[0]!;
    const draft = draftFromProduct(product).variants[0]!;
    expect(variantChange(draft, 'Colour', 'USD', before)).toEqual({ value: null, errors: {} });

    draft.tiers.push({ ...emptyTier(), minQuantity: '96', price: '19.5' });
    draft.optionValues = ['Matt black'];
    draft.unitCost = '';
    draft.stock = '9999';
    expect(variantChange(draft, 'Colour', 'USD', before).value).toEqual({
      options: { Colour: 'Matt black' },
      priceTiers: [
        { minQuantity: 24, priceMinor: 2200 },
        { minQuantity: 96, priceMinor: 1950 },
      ],
      unitCostMinor: null,
    });
    // A rename of the option applies to the variant being saved.
    expect(variantChange(draft, 'Finish', 'USD', before).value?.options).toEqual({ Finish: 'Matt black' });
    draft.moq = '100';
    expect(variantChange(draft, 'Colour', 'USD', before).errors).toEqual({
      'priceTiers.0.minQuantity': 'Must be above the minimum order (100)',
      'priceTiers.1.minQuantity': 'Must be above the minimum order (100)',
    });
  });

  it('adds a variant with its opening stock, errors keyed by its own fields', () => {
    const variant = { ...emptyVariant(1), sku: 'LANTERN-GRN', price: '25', stock: '40' };
    expect(newVariantBody(variant, 'Colour', 'USD')).toEqual({
      value: null,
      errors: { 'options.0': 'Required' },
    });
    variant.optionValues = ['Green'];
    expect(newVariantBody(variant, 'Colour', 'USD').value).toEqual({
      sku: 'LANTERN-GRN',
      options: { Colour: 'Green' },
      priceMinor: 2500,
      moq: 1,
      casePack: 1,
      unitCostMinor: null,
      stock: 40,
    });
  });

  it("puts the API's field problems next to the fields they are about", () => {
    const draft = lanternDraft();
    const errors = errorsFromApi(
      [
        { field: 'variants.1.sku', message: 'is already used by another of your products' },
        { field: 'variants.0.options.Colour', message: 'must be at most 80 characters' },
        { field: 'certifications.1', message: 'must be at most 60 characters' },
        { field: 'options.Colour', message: 'must not be empty' },
        { field: 'images', message: 'at most 10 images per product' },
      ],
      draft.optionNames,
    );
    expect(errors).toEqual({
      'variants.1.sku': 'is already used by another of your products',
      'variants.0.options.0': 'must be at most 80 characters',
      certifications: 'must be at most 60 characters',
      'options.0': 'must not be empty',
      images: 'at most 10 images per product',
    });
    // The form has no images field, so that one is listed above the form instead.
    expect(unplacedErrors(errors)).toEqual([{ field: 'images', message: 'at most 10 images per product' }]);
  });
});
