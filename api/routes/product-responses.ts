/**
 * How products read over HTTP, shared by the catalog's route files: the summary in search results and lists,
 * the public product page, and the seller's own view (drafts, moderation, unit cost, uploads, retired variants).
 */
import { z } from 'zod';
import { PRODUCT_IMAGE_TYPES } from '../../marketplace/catalog/product-images.ts';
import { CURRENCIES } from '../../platform/money.ts';

const tier = z.object({ minQuantity: z.number().int(), priceMinor: z.number().int() });
export const productSummary = z
  .object({
    id: z.string(),
    sellerCompanyId: z.string(),
    sellerName: z.string(),
    sellerCountry: z.string(),
    sellerTrustBadge: z.enum(['basic', 'verified', 'premium']),
    sku: z.string(),
    name: z.string(),
    categoryId: z.string().nullable(),
    priceMinor: z.number().int(),
    priceTiers: z.array(tier).openapi({
      description:
        'Lower unit prices from a quantity on, over the variants on sale ("from 650 at 100+" is the last step)',
    }),
    currency: z.enum(CURRENCIES),
    stock: z.number().int(),
    moq: z.number().int(),
    leadTimeDays: z.number().int(),
    certifications: z.array(z.string()),
    image: z.string().nullable().openapi({ description: 'The cover image: a URL the browser can load' }),
    averageRating: z.number().nullable(),
    reviewCount: z.number().int(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('ProductSummary');
const publicVariant = z.object({
  id: z.string(),
  sku: z.string(),
  options: z.record(z.string(), z.string()),
  priceMinor: z.number().int(),
  priceTiers: z.array(tier),
  moq: z.number().int(),
  casePack: z.number().int(),
  available: z.number().int(),
});
const productDetail = {
  description: z.string(),
  category: z.object({ id: z.string(), slug: z.string(), name: z.string(), path: z.string() }).nullable(),
  images: z.array(z.string()).openapi({
    description: 'In display order, the first is the cover: uploads as /api/v1/product-images/{id}, or links',
  }),
  specifications: z.array(z.object({ name: z.string(), value: z.string() })),
};
export const productImage = z
  .object({
    id: z.string(),
    url: z.string(),
    contentType: z.enum(PRODUCT_IMAGE_TYPES),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .openapi('ProductImage');
export const productPage = productSummary
  .extend({ ...productDetail, variants: z.array(publicVariant), related: z.array(productSummary) })
  .openapi('ProductPage');
export const sellerProduct = productSummary
  .extend({
    ...productDetail,
    status: z.enum(['draft', 'published']),
    updatedAt: z.string().nullable(),
    unitsSold: z.number().int(),
    moderation: z.object({
      hidden: z.boolean(),
      hiddenAt: z.string().nullable(),
      reason: z.string().nullable(),
    }),
    uploadedImages: z.array(productImage),
    variants: z.array(
      publicVariant.extend({
        unitCostMinor: z.number().int().nullable(),
        onHand: z.number().int(),
        reserved: z.number().int(),
        retiredAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('SellerProduct');
