/**
 * Which language the app speaks, decided once when the app starts (when this module is first evaluated): the
 * language the user saved with the switcher, else the first of the browser's preferred languages that we
 * translate, else English. Switching saves the new choice and reloads the page, so nothing has to re-render in
 * another language and every module can read its words once, at import.
 */
export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where the switcher keeps the user's choice (per browser, across sessions and tabs). */
export const LOCALE_STORAGE_KEY = 'wholesail.locale';

/** Each language named in itself, so a reader finds theirs whatever the page is in now. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français' };

export interface LocaleChoice {
  /** The language of the words (which catalog `localized()` returns). */
  locale: Locale;
  /**
   * The BCP 47 tag numbers, money and dates are formatted with: the browser's own regional variant of that
   * language when it lists one (en-GB writes dates day first, es-MX puts the currency code first), else the
   * bare language.
   */
  formatLocale: string;
}

const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);
const languageOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/** A browser tag Intl accepts, canonicalised ("es-mx" -> "es-MX"), or null for junk. */
function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The choice from what the user saved and what the browser prefers; pure, so the rules can be tested. */
export function chooseLocale(saved: string | null | undefined, languages: readonly string[]): LocaleChoice {
  const locale: Locale = isLocale(saved) ? saved : (languages.map(languageOf).find(isLocale) ?? 'en');
  const regional = languages
    .filter((tag) => languageOf(tag) === locale)
    .map(canonical)
    .find((tag) => tag !== null);
  return { locale, formatLocale: regional ?? locale };
}

function savedLocale(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be blocked (privacy settings, a sandboxed iframe): then the browser's languages decide.
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages?.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}

const choice = chooseLocale(savedLocale(), browserLanguages());

/** The language of this page load. */
export const locale: Locale = choice.locale;
/** The tag for Intl formatters in this page load (see LocaleChoice). */
export const formatLocale: string = choice.formatLocale;

// Screen readers pick their voice, and browsers their hyphenation and quotes, from <html lang>.
if (typeof document !== 'undefined') document.documentElement.lang = locale;

/** Remembers the user's language for the next page load; false when the browser refuses to store it. */
export function saveLocale(next: Locale): boolean {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
    return true;
  } catch {
    return false;
  }
}
