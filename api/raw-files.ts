/**
 * Routes that take or give a file rather than JSON (claim photos, proofs of delivery): reading a raw body with
 * a size limit after the caller has been checked, answering problems in the same problem+json shape as the rest
 * of the API, and serving a stored file so the browser can never run or re-interpret it.
 */
import express, { type Request, type Response } from 'express';
import { problemSchema } from './openapi.ts';
import { problemFor } from './problem.ts';

export const problemResponse = {
  description: 'Problem',
  content: { 'application/problem+json': { schema: problemSchema } },
};

export function answerProblem(res: Response, status: number, code: string, detail: string): void {
  res
    .status(status)
    .type('application/problem+json')
    .json(problemFor(status, code, detail));
}

/** The declared content type, lower-cased and without parameters ('' when none). */
export const declaredType = (req: Request) =>
  (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Reads the body as bytes up to `limit`; `tooLarge` when it is over (nothing is kept), else the bytes.
 * Mounted per route, after authentication, so a stranger's upload is never read.
 */
export async function readRawBody(req: Request, res: Response, limit: number): Promise<Buffer | 'tooLarge'> {
  const parse = express.raw({ type: () => true, limit });
  const failure = await new Promise<unknown>((resolve) => parse(req, res, resolve));
  if ((failure as { type?: string } | undefined)?.type === 'entity.too.large') return 'tooLarge';
  if (failure) throw failure;
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/** Answers a stored file inline, from our own origin: never sniffed into something else, never able to run. */
export function sendStoredFile(
  res: Response,
  file: { bytes: Buffer; contentType: string },
  filename: string,
): void {
  res
    .status(200)
    .set({
      'content-type': file.contentType,
      'content-length': String(file.bytes.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `inline; filename="${filename}"`,
      'cache-control': 'private, max-age=3600',
    })
    .end(file.bytes);
}
