/** Edge validation: parses input with its zod schema, or throws a 400 naming every field at fault. */
import type { z } from 'zod';
import { DomainError } from '../platform/errors.ts';

/** The path of the first string holding a NUL character, which PostgreSQL text and jsonb cannot store. */
function nulCharacterAt(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulCharacterAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'path',
): z.infer<S> {
  // Found by fuzzing the OpenAPI document: a NUL inside any text reached PostgreSQL and came back as a 500.
  const nul = nulCharacterAt(input);
  if (nul) {
    const field = nul.length > 0 ? nul.join('.') : where;
    throw new DomainError(
      'invalid_input',
      'invalid_request',
      `Invalid ${where}: ${field} contains a NUL character.`,
      [{ field, message: 'contains a NUL character' }],
    );
  }
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
