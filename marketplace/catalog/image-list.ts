/**
 * A product's image list: `products.images` holds, in display order (the first is the cover), external
 * http(s) URLs, older storage keys, and uploaded images as their own URL (`/api/v1/product-images/<id>`), so
 * every answer that shows images shows URLs a browser can load, with no lookup. The uploads themselves are rows
 * of `product_images`; this module keeps the list and those rows agreeing.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export const MAX_IMAGES_PER_PRODUCT = 10;

const PREFIX = '/api/v1/product-images/';
const UPLOAD_URL =
  /^\/api\/v1\/product-images\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const productImageUrl = (imageId: string) => `${PREFIX}${imageId}`;

/** The id of the upload an entry of the list points to; undefined for a link or a storage key. */
export function uploadIdOf(entry: string): string | undefined {
  return UPLOAD_URL.exec(entry)?.[1];
}

/**
 * The list a seller asked for (in an edit or a CSV row), checked against the product's uploads: an upload's
 * URL must be one of this product's, at most once; uploads left out stay, after the rest, in their order
 * (an upload is removed only by deleting it, so an edit that knows nothing of uploads cannot lose one).
 * Returns the new list, or the problem with it.
 */
export function mergeImageList(
  requested: string[],
  current: string[],
  uploadIds: ReadonlySet<string>,
): { images: string[] } | { problem: string } {
  const named = new Set<string>();
  for (const entry of requested) {
    const id = uploadIdOf(entry);
    if (id === undefined) continue;
    if (!uploadIds.has(id)) return { problem: `${entry} is not an image of this product` };
    if (named.has(id)) return { problem: `lists ${entry} twice` };
    named.add(id);
  }
  const inCurrent = current.flatMap((e) => uploadIdOf(e) ?? []);
  const kept = [...new Set([...inCurrent, ...uploadIds])].filter((id) => uploadIds.has(id) && !named.has(id));
  const images = [...requested, ...kept.map(productImageUrl)];
  if (images.length > MAX_IMAGES_PER_PRODUCT)
    return {
      problem:
        kept.length > 0
          ? `may hold at most ${MAX_IMAGES_PER_PRODUCT} images, and its ${kept.length} uploaded image(s) count too (delete one first)`
          : `may hold at most ${MAX_IMAGES_PER_PRODUCT} images`,
    };
  return { images };
}

/** Ids of the product's uploaded images (in no particular order). */
export async function uploadIdsOf(
  tx: Pick<Transaction<Database>, 'selectFrom'>,
  productId: string,
): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('product_images')
    .select('id')
    .where('product_id', '=', productId)
    .execute();
  return new Set(rows.map((r) => r.id));
}
