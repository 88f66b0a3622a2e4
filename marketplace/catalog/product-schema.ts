/**
 * The shape of a product as a seller submits it, shared by the API (JSON) and the CSV import (one row per
 * variant), so both accept and refuse exactly the same things. Business rules that need the database
 * (category exists, SKU free, company verified) are checked by the writer.
 */
import { z } from 'zod';
import { CURRENCIES } from '../../platform/money.ts';

const MAX_PRICE = 1_000_000_000_00;
export const skuSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1-64 letters, digits, ".", "_" or "-"' });
const price = z.number().int().positive().max(MAX_PRICE, { message: 'must be at most 1,000,000,000.00' });
const units = z.number().int().min(0).max(1_000_000_000);

export const priceTiersSchema = z
  .array(z.object({ minQuantity: z.number().int().min(2).max(1_000_000), priceMinor: price }).strict())
  .max(10)
  .refine((tiers) => tiers.every((t, i) => i === 0 || t.minQuantity > tiers[i - 1]!.minQuantity), {
    message: 'must be in ascending minQuantity order, each minQuantity once',
  });

export const variantSchema = z
  .object({
    sku: skuSchema,
    options: z.record(z.string().trim().min(1).max(40), z.string().trim().min(1).max(80)).optional(),
    priceMinor: price,
    priceTiers: priceTiersSchema.optional(),
    moq: z.number().int().min(1).max(1_000_000).optional(),
    casePack: z.number().int().min(1).max(10_000).optional(),
    unitCostMinor: z.number().int().min(0).max(MAX_PRICE).nullable().optional(),
    stock: units.optional(),
  })
  .strict();

export const productFields = {
  sku: skuSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, { message: 'must be a category slug such as "drinkware"' })
    .optional(),
  currency: z.enum(CURRENCIES),
  images: z
    .array(
      z
        .string()
        .max(500)
        .regex(/^(https?:\/\/\S+|[A-Za-z0-9._/-]+)$/, { message: 'must be an http(s) URL or a storage key' }),
    )
    .max(10, { message: 'may hold at most 10 images' })
    .optional(),
  specifications: z
    .array(
      z.object({ name: z.string().trim().min(1).max(80), value: z.string().trim().min(1).max(500) }).strict(),
    )
    .max(50)
    .optional(),
  certifications: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  leadTimeDays: z.number().int().min(0).max(365).optional(),
  status: z.enum(['draft', 'published']).optional(),
};

/**
 * A new product: either `variants`, or the single-variant shorthand (`priceMinor`, `stock`, `moq`, ...,
 * the product's own SKU doubling as the variant's) that earlier clients send.
 */
export const newProductSchema = z
  .object({
    ...productFields,
    priceMinor: price.optional(),
    priceTiers: priceTiersSchema.optional(),
    moq: z.number().int().min(1).max(1_000_000).optional(),
    casePack: z.number().int().min(1).max(10_000).optional(),
    unitCostMinor: z.number().int().min(0).max(MAX_PRICE).nullable().optional(),
    stock: units.optional(),
    variants: z.array(variantSchema).min(1).max(100).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!p.variants && p.priceMinor === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['priceMinor'],
        message: 'is required unless variants are given',
      });
    if (!p.variants && p.stock === undefined)
      ctx.addIssue({ code: 'custom', path: ['stock'], message: 'is required unless variants are given' });
    if (p.variants && (p.priceMinor !== undefined || p.stock !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['variants'],
        message: 'give prices and stock per variant, not also on the product',
      });
    const seen = new Set<string>();
    p.variants?.forEach((v, i) => {
      if (seen.has(v.sku))
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'sku'], message: 'repeats a SKU' });
      seen.add(v.sku);
    });
  });

export type NewProduct = z.infer<typeof newProductSchema>;

export const productPatchSchema = z
  .object({
    name: productFields.name.optional(),
    description: productFields.description,
    category: productFields.category.nullable(),
    images: productFields.images,
    specifications: productFields.specifications,
    certifications: productFields.certifications,
    leadTimeDays: productFields.leadTimeDays,
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'must change at least one field' });

export type ProductPatch = z.infer<typeof productPatchSchema>;

/** A variant added to an existing product: the same fields as at listing. */
export type NewVariant = z.infer<typeof variantSchema>;

/** A change to one variant: any of its fields but stock (stock moves through the ledger). */
export const variantChangeSchema = z
  .object({
    sku: skuSchema.optional(),
    options: variantSchema.shape.options,
    priceMinor: price.optional(),
    priceTiers: priceTiersSchema.optional(),
    moq: variantSchema.shape.moq,
    casePack: variantSchema.shape.casePack,
    unitCostMinor: variantSchema.shape.unitCostMinor,
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'must change at least one field' });

export type VariantChange = z.infer<typeof variantChangeSchema>;

export interface VariantSpec {
  sku: string;
  options: Record<string, string>;
  priceMinor: number;
  priceTiers: Array<{ minQuantity: number; priceMinor: number }>;
  moq: number;
  casePack: number;
  unitCostMinor: number | null;
  stock: number;
}

/** The variants a new product will have, the shorthand expanded. */
export function variantsOf(p: NewProduct): VariantSpec[] {
  const list = p.variants ?? [
    {
      sku: p.sku,
      priceMinor: p.priceMinor!,
      priceTiers: p.priceTiers,
      moq: p.moq,
      casePack: p.casePack,
      unitCostMinor: p.unitCostMinor,
      stock: p.stock,
    },
  ];
  return list.map(variantSpecOf);
}

/** One variant as submitted, its defaults filled in. */
export function variantSpecOf(
  v: Omit<NewVariant, 'options'> & { options?: NewVariant['options'] },
): VariantSpec {
  return {
    sku: v.sku,
    options: v.options ?? {},
    priceMinor: v.priceMinor,
    priceTiers: v.priceTiers ?? [],
    moq: v.moq ?? 1,
    casePack: v.casePack ?? 1,
    unitCostMinor: v.unitCostMinor ?? null,
    stock: v.stock ?? 0,
  };
}

/** The unit price for a quantity: the highest tier it reaches, else the base price. */
export function unitPriceFor(
  variant: { priceMinor: number; priceTiers: Array<{ minQuantity: number; priceMinor: number }> },
  quantity: number,
): number {
  let price = variant.priceMinor;
  for (const tier of variant.priceTiers) if (quantity >= tier.minQuantity) price = tier.priceMinor;
  return price;
}
