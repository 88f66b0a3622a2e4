/**
 * How a product form says what happened to a save: done, or refused with how many fields to fix, the API's own
 * sentence, and any problem the API named that has no field on the form.
 */
import { Notice } from '../components/index.ts';
import { messageOf } from '../data/useApi.ts';
import { productFormMessages as m } from './messages.ts';
import { unplacedErrors, type FormErrors } from './product-form.ts';

export interface Outcome {
  ok: boolean;
  title?: string;
  text: string;
  /** Problems the API named that have no field on this form. */
  extra?: Array<{ field: string; message: string }>;
}

export function FormOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <Notice tone={outcome.ok ? 'positive' : 'negative'} title={outcome.title} alert>
      <p>{outcome.text}</p>
      {outcome.extra && outcome.extra.length > 0 && (
        <ul>
          {outcome.extra.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}

/** The checks made here found problems: nothing was sent. */
export const notSent = (errors: FormErrors): Outcome => ({
  ok: false,
  title: m.fixFields(Object.keys(errors).length),
  text: m.notSaved,
});

/** The API refused: its sentence, with its field problems counted (shown next to their fields). */
export function refused(error: unknown, errors: FormErrors): Outcome {
  const count = Object.keys(errors).length;
  return {
    ok: false,
    title: count > 0 ? m.fixFields(count) : m.refusedTitle,
    text: messageOf(error),
    extra: unplacedErrors(errors),
  };
}

/** Moves focus to the first field marked invalid in `form`, once React has drawn the errors. */
export function focusFirstInvalid(form: HTMLElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
