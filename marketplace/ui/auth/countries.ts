/**
 * The countries a company can register in, named in the page's language. The API accepts an ISO 3166-1 alpha-2
 * code that Intl knows a name for (api/routes/identity-routes.ts), so the list is built the same way rather than
 * shipped as data: every two-letter code Intl names, minus groupings and retired codes it still resolves.
 */
import { formatLocale } from '../i18n/index.ts';

// Not countries (EU, UN, EZ, QO, XA, XB, ZZ) or retired codes Intl maps to today's country (DD -> Germany).
const NOT_A_COUNTRY = new Set('AN BU CS DD EU EZ FX QO SU TP UN XA XB YU ZR ZZ'.split(' '));

export interface Country {
  code: string;
  name: string;
}

let cached: Country[] | undefined;

export function countries(): Country[] {
  if (cached) return cached;
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const local = new Intl.DisplayNames([formatLocale], { type: 'region' });
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const list: Country[] = [];
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      if (NOT_A_COUNTRY.has(code) || english.of(code) === code) continue;
      list.push({ code, name: local.of(code) ?? code });
    }
  const collator = new Intl.Collator(formatLocale);
  cached = list.sort((x, y) => collator.compare(x.name, y.name));
  return cached;
}

/** The country of the browser's regional language ("en-GB" -> GB), when it is one we list: a sensible default. */
export function browserCountry(): string {
  const region = /-([A-Z]{2})\b/.exec(formatLocale)?.[1];
  return region && countries().some((c) => c.code === region) ? region : '';
}
