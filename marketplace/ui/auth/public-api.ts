/**
 * The account endpoints a visitor calls without a session (sign-up, email links, password reset, invitations).
 * They go straight to fetch rather than through the Session, which would attach (and first try to refresh) a
 * token that these routes neither need nor check.
 */
import { ApiError, apiErrorFrom } from './session.ts';
import { accountMessages as m } from './account-messages.ts';

/**
 * POSTs JSON and returns the answer's JSON; a refusal becomes an ApiError with the problem's detail, code and
 * fields (so a form can put each message next to its field), and an unreachable server one with our own words.
 */
export async function postPublic<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) throw new ApiError(0, m.unreachable);
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json().catch(() => ({}))) as T;
}

/** The problem's field messages for the fields a form shows, keyed by field name; others are left to the summary. */
export function fieldErrorsFrom<K extends string>(
  error: unknown,
  fields: readonly K[],
): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  if (!(error instanceof ApiError)) return found;
  for (const f of error.fields) {
    const key = f.field.split('.').at(-1) as K;
    if (fields.includes(key) && !found[key]) found[key] = f.message;
  }
  return found;
}

export const messageOfError = (error: unknown) => (error instanceof Error ? error.message : m.unreachable);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks the API makes that a person can fix before sending: empty fields, a short password, an odd email. */
export const check = {
  required: (value: string) => (value.trim() ? undefined : m.required),
  email: (value: string) =>
    !value.trim() ? m.required : EMAIL.test(value.trim()) ? undefined : m.emailInvalid,
  newPassword: (value: string) => (!value ? m.required : value.length < 10 ? m.passwordTooShort : undefined),
};

/** Drops the entries without a message, so `Object.keys(errors).length` counts real problems. */
export function onlyProblems<K extends string>(errors: Partial<Record<K, string | undefined>>) {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as Partial<Record<K, string>>;
}
