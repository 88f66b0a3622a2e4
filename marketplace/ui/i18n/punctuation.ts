/** Punctuation that differs by language: French sets a (non-breaking) space before a colon. */
import { locale, type Locale } from './locale.ts';

/** "Reason" -> "Reason:" (English, Spanish), "Motif :" (French), for a label followed by its value. */
export const withColonFor = (language: Locale) => (label: string) =>
  language === 'fr' ? `${label}\u00a0:` : `${label}:`;

export const withColon = withColonFor(locale);
