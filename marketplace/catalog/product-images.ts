/**
 * Product images as uploads: JPEG, PNG or WebP, recognised by their bytes (claims/image-signature.ts), at most
 * 5 MB each and 10 images per product (links included). Only the owning manufacturer's catalog writers upload,
 * delete and reorder; each change updates the product's image list and emits `product.updated` with
 * `changed: ['images']`. Anyone may read an image of a product on sale; drafts and hidden products' images
 * only the owning company's members (and platform admins, who moderate) can read. The bytes live in object
 * storage under `products/<productId>/<imageId>`; an image of another company's product is "not found".
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Principal } from '../../platform/principal.ts';
import { EVIDENCE_TYPES, sniffImageType, type EvidenceType } from '../claims/image-signature.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { requireCatalogWriter } from '../inventory/inventory-service.ts';
import { recordEvent } from '../outbox/record-event.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import type { Transaction } from 'kysely';
import { PRODUCT_UPDATED, type ProductUpdatedV1 } from './events.ts';
import { MAX_IMAGES_PER_PRODUCT, productImageUrl, uploadIdOf } from './image-list.ts';
import { lockOwnProduct } from './product-editing.ts';

export const PRODUCT_IMAGE_TYPES = EVIDENCE_TYPES;
export const MAX_PRODUCT_IMAGE_BYTES = 5 * 1024 * 1024;
export { MAX_IMAGES_PER_PRODUCT } from './image-list.ts';

export interface ProductImage {
  id: string;
  url: string;
  contentType: EvidenceType;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

const badImage = (code: string, message: string) =>
  new DomainError('validation', code, message, [{ field: 'body', message }]);

/** The declared type, one we take, and what the bytes really are. */
export function checkProductImage(upload: { bytes: Uint8Array; contentType: string }): EvidenceType {
  const declared = upload.contentType.split(';')[0]!.trim().toLowerCase();
  if (!(PRODUCT_IMAGE_TYPES as readonly string[]).includes(declared))
    throw badImage(
      'unsupported_image_type',
      `A product image must be ${PRODUCT_IMAGE_TYPES.join(', ')}; got ${declared || 'no content type'}.`,
    );
  if (upload.bytes.length === 0)
    throw badImage('image_empty', 'The upload is empty: send the image as the request body.');
  if (upload.bytes.length > MAX_PRODUCT_IMAGE_BYTES)
    throw badImage(
      'image_too_large',
      `A product image may be at most ${MAX_PRODUCT_IMAGE_BYTES / 1024 / 1024} MB.`,
    );
  const actual = sniffImageType(upload.bytes);
  if (!actual)
    throw badImage(
      'not_an_image',
      'The file is not a JPEG, PNG or WebP image (its bytes do not start like one), whatever its content type says.',
    );
  if (actual !== declared)
    throw badImage('image_type_mismatch', `The file is ${actual} but was sent as ${declared}.`);
  return actual;
}

type Tx = Transaction<Database>;

export function createProductImages(deps: { db: Db; clock: Clock; storage: ObjectStorage }) {
  const { db, clock, storage } = deps;
  const actorOf = (p: Principal) => ({ userId: p.userId, companyId: p.companyId, kind: 'user' as const });

  async function saveList(tx: Tx, principal: Principal, productId: string, images: string[], at: Date) {
    await tx
      .updateTable('products')
      .set({ images: JSON.stringify(images), updated_at: at })
      .where('id', '=', productId)
      .execute();
    await recordEvent<ProductUpdatedV1>(tx, {
      type: PRODUCT_UPDATED,
      version: 1,
      aggregateType: 'product',
      aggregateId: productId,
      companyIds: [principal.companyId],
      occurredAt: at,
      actor: actorOf(principal),
      payload: { productId, sellerCompanyId: principal.companyId, changed: ['images'] },
    });
  }

  /** Checked before the body is read: a stranger's upload is refused without reading 5 MB of it. */
  async function mayUpload(principal: Principal, productId: string): Promise<void> {
    requireCatalogWriter(principal);
    const own = await db
      .selectFrom('products')
      .select('id')
      .where('id', '=', productId)
      .where('seller_company_id', '=', principal.companyId)
      .executeTakeFirst();
    if (!own) throw notFound('product', productId);
  }

  /** Stores the image and appends it to the product's list (the cover if it is the first). */
  async function upload(
    principal: Principal,
    productId: string,
    file: { bytes: Uint8Array; contentType: string },
  ): Promise<ProductImage> {
    await mayUpload(principal, productId);
    const contentType = checkProductImage(file);
    const id = newId();
    const key = `products/${productId}/${id}`;
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const at = clock.now();
    let stored = false;
    try {
      await db.transaction().execute(async (tx) => {
        const product = await lockOwnProduct(tx, principal, productId);
        if (product.images.length >= MAX_IMAGES_PER_PRODUCT)
          throw new DomainError(
            'validation',
            'too_many_images',
            `A product holds at most ${MAX_IMAGES_PER_PRODUCT} images; this one has ${product.images.length}. Delete one first.`,
            [{ field: 'images', message: `at most ${MAX_IMAGES_PER_PRODUCT} images per product` }],
          );
        // Under the product's lock, so the count holds; the row only commits if the bytes are stored.
        await storage.put(key, bytes, contentType);
        stored = true;
        await tx
          .insertInto('product_images')
          .values({
            id,
            product_id: productId,
            seller_company_id: principal.companyId,
            storage_key: key,
            content_type: contentType,
            size_bytes: bytes.length,
            sha256,
            uploaded_by: principal.userId,
            created_at: at,
          })
          .execute();
        await saveList(tx, principal, productId, [...product.images, productImageUrl(id)], at);
      });
    } catch (error) {
      if (stored) await storage.delete(key).catch(() => undefined);
      throw error;
    }
    return {
      id,
      url: productImageUrl(id),
      contentType,
      sizeBytes: bytes.length,
      sha256,
      createdAt: at.toISOString(),
    };
  }

  /** Removes an uploaded image from the product and from storage. */
  async function remove(principal: Principal, productId: string, imageId: string): Promise<void> {
    requireCatalogWriter(principal);
    const at = clock.now();
    const key = await db.transaction().execute(async (tx) => {
      const product = await lockOwnProduct(tx, principal, productId);
      const row = await tx
        .deleteFrom('product_images')
        .where('id', '=', imageId)
        .where('product_id', '=', productId)
        .returning('storage_key')
        .executeTakeFirst();
      if (!row) throw notFound('product_image', imageId);
      const url = productImageUrl(imageId);
      await saveList(
        tx,
        principal,
        productId,
        product.images.filter((e) => e !== url),
        at,
      );
      return row.storage_key;
    });
    // After the commit: a failed delete leaves an unreferenced object, never a reference to nothing.
    await storage.delete(key).catch(() => undefined);
  }

  /**
   * Puts the product's images in the given order (the first is the cover): each of them exactly once, an
   * upload by its id (or URL), a link by its URL.
   */
  async function reorder(principal: Principal, productId: string, order: string[]): Promise<void> {
    requireCatalogWriter(principal);
    const at = clock.now();
    await db.transaction().execute(async (tx) => {
      const product = await lockOwnProduct(tx, principal, productId);
      const uploads = new Set(product.images.flatMap((e) => uploadIdOf(e) ?? []));
      const wanted = order.map((e) => (uploads.has(e) ? productImageUrl(e) : e));
      const sorted = (list: string[]) => [...list].sort().join('\n');
      if (sorted(wanted) !== sorted(product.images)) {
        const unknown = wanted.find((e) => !product.images.includes(e));
        const message = unknown
          ? `"${unknown}" is not an image of this product`
          : `must name each of the product's ${product.images.length} images exactly once`;
        throw new DomainError('validation', 'invalid_image_order', `The order ${message}.`, [
          { field: 'order', message },
        ]);
      }
      if (wanted.join('\n') !== product.images.join('\n'))
        await saveList(tx, principal, productId, wanted, at);
    });
  }

  /**
   * An image's bytes for whoever may see them: everyone while its product is on sale (published, not hidden,
   * its seller active), else only the owning company's members and platform admins. Anyone else: not found.
   */
  async function read(principal: Principal | undefined, imageId: string) {
    const row = await db
      .selectFrom('product_images as i')
      .innerJoin('products as p', 'p.id', 'i.product_id')
      .innerJoin('companies as c', 'c.id', 'p.seller_company_id')
      .select([
        'i.storage_key',
        'i.content_type',
        'i.sha256',
        'p.seller_company_id',
        'p.status',
        'p.hidden_at',
        'c.status as seller_status',
      ])
      .where('i.id', '=', imageId)
      .executeTakeFirst();
    const onSale = row?.status === 'published' && row.hidden_at === null && row.seller_status === 'active';
    const insider =
      principal !== undefined &&
      (principal.companyId === row?.seller_company_id ||
        (principal.companyKind === 'platform' && can(principal, 'platform:admin')));
    if (!row || (!onSale && !insider)) throw notFound('product_image', imageId);
    const object = await storage.get(row.storage_key);
    if (!object) throw notFound('product_image', imageId);
    return {
      bytes: object.bytes,
      contentType: row.content_type,
      sha256: row.sha256,
      /** Whether a shared cache may keep it (drafts and hidden products' images are private). */
      public: onSale,
    };
  }

  return { mayUpload, upload, remove, reorder, read };
}

export type ProductImages = ReturnType<typeof createProductImages>;
