/**
 * The API's OpenAPI document is generated from the same zod schemas that validate requests, through
 * `defineRoute`, so the document cannot drift from what the server accepts.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { Principal } from '../platform/principal.ts';
import type { IdempotencyStore } from '../marketplace/idempotency/idempotency-keys.ts';
import { principalOf } from './auth/authenticate.ts';
import { withIdempotencyKey } from './idempotency.ts';
import { parseInput } from './validate.ts';

extendZodWithOpenApi(z);

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** false for public routes; otherwise the caller must send an access token. */
  auth: boolean;
  body?: B;
  query?: Q;
  /** Path parameters (`:id` in `path`), validated like the body: a bad one is a 400 naming it. */
  params?: P;
  status?: number;
  /** Omit for 204 No Content. */
  response?: z.ZodType;
  /** Documents the 429 (with Retry-After) of rate-limited routes. */
  rateLimited?: boolean;
  /** Requires an `Idempotency-Key` header: the same key and body replay the first answer (api/idempotency.ts). */
  idempotency?: IdempotencyStore;
}

interface Context<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  body: z.infer<B>;
  query: z.infer<Q>;
  params: z.infer<P>;
  principal: Principal;
  req: Request;
  res: Response;
}

export class ApiDefinition {
  readonly registry = new OpenAPIRegistry();

  constructor(
    private readonly router: Router,
    private readonly authenticate: RequestHandler,
  ) {
    this.registry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  }

  defineRoute<
    B extends z.ZodType = z.ZodUndefined,
    Q extends z.ZodType = z.ZodUndefined,
    P extends z.ZodType = z.ZodUndefined,
  >(spec: RouteSpec<B, Q, P>, handler: (ctx: Context<B, Q, P>) => Promise<unknown>): void {
    const errors = {
      description: 'Problem',
      content: { 'application/problem+json': { schema: problemSchema } },
    };
    this.registry.registerPath({
      method: spec.method,
      path: spec.path.replace(/:(\w+)/g, '{$1}'),
      summary: spec.summary,
      tags: [spec.tag],
      security: spec.auth ? [{ bearer: [] }] : [],
      request: {
        ...(spec.body
          ? { body: { content: { 'application/json': { schema: spec.body } }, required: true } }
          : {}),
        ...(spec.query ? { query: spec.query as never } : {}),
        ...(spec.params ? { params: spec.params as never } : {}),
        ...(spec.idempotency
          ? {
              headers: z.object({
                'Idempotency-Key': z.string().min(1).max(255).openapi({
                  description:
                    'Any unique string (a UUID): a retry with the same key and body replays the first answer',
                }),
              }) as never,
            }
          : {}),
      },
      responses: {
        [spec.status ?? 200]: spec.response
          ? { description: 'OK', content: { 'application/json': { schema: spec.response } } }
          : { description: 'No content' },
        400: errors,
        ...(spec.auth ? { 401: errors, 403: errors } : {}),
        ...(spec.params ? { 404: errors } : {}),
        ...(spec.method !== 'get' ? { 409: errors, 422: errors } : {}),
        ...(spec.rateLimited
          ? {
              429: {
                ...errors,
                headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
              },
            }
          : {}),
      },
    });
    const handlers: RequestHandler[] = spec.auth ? [this.authenticate] : [];
    handlers.push(async (req, res) => {
      const body = spec.body ? parseInput(spec.body, req.body, 'body') : undefined;
      const query = spec.query ? parseInput(spec.query, req.query, 'query') : undefined;
      const params = spec.params ? parseInput(spec.params, req.params, 'path') : undefined;
      const principal = spec.auth ? principalOf(req) : (undefined as unknown as Principal);
      const run = () => handler({ body, query, params, principal, req, res } as Context<B, Q, P>);
      const status = spec.status ?? (spec.response ? 200 : 204);
      if (spec.idempotency) {
        await withIdempotencyKey(spec.idempotency, { req, res, principal, body, status }, run);
        return;
      }
      const result = await run();
      if (res.headersSent) return;
      if (spec.response) res.status(status).json(result);
      else res.status(status).end();
    });
    this.router[spec.method](spec.path, ...handlers);
  }

  document(serverUrl: string) {
    return new OpenApiGeneratorV31(this.registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'Wholesail API',
        version: '1.0.0',
        description:
          'B2B wholesale marketplace. Errors are application/problem+json (RFC 9457). Money is integer minor units with a currency.',
      },
      servers: [{ url: serverUrl }],
    });
  }
}
