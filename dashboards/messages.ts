/**
 * The few words dashboards/format.ts writes itself (the unit of a change in percentage points, a missing
 * country). Kept by language rather than through `localized()` because format.ts takes a locale argument, so
 * its unit tests can ask for any language in one run.
 */
import type { Catalog, Locale } from '../marketplace/ui/i18n/index.ts';

const en = {
  /** After a change of a rate: "+0.4 pp". */
  points: 'pp',
  unknownCountry: 'Unknown',
};

const es = {
  points: 'p. p.',
  unknownCountry: 'Desconocido',
} satisfies Catalog<typeof en>;

const fr = {
  points: 'pt',
  unknownCountry: 'Inconnu',
} satisfies Catalog<typeof en>;

const catalogs: Record<Locale, Catalog<typeof en>> = { en, es, fr };

/** The words of the language of a BCP 47 tag ("es-MX" -> Spanish); English for any other language. */
export function formatWordsFor(tag: string): Catalog<typeof en> {
  const language = tag.toLowerCase().split(/[-_]/)[0] as Locale;
  return catalogs[language] ?? en;
}
