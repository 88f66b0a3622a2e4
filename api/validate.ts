/** Edge validation: parses input with its zod schema, or throws a 400 naming every field at fault. */
import type { z } from 'zod';
import { DomainError } from '../platform/errors.ts';

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'path',
): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : where,
    message: issue.message,
  }));
  const first = fields[0]!;
  throw new DomainError(
    'invalid_input',
    'invalid_request',
    `Invalid ${where}: ${first.field} ${first.message}.`,
    fields,
  );
}
