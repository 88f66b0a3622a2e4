/**
 * The one error type of the domain. api/ maps it to application/problem+json (RFC 9457) in one place;
 * nothing else decides HTTP status codes.
 */
export type ErrorKind =
  | 'invalid_input' // 400: the request is malformed (wrong type, missing field)
  | 'validation' // 422: well-formed, but breaks a business rule
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'too_many_requests' // 429: slow down; `retryAfterSeconds` says for how long
  | 'unavailable'; // 503: a dependency is down, try again

export interface FieldProblem {
  /** JSON path of the field at fault, e.g. `lines.0.quantity`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  /** Machine-readable, stable code (e.g. `insufficient_stock`). */
  readonly code: string;
  readonly fields: FieldProblem[];
  /** For `too_many_requests`: when the caller may try again (HTTP answers it as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    fields: FieldProblem[] = [],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.fields = fields;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `${what}_not_found`, `No ${what.replace(/_/g, ' ')} with id ${id}.`);

export const forbidden = (message: string) => new DomainError('forbidden', 'forbidden', message);

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new DomainError('too_many_requests', 'too_many_requests', message, [], {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
