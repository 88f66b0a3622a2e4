/**
 * Proof of delivery files: the upload is the file itself as the request body (JPEG, PNG, WebP or PDF), the
 * download answers it with its type. Like claim evidence, these are raw-body routes registered on the router
 * with their own OpenAPI entries (`defineRoute` speaks JSON), and the body is read only after the caller is
 * known to be the order's manufacturer.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import {
  MAX_PROOF_BYTES,
  PROOF_TYPES,
  type ProofOfDelivery,
} from '../../marketplace/orders/proof-of-delivery.ts';
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

const PATH = '/api/v1/orders/:id/proof-of-delivery';
const params = z.object({ id: z.uuid({ message: 'must be an order id (UUID)' }) }).strict();
const MB = MAX_PROOF_BYTES / 1024 / 1024;

export function registerProofOfDeliveryRoutes(
  api: ApiDefinition,
  deps: { proofs: ProofOfDelivery; router: Router; authenticate: RequestHandler },
) {
  const binary = z.string().openapi({ type: 'string', format: 'binary' });
  const files = Object.fromEntries(PROOF_TYPES.map((t) => [t, { schema: binary }]));
  api.registry.registerPath({
    method: 'post',
    path: '/api/v1/orders/{id}/proof-of-delivery',
    summary: `Upload the proof of delivery of a shipped order (its manufacturer): the file itself as the body, JPEG, PNG, WebP or PDF, at most ${MB} MB; then mark it delivered with the returned key`,
    tags: ['orders'],
    security: [{ bearer: [] }],
    request: { params: params as never, body: { content: files, required: true } },
    responses: {
      201: {
        description: 'Stored',
        content: {
          'application/json': {
            schema: z.object({ key: z.string(), contentType: z.string(), sizeBytes: z.number().int() }),
          },
        },
      },
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
  deps.router.post(PATH, deps.authenticate, async (req: Request, res: Response) => {
    const { id } = parseInput(params, req.params, 'path');
    const principal = principalOf(req);
    await deps.proofs.mayUpload(principal, id);
    const declared = declaredType(req);
    if (!(PROOF_TYPES as readonly string[]).includes(declared))
      return answerProblem(
        res,
        415,
        'unsupported_proof_type',
        `Send the file itself with Content-Type ${PROOF_TYPES.join(', ')} (got ${declared || 'none'}).`,
      );
    const bytes = await readRawBody(req, res, MAX_PROOF_BYTES);
    if (bytes === 'tooLarge')
      return answerProblem(res, 413, 'proof_too_large', `A proof of delivery may be at most ${MB} MB.`);
    res.status(201).json(await deps.proofs.upload(principal, id, { bytes, contentType: declared }));
  });

  api.registry.registerPath({
    method: 'get',
    path: '/api/v1/orders/{id}/proof-of-delivery',
    summary: "The order's proof of delivery as uploaded (its buyer, its manufacturer, platform staff)",
    tags: ['orders'],
    security: [{ bearer: [] }],
    request: { params: params as never },
    responses: {
      200: { description: 'The file', content: files },
      400: problems,
      401: problems,
      404: problems,
    },
  });
  deps.router.get(PATH, deps.authenticate, async (req: Request, res: Response) => {
    const { id } = parseInput(params, req.params, 'path');
    sendStoredFile(res, await deps.proofs.download(principalOf(req), id), `proof-of-delivery-${id}`);
  });
}
