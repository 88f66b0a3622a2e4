/**
 * What the API will refuse in a draft, checked before sending so the writer is told at once and in their
 * language (the limits are those of api/routes/messaging-routes.ts, which trims first as this does).
 */
import { messagesMessages as m } from './messages.ts';

export const MAX_BODY = 5000;
export const MAX_SUBJECT = 200;

export function bodyProblem(body: string): string | null {
  const text = body.trim();
  if (!text) return m.writeFirst;
  if (text.length > MAX_BODY) return m.tooLong(MAX_BODY);
  return null;
}

export function subjectProblem(subject: string): string | null {
  const text = subject.trim();
  if (!text) return m.writeSubject;
  if (text.length > MAX_SUBJECT) return m.subjectTooLong(MAX_SUBJECT);
  return null;
}

/** The API's refusal split by field: what belongs under an input, and what is about the whole message. */
export function problemsByField(
  fields: Array<{ field: string; message: string }>,
  detail: string,
): { subject?: string; body?: string; form?: string } {
  const find = (name: string) => fields.find((f) => f.field === name || f.field === `body.${name}`);
  const subject = find('subject');
  const body = find('body');
  const placed = [subject, body].filter(Boolean).length;
  // The API's own words ("subject must not be empty"), under the input they are about.
  const say = (f: { field: string; message: string }) => `${f.field.replace(/^body\./, '')} ${f.message}`;
  return {
    ...(subject ? { subject: say(subject) } : {}),
    ...(body ? { body: say(body) } : {}),
    // Anything else (the counterpart, the order, a refusal without fields) is said above the form in full.
    ...(placed < fields.length || fields.length === 0 ? { form: detail } : {}),
  };
}
