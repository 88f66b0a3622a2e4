/**
 * The one place errors become HTTP: every error answers as application/problem+json (RFC 9457) with
 * `type`, `title`, `status`, `detail`, our stable `code` and, for bad input, the fields at fault.
 * Anything that is not a DomainError is a bug: logged with its stack, answered as a plain 500.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError, type ErrorKind, type FieldProblem } from '../platform/errors.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
  too_many_requests: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  fields?: FieldProblem[];
  /** Cube's REST clients read `error`; the semantic-layer routes add it so they show our message. */
  error?: string;
}

export function problemFor(status: number, code: string, detail: string, fields?: FieldProblem[]): Problem {
  return {
    type: `https://wholesail.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(fields && fields.length > 0 ? { fields } : {}),
  };
}

/** body-parser's own errors carry a `type` and a status; they are the client's fault, never a 500. */
function bodyParserProblem(error: unknown): Problem | undefined {
  const e = error as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed')
    return problemFor(400, 'malformed_json', 'The request body is not valid JSON.');
  if (e?.type === 'entity.too.large')
    return problemFor(413, 'payload_too_large', 'The request body is larger than 1 MB.');
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return problemFor(415, 'unsupported_encoding', 'The request body must be UTF-8 JSON.');
  }
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  let problem: Problem;
  if (error instanceof DomainError) {
    problem = problemFor(STATUS[error.kind], error.code, error.message, error.fields);
    if (error.retryAfterSeconds !== undefined) res.set('Retry-After', String(error.retryAfterSeconds));
  } else {
    problem =
      bodyParserProblem(error) ??
      problemFor(500, 'internal_error', 'Something went wrong on our side; it has been logged.');
    if (problem.status === 500) req.log?.error({ err: error }, 'unhandled error');
  }
  if (req.path.startsWith('/cubejs-api/')) problem.error = problem.detail;
  res.status(problem.status).type('application/problem+json').json(problem);
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res
    .status(404)
    .type('application/problem+json')
    .json(problemFor(404, 'route_not_found', `There is no ${req.method} ${req.path}.`));
};
