/**
 * Photo evidence on a claim: the upload is the raw image as the request body (Content-Type image/jpeg,
 * image/png or image/webp), the download answers the image with its type. `defineRoute` speaks JSON only, so
 * both are registered on the router with their own OpenAPI entries, as the notification stream is.
 *
 * A raw body rather than multipart: one image per request needs no multipart parser, and the size limit applies
 * to exactly the image's bytes. The body is read only after the caller is known to be a party of the claim and
 * the declared type is one we take, so junk is answered at once (404, 415) without reading 5 MB of it.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { MAX_EVIDENCE_BYTES } from '../../marketplace/claims/claim-evidence.ts';
import type { ClaimService } from '../../marketplace/claims/claim-service.ts';
import { EVIDENCE_TYPES } from '../../marketplace/claims/image-signature.ts';
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
import { claimParams } from './claim-routes.ts';

const EVIDENCE_PATH = '/api/v1/claims/:id/evidence';
const evidenceParams = claimParams
  .extend({ evidenceId: z.uuid({ message: 'must be an evidence id (UUID)' }) })
  .strict();

const evidence = z
  .object({
    id: z.string(),
    contentType: z.enum(EVIDENCE_TYPES),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    url: z.string(),
  })
  .openapi('ClaimEvidence');

export function registerClaimEvidenceRoutes(
  api: ApiDefinition,
  deps: { claims: ClaimService; router: Router; authenticate: RequestHandler },
) {
  const { claims, router } = deps;
  const binary = z.string().openapi({ type: 'string', format: 'binary' });
  const images = Object.fromEntries(EVIDENCE_TYPES.map((t) => [t, { schema: binary }]));

  api.registry.registerPath({
    method: 'post',
    path: '/api/v1/claims/{id}/evidence',
    summary: `Add a photo to an open claim (its buyer or manufacturer): the image itself as the body, JPEG, PNG or WebP, at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB, 6 per claim`,
    tags: ['claims'],
    security: [{ bearer: [] }],
    request: { params: claimParams as never, body: { content: images, required: true } },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: evidence } } },
      400: problems,
      401: problems,
      403: problems,
      404: problems,
      409: problems,
      413: problems,
      415: problems,
      422: problems,
    },
  });
  router.post(EVIDENCE_PATH, deps.authenticate, async (req: Request, res: Response) => {
    const params = parseInput(claimParams, req.params, 'path');
    const principal = principalOf(req);
    await claims.mayAddEvidence(principal, params.id);
    const declared = declaredType(req);
    if (!(EVIDENCE_TYPES as readonly string[]).includes(declared))
      return answerProblem(
        res,
        415,
        'unsupported_evidence_type',
        `Send the image itself as the body with Content-Type ${EVIDENCE_TYPES.join(', ')} (got ${declared || 'none'}).`,
      );
    const bytes = await readRawBody(req, res, MAX_EVIDENCE_BYTES);
    if (bytes === 'tooLarge')
      return answerProblem(
        res,
        413,
        'evidence_too_large',
        `An evidence image may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`,
      );
    res.status(201).json(await claims.addEvidence(principal, params.id, { bytes, contentType: declared }));
  });

  api.registry.registerPath({
    method: 'get',
    path: '/api/v1/claims/{id}/evidence/{evidenceId}',
    summary:
      'One evidence image, as uploaded, with its content type (the claim’s parties and platform staff)',
    tags: ['claims'],
    security: [{ bearer: [] }],
    request: { params: evidenceParams as never },
    responses: {
      200: { description: 'The image', content: images },
      400: problems,
      401: problems,
      403: problems,
      404: problems,
    },
  });
  router.get(`${EVIDENCE_PATH}/:evidenceId`, deps.authenticate, async (req: Request, res: Response) => {
    const params = parseInput(evidenceParams, req.params, 'path');
    const image = await claims.evidence(principalOf(req), params.id, params.evidenceId);
    sendStoredFile(res, image, `evidence-${params.evidenceId}`);
  });
}
