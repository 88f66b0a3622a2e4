/**
 * Schema evolution rules for domain events. A published event version is a contract with every consumer and
 * with the history already stored: a change may add, never take away. Breaking (needs a new version):
 * removing a field, changing its type, making an optional field required, adding a required field (old
 * events lack it), removing an enum value. Additive (fine in place): a new optional field, a new enum value,
 * relaxing required to optional.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
};

const typeOf = (s: JsonSchema): string =>
  JSON.stringify(
    s.anyOf
      ? s.anyOf.map(typeOf).sort()
      : s.const !== undefined
        ? `const:${String(s.const)}`
        : ([] as string[]).concat(s.type ?? 'any').sort(),
  );

export function breakingChanges(before: JsonSchema, after: JsonSchema, at = 'payload'): string[] {
  const problems: string[] = [];
  if (typeOf(before) !== typeOf(after)) {
    problems.push(`${at}: type changed from ${typeOf(before)} to ${typeOf(after)}`);
    return problems;
  }
  if (before.format !== after.format)
    problems.push(`${at}: format changed from ${before.format ?? 'none'} to ${after.format ?? 'none'}`);
  if (before.enum) {
    const kept = new Set(after.enum ?? []);
    for (const value of before.enum)
      if (!kept.has(value)) problems.push(`${at}: enum value ${JSON.stringify(value)} removed`);
  }
  if (before.properties || after.properties) {
    const oldProps = before.properties ?? {};
    const newProps = after.properties ?? {};
    const oldRequired = new Set(before.required ?? []);
    for (const name of Object.keys(oldProps)) {
      if (!(name in newProps)) problems.push(`${at}.${name}: removed`);
      else problems.push(...breakingChanges(oldProps[name]!, newProps[name]!, `${at}.${name}`));
    }
    for (const name of after.required ?? []) {
      if (!oldRequired.has(name))
        problems.push(
          `${at}.${name}: ${name in oldProps ? 'became required' : 'added as required (old events lack it)'}`,
        );
    }
  }
  if (before.items && after.items) problems.push(...breakingChanges(before.items, after.items, `${at}[]`));
  return problems;
}
