/**
 * Proof of delivery: the manufacturer uploads the signed delivery note or a photo (JPEG, PNG, WebP or PDF,
 * recognised by its bytes, not its declared type) while the order is shipped, then marks it delivered naming
 * the stored file. The file lives in object storage under the order's own prefix, so a delivery can only cite
 * a file uploaded for that order; the buyer, the manufacturer and platform staff can download it.
 */
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Principal } from '../../platform/principal.ts';
import { sniffImageType } from '../claims/image-signature.ts';
import type { Db } from '../db/database.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { visibleOrder } from './order-access.ts';

export const PROOF_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_PROOF_BYTES = 10 * 1024 * 1024;

/** The storage prefix of an order's proofs; `transitionOrder` accepts only keys under it. */
export const proofPrefix = (orderId: string) => `orders/${orderId}/proof-of-delivery/`;

function sniff(bytes: Uint8Array): string | undefined {
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
  if (bytes.length >= pdf.length && pdf.every((b, i) => bytes[i] === b)) return 'application/pdf';
  return sniffImageType(bytes);
}

export function createProofOfDelivery(deps: { db: Db; storage: ObjectStorage }) {
  const { db, storage } = deps;

  /** Checked before the body is read, so a stranger's upload is refused without reading 10 MB of it. */
  async function mayUpload(principal: Principal, orderId: string) {
    const order = await visibleOrder(db, principal, orderId);
    if (principal.companyId !== order.seller_company_id)
      throw forbidden('Only the manufacturer uploads a proof of delivery.');
    if (!can(principal, 'orders:manage'))
      throw forbidden(`Your role (${principal.role}) cannot act on orders (it needs orders:manage).`);
    const { status } = await db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    if (status !== 'shipped')
      throw new DomainError(
        'conflict',
        'not_shipped',
        `A proof of delivery belongs to a shipped order; this one is ${status}.`,
      );
  }

  return {
    mayUpload,

    async upload(principal: Principal, orderId: string, file: { bytes: Uint8Array; contentType: string }) {
      await mayUpload(principal, orderId);
      const actual = sniff(file.bytes);
      if (!actual)
        throw new DomainError(
          'validation',
          'not_a_proof_file',
          'The file is not a JPEG, PNG, WebP image or a PDF.',
          [{ field: 'body', message: 'must be a JPEG, PNG or WebP image or a PDF' }],
        );
      if (actual !== file.contentType)
        throw new DomainError(
          'validation',
          'proof_type_mismatch',
          `The file is ${actual}, not ${file.contentType}.`,
          [{ field: 'Content-Type', message: `does not match the file (${actual})` }],
        );
      const key = `${proofPrefix(orderId)}${newId()}`;
      await storage.put(key, file.bytes, actual);
      return { key, contentType: actual, sizeBytes: file.bytes.length };
    },

    async download(principal: Principal, orderId: string) {
      await visibleOrder(db, principal, orderId);
      const { proof_of_delivery_key: key } = await db
        .selectFrom('orders')
        .select('proof_of_delivery_key')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      const stored = key?.startsWith(proofPrefix(orderId)) ? await storage.get(key) : undefined;
      if (!stored) throw notFound('proof_of_delivery', orderId);
      return stored;
    },
  };
}

export type ProofOfDelivery = ReturnType<typeof createProofOfDelivery>;
