/**
 * Plural words by the language's own rules (Intl.PluralRules, CLDR data in the browser): French says "0 ligne"
 * and "1 ligne" but "2 lignes"; English and Spanish use the plural for 0. Spanish and French also have a "many"
 * form for round millions ("1 000 000 de produits"); without it, `other` is used.
 */
import { locale } from './locale.ts';

export interface PluralForms {
  one: string;
  other: string;
  many?: string;
}

/** The plural chooser of one language. */
export function pluralFor(language: string) {
  const rules = new Intl.PluralRules(language);
  return (n: number, forms: PluralForms): string => {
    const category = rules.select(n);
    return (category === 'one' || category === 'many' ? forms[category] : undefined) ?? forms.other;
  };
}

/** `plural(n, { one: 'line', other: 'lines' })` in the language of this page load. */
export const plural = pluralFor(locale);
