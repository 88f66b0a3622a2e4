/**
 * Photo evidence on a claim: JPEG, PNG or WebP images, recognised by their bytes (image-signature.ts), at most
 * 5 MB each and 6 per claim, uploaded by either party while the claim is open and readable by both parties and
 * platform staff. The bytes go to object storage under a key made here; the database keeps the key, the type,
 * the size and a SHA-256, and the claim's timeline records each upload.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { actorOf, claimForParty, claimForViewer } from './claim-access.ts';
import { OPEN_STATUSES } from './claim-state-machine.ts';
import { addTimeline } from './claim-steps.ts';
import { EVIDENCE_TYPES, sniffImageType, type EvidenceType } from './image-signature.ts';

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_PER_CLAIM = 6;

export interface EvidenceUpload {
  bytes: Uint8Array;
  /** As the client declared it (the Content-Type header); checked against the bytes. */
  contentType: string;
}

const badImage = (code: string, message: string) =>
  new DomainError('validation', code, message, [{ field: 'body', message }]);

/** The declared type, one we take, and matching what the bytes are. */
export function checkImage(upload: EvidenceUpload): EvidenceType {
  const declared = upload.contentType.split(';')[0]!.trim().toLowerCase();
  if (!(EVIDENCE_TYPES as readonly string[]).includes(declared))
    throw badImage(
      'unsupported_evidence_type',
      `Evidence must be ${EVIDENCE_TYPES.join(', ')}; got ${declared || 'no content type'}.`,
    );
  if (upload.bytes.length === 0)
    throw badImage('evidence_empty', 'The upload is empty: send the image as the request body.');
  if (upload.bytes.length > MAX_EVIDENCE_BYTES)
    throw badImage(
      'evidence_too_large',
      `An evidence image may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`,
    );
  const actual = sniffImageType(upload.bytes);
  if (!actual)
    throw badImage(
      'not_an_image',
      `The file is not a JPEG, PNG or WebP image (its bytes do not start like one), whatever its content type says.`,
    );
  if (actual !== declared)
    throw badImage('evidence_type_mismatch', `The file is ${actual} but was sent as ${declared}.`);
  return actual;
}

export function createClaimEvidence(deps: { db: Db; clock: Clock; storage: ObjectStorage }) {
  const { db, clock, storage } = deps;

  /** Who first: a stranger learns nothing about the claim, whatever it sent. */
  async function mayAdd(principal: Principal, claimId: string): Promise<void> {
    const { party } = await claimForParty(db, principal, claimId, false);
    if (party === 'admin') throw forbidden('Evidence comes from the claim’s buyer or manufacturer.');
  }

  async function add(principal: Principal, claimId: string, upload: EvidenceUpload) {
    await mayAdd(principal, claimId);
    const contentType = checkImage(upload);
    const evidenceId = newId();
    const key = `claims/${claimId}/${evidenceId}`;
    const bytes = Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let stored = false;
    try {
      await db.transaction().execute(async (tx) => {
        const { claim } = await claimForParty(tx, principal, claimId);
        if (!OPEN_STATUSES.includes(claim.status))
          throw new DomainError(
            'conflict',
            'claim_closed',
            `The claim is ${claim.status}: no more evidence can be added.`,
          );
        const count = await tx
          .selectFrom('claim_evidence')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('claim_id', '=', claimId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_EVIDENCE_PER_CLAIM)
          throw badImage('too_much_evidence', `A claim holds at most ${MAX_EVIDENCE_PER_CLAIM} images.`);
        const at = clock.now();
        // Under the claim's lock, so the count holds; the row only commits if the bytes are stored.
        await storage.put(key, bytes, contentType);
        stored = true;
        await tx
          .insertInto('claim_evidence')
          .values({
            id: evidenceId,
            claim_id: claimId,
            storage_key: key,
            content_type: contentType,
            size_bytes: bytes.length,
            sha256,
            uploaded_by: principal.userId,
            uploaded_by_company_id: principal.companyId,
            created_at: at,
          })
          .execute();
        await addTimeline(tx, {
          claimId,
          action: 'evidence_added',
          actor: actorOf(principal),
          at,
          details: { evidenceId, contentType, sizeBytes: bytes.length },
        });
      });
    } catch (error) {
      if (stored) await storage.delete(key).catch(() => undefined);
      throw error;
    }
    return {
      id: evidenceId,
      contentType,
      sizeBytes: bytes.length,
      sha256,
      url: `/api/v1/claims/${claimId}/evidence/${evidenceId}`,
    };
  }

  /** The image and the type it was recognised as when uploaded (never the client's word for it). */
  async function download(principal: Principal, claimId: string, evidenceId: string) {
    await claimForViewer(db, principal, claimId);
    const row = await db
      .selectFrom('claim_evidence')
      .select(['storage_key', 'content_type', 'size_bytes'])
      .where('id', '=', evidenceId)
      .where('claim_id', '=', claimId)
      .executeTakeFirst();
    const object = row ? await storage.get(row.storage_key) : undefined;
    if (!row || !object) throw notFound('evidence', evidenceId);
    return { bytes: object.bytes, contentType: row.content_type };
  }

  return { mayAdd, add, download };
}
