/**
 * Cube's REST API (`/cubejs-api/v1/...`), served by our gateway so Cube's own JS clients work unchanged.
 * Every query is secured by the gateway against the caller; this file only speaks HTTP.
 */
import { z } from 'zod';
import { DomainError } from '../../platform/errors.ts';
import type { Gateway } from '../../semantic-layer/gateway.ts';
import type { ApiDefinition } from '../openapi.ts';

/**
 * A query in the URL must fit Node's 16 KB header limit even percent-encoded (a longer URL is cut off before it reaches us, found by
 * fuzzing the OpenAPI document with schemathesis); larger queries go in a POST body.
 */
const MAX_QUERY_PARAM = 4_000;

const cubeResponse = z.object({}).passthrough().openapi('CubeLoadResponse');

function parseQueryParam(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid_input', 'malformed_query', 'The query parameter is not valid JSON.', [
      { field: 'query', message: 'must be a JSON-encoded Cube query' },
    ]);
  }
}

export function registerCubeRoutes(api: ApiDefinition, deps: { gateway: Gateway }) {
  const answer = async (principal: Parameters<Gateway['load']>[0], query: unknown, queryType?: string) => {
    const response = await deps.gateway.load(principal, query);
    // Without queryType=multi, Cube answers a single query with the bare result object.
    return queryType === 'multi' || Array.isArray(query) ? response : response.results[0];
  };

  api.defineRoute(
    {
      method: 'get',
      path: '/cubejs-api/v1/load',
      summary: 'Run a Cube query (JSON in the query parameter), secured by your company and role',
      tag: 'analytics',
      auth: true,
      query: z
        .object({ query: z.string().min(2).max(MAX_QUERY_PARAM), queryType: z.enum(['multi']).optional() })
        .strict(),
      response: cubeResponse,
    },
    async ({ principal, query }) => answer(principal, parseQueryParam(query.query), query.queryType),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/cubejs-api/v1/load',
      summary: 'Run a Cube query (JSON body), secured by your company and role',
      tag: 'analytics',
      auth: true,
      body: z
        .object({
          query: z.union([
            z.record(z.string(), z.unknown()),
            z.array(z.record(z.string(), z.unknown())).min(1).max(20),
          ]),
          queryType: z.enum(['multi']).optional(),
        })
        .strict(),
      response: cubeResponse,
    },
    async ({ principal, body }) => answer(principal, body.query, body.queryType),
  );
  const queryParam = z.object({ query: z.string().min(2).max(MAX_QUERY_PARAM) }).strict();
  api.defineRoute(
    {
      method: 'get',
      path: '/cubejs-api/v1/sql',
      summary: 'The SQL a query compiles to for you, row rules included (not run)',
      tag: 'analytics',
      auth: true,
      query: queryParam,
      response: cubeResponse,
    },
    async ({ principal, query }) => deps.gateway.sqlFor(principal, parseQueryParam(query.query)),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/cubejs-api/v1/dry-run',
      summary: 'Validate and normalize a query as it would run for you (not run)',
      tag: 'analytics',
      auth: true,
      query: queryParam,
      response: cubeResponse,
    },
    async ({ principal, query }) => deps.gateway.dryRun(principal, parseQueryParam(query.query)),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/cubejs-api/v1/meta',
      summary: 'The cubes, measures and dimensions you may query',
      tag: 'analytics',
      auth: true,
      response: cubeResponse,
    },
    async ({ principal }) => deps.gateway.meta(principal),
  );
}
