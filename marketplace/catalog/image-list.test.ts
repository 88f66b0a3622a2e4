import { describe, expect, it } from 'vitest';
import { mergeImageList, productImageUrl, uploadIdOf } from './image-list.ts';
import { fromPriceLadder } from './product-views.ts';

describe("a product's image list", () => {
  const a = '01900000-0000-7000-8000-00000000000a';
  const b = '01900000-0000-7000-8000-00000000000b';
  const link = 'https://cdn.example.test/front.jpg';

  it('tells an upload from a link or a storage key', () => {
    expect(uploadIdOf(productImageUrl(a))).toBe(a);
    expect(uploadIdOf(link)).toBeUndefined();
    expect(uploadIdOf('catalog/mug-2.jpg')).toBeUndefined();
    expect(uploadIdOf(`${productImageUrl(a)}/x`)).toBeUndefined();
  });

  it('keeps uploads an edit leaves out, after the rest and in their order', () => {
    const current = [productImageUrl(b), link, productImageUrl(a)];
    expect(mergeImageList(['https://x.test/new.jpg'], current, new Set([a, b]))).toEqual({
      images: ['https://x.test/new.jpg', productImageUrl(b), productImageUrl(a)],
    });
    expect(mergeImageList([productImageUrl(a), link], current, new Set([a, b]))).toEqual({
      images: [productImageUrl(a), link, productImageUrl(b)],
    });
  });

  it("refuses another product's upload, a repeat, and more than 10 images", () => {
    expect(mergeImageList([productImageUrl(b)], [], new Set([a]))).toEqual({
      problem: `${productImageUrl(b)} is not an image of this product`,
    });
    expect(mergeImageList([productImageUrl(a), productImageUrl(a)], [], new Set([a]))).toMatchObject({
      problem: expect.stringContaining('twice'),
    });
    const links = Array.from({ length: 10 }, (_, i) => `https://x.test/${i}.jpg`);
    expect(mergeImageList(links, [productImageUrl(a)], new Set([a]))).toMatchObject({
      problem: expect.stringContaining('at most 10 images'),
    });
  });
});

describe('the "from" price ladder of a search summary', () => {
  it('keeps the best price from each quantity on, over all variants, only where it gets cheaper', () => {
    expect(
      fromPriceLadder([
        { priceMinor: 900, priceTiers: [{ minQuantity: 24, priceMinor: 800 }] },
        {
          priceMinor: 1200,
          priceTiers: [
            { minQuantity: 12, priceMinor: 1000 },
            { minQuantity: 48, priceMinor: 700 },
          ],
        },
      ]),
    ).toEqual([
      { minQuantity: 24, priceMinor: 800 },
      { minQuantity: 48, priceMinor: 700 },
    ]);
    expect(fromPriceLadder([{ priceMinor: 500, priceTiers: [] }])).toEqual([]);
    expect(fromPriceLadder([])).toEqual([]);
  });
});
