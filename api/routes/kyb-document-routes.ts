/**
 * KYB document files: the upload takes the file itself as the body (PDF, JPEG or PNG) with its kind and name in
 * the query; the download answers the file with its type. Raw bodies for the same reasons as claim evidence
 * (claim-evidence-routes.ts): one file per request, the size limit applies to the file's own bytes, and the body
 * is read only once the caller is known to manage the company and the declared type is one we take.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { CompaniesService } from '../../marketplace/companies/companies-service.ts';
import {
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
} from '../../marketplace/companies/kyb-documents.ts';
import type { KybDocumentKind } from '../../marketplace/db/schema.ts';
import { principalOf } from '../auth/authenticate.ts';
import type { ApiDefinition } from '../openapi.ts';
import {
  answerProblem,
  declaredType,
  problemResponse as problems,
  readRawBody,
  sendStoredFile,
} from '../raw-files.ts';
import { parseInput } from '../validate.ts';

const UPLOAD_PATH = '/api/v1/company/kyb/documents';
const uploadQuery = z
  .object({
    kind: z.enum(DOCUMENT_KINDS as [KybDocumentKind, ...KybDocumentKind[]], {
      message: `must be one of ${DOCUMENT_KINDS.join(', ')}`,
    }),
    fileName: z.string().trim().min(1, { message: 'must name the file, e.g. registration.pdf' }).max(200),
  })
  .strict();
const documentParams = z.object({ id: z.uuid({ message: 'must be a document id (UUID)' }) }).strict();
const MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

export function registerKybDocumentRoutes(
  api: ApiDefinition,
  deps: { companies: CompaniesService; router: Router; authenticate: RequestHandler },
) {
  const { companies, router } = deps;
  const binary = z.string().openapi({ type: 'string', format: 'binary' });
  const files = Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, { schema: binary }]));

  api.registry.registerPath({
    method: 'post',
    path: UPLOAD_PATH,
    summary: `Upload a verification document (company:manage): the file itself as the body, PDF, JPEG or PNG, at most ${MB} MB, 20 on file`,
    tags: ['companies'],
    security: [{ bearer: [] }],
    request: { query: uploadQuery as never, body: { content: files, required: true } },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: z.object({}).passthrough() } } },
      400: problems,
      401: problems,
      403: problems,
      409: problems,
      413: problems,
      415: problems,
      422: problems,
    },
  });
  router.post(UPLOAD_PATH, deps.authenticate, async (req: Request, res: Response) => {
    const principal = principalOf(req);
    companies.mayUploadDocument(principal);
    const query = parseInput(uploadQuery, req.query, 'query');
    const declared = declaredType(req);
    if (!(DOCUMENT_TYPES as readonly string[]).includes(declared))
      return answerProblem(
        res,
        415,
        'unsupported_document_type',
        `Send the file itself as the body with Content-Type ${DOCUMENT_TYPES.join(', ')} (got ${declared || 'none'}).`,
      );
    const bytes = await readRawBody(req, res, MAX_DOCUMENT_BYTES);
    if (bytes === 'tooLarge')
      return answerProblem(res, 413, 'document_too_large', `A document may be at most ${MB} MB.`);
    res
      .status(201)
      .json(await companies.uploadDocument(principal, { ...query, bytes, contentType: declared }));
  });

  api.registry.registerPath({
    method: 'get',
    path: '/api/v1/kyb-documents/{id}',
    summary: 'One verification document, as uploaded (its company’s managers and platform admins)',
    tags: ['companies'],
    security: [{ bearer: [] }],
    request: { params: documentParams as never },
    responses: {
      200: {
        description: 'The file',
        content: Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, { schema: binary }])),
      },
      400: problems,
      401: problems,
      403: problems,
      404: problems,
    },
  });
  router.get('/api/v1/kyb-documents/:id', deps.authenticate, async (req: Request, res: Response) => {
    const params = parseInput(documentParams, req.params, 'path');
    const { file, fileName } = await companies.readDocument(principalOf(req), params.id);
    // The stored name is shown to people; the header gets a plain ASCII stand-in so it cannot break the header.
    sendStoredFile(res, file, fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_'));
  });
}
