/**
 * KYB documents: the business registration, the tax id certificate and any other paper the reviewer asks for,
 * as PDF, JPEG or PNG (recognised by their bytes), at most 10 MB each and 20 on file. The bytes go to object
 * storage under a key made here, never from the file's name; the database keeps the key, type, size, SHA-256
 * (the same file on two companies is a risk flag) and who uploaded it.
 *
 * Who sees a document: members of the company holding `company:manage`, and platform admins. Nobody else learns
 * that it exists. Documents can be added or withdrawn only while the case is editable (kyb-state.ts); a
 * withdrawn document stays in the history the reviewer saw.
 */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { sniffImageType } from '../claims/image-signature.ts';
import type { Db } from '../db/database.ts';
import type { KybDocumentKind, KybDocumentsTable } from '../db/schema.ts';
import { actorOf, requirePlatformAdmin } from '../identity/deps.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { lockCompany, requireCompanyManager } from './company-profile.ts';
import { assertEditable } from './kyb-state.ts';

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_KINDS: readonly KybDocumentKind[] = [
  'business_registration',
  'tax_id',
  'proof_of_address',
  'other',
];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS = 20;

export interface DocumentUpload {
  kind: KybDocumentKind;
  fileName: string;
  bytes: Uint8Array;
  contentType: string;
}

const bad = (code: string, message: string, field = 'body') =>
  new DomainError('validation', code, message, [{ field, message }]);

/** PDF by its `%PDF-` header, images by their signatures; anything else is refused whatever its header says. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | undefined {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'application/pdf';
  const image = sniffImageType(bytes);
  return image === 'image/jpeg' || image === 'image/png' ? image : undefined;
}

function checkDocument(upload: DocumentUpload): DocumentType {
  const declared = upload.contentType.split(';')[0]!.trim().toLowerCase();
  if (!(DOCUMENT_TYPES as readonly string[]).includes(declared))
    throw bad(
      'unsupported_document_type',
      `A document must be ${DOCUMENT_TYPES.join(', ')}; got ${declared || 'no content type'}.`,
    );
  if (upload.bytes.length === 0)
    throw bad('document_empty', 'The upload is empty: send the file as the body.');
  if (upload.bytes.length > MAX_DOCUMENT_BYTES)
    throw bad('document_too_large', `A document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
  const actual = sniffDocumentType(upload.bytes);
  if (!actual)
    throw bad('not_a_document', 'The file is not a PDF, JPEG or PNG (its bytes do not start like one).');
  if (actual !== declared)
    throw bad('document_type_mismatch', `The file is ${actual} but was sent as ${declared}.`);
  return actual;
}

/** A name to show people: no path, no control characters, no quotes that could break a header. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}"<>]/gu, '')
    .trim()
    .slice(0, 120);
  if (!cleaned)
    throw bad('file_name_missing', 'Name the file (fileName), e.g. registration.pdf.', 'fileName');
  return cleaned;
}

export const documentView = (d: Selectable<KybDocumentsTable>) => ({
  id: d.id,
  kind: d.kind,
  fileName: d.file_name,
  contentType: d.content_type,
  sizeBytes: d.size_bytes,
  sha256: d.sha256,
  uploadedAt: new Date(d.created_at).toISOString(),
  withdrawnAt: d.withdrawn_at ? new Date(d.withdrawn_at).toISOString() : null,
  url: `/api/v1/kyb-documents/${d.id}`,
});

export function createKybDocuments(deps: { db: Db; clock: Clock; storage: ObjectStorage }) {
  const { db, clock, storage } = deps;

  /** Checked before the body is read, so a stranger's 10 MB is refused unread. */
  function mayUpload(principal: Principal): void {
    requireCompanyManager(principal);
  }

  async function upload(principal: Principal, input: DocumentUpload) {
    mayUpload(principal);
    const fileName = cleanFileName(input.fileName);
    const contentType = checkDocument(input);
    const id = newId();
    const key = `kyb/${principal.companyId}/${id}`;
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let stored = false;
    try {
      return await db.transaction().execute(async (tx) => {
        const company = await lockCompany(tx, principal.companyId);
        assertEditable(company.kyb_status, 'your documents');
        const count = await tx
          .selectFrom('kyb_documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('company_id', '=', company.id)
          .where('withdrawn_at', 'is', null)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_DOCUMENTS)
          throw bad(
            'too_many_documents',
            `A company keeps at most ${MAX_DOCUMENTS} documents: withdraw one first.`,
          );
        const at = clock.now();
        // Under the company's lock, so the count holds; the row commits only if the bytes are stored.
        await storage.put(key, bytes, contentType);
        stored = true;
        const row: Selectable<KybDocumentsTable> = {
          id,
          company_id: company.id,
          kind: input.kind,
          storage_key: key,
          file_name: fileName,
          content_type: contentType,
          size_bytes: bytes.length,
          sha256,
          uploaded_by: principal.userId,
          created_at: at,
          withdrawn_at: null,
        };
        await tx.insertInto('kyb_documents').values(row).execute();
        await recordAudit(tx, {
          actor: actorOf(principal),
          action: 'company.kyb_document_added',
          targetType: 'company',
          targetId: company.id,
          companyId: company.id,
          occurredAt: at,
          after: { documentId: id, kind: input.kind, fileName, sha256 },
        });
        return documentView(row);
      });
    } catch (error) {
      if (stored) await storage.delete(key).catch(() => undefined);
      throw error;
    }
  }

  async function list(principal: Principal) {
    requireCompanyManager(principal);
    const rows = await db
      .selectFrom('kyb_documents')
      .selectAll()
      .where('company_id', '=', principal.companyId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(documentView);
  }

  /** The file, for its own company's managers or a platform admin; "not found" for anyone else. */
  async function read(principal: Principal, documentId: string) {
    const isAdmin = principal.companyKind === 'platform';
    if (isAdmin) requirePlatformAdmin(principal);
    else requireCompanyManager(principal);
    let query = db.selectFrom('kyb_documents').selectAll().where('id', '=', documentId);
    if (!isAdmin) query = query.where('company_id', '=', principal.companyId);
    const row = await query.executeTakeFirst();
    if (!row) throw notFound('document', documentId);
    const file = await storage.get(row.storage_key);
    if (!file) throw notFound('document', documentId);
    return { file, fileName: row.file_name };
  }

  async function withdraw(principal: Principal, documentId: string): Promise<void> {
    requireCompanyManager(principal);
    const at = clock.now();
    await db.transaction().execute(async (tx) => {
      const company = await lockCompany(tx, principal.companyId);
      const row = await tx
        .selectFrom('kyb_documents')
        .selectAll()
        .where('id', '=', documentId)
        .where('company_id', '=', company.id)
        .executeTakeFirst();
      if (!row) throw notFound('document', documentId);
      if (row.withdrawn_at) return;
      assertEditable(company.kyb_status, 'your documents');
      await tx.updateTable('kyb_documents').set({ withdrawn_at: at }).where('id', '=', documentId).execute();
      await recordAudit(tx, {
        actor: actorOf(principal),
        action: 'company.kyb_document_withdrawn',
        targetType: 'company',
        targetId: company.id,
        companyId: company.id,
        occurredAt: at,
        before: { documentId, kind: row.kind, fileName: row.file_name },
      });
    });
  }

  return { mayUpload, upload, list, read, withdraw };
}
