/**
 * Typed message catalogs. A feature writes its English catalog as a plain object (strings, and functions for
 * sentences with values), then one catalog per other language typed `satisfies Catalog<typeof en>`: a missing
 * key, an extra key, or a function taking other parameters fails `tsc`. `localized()` hands the module the
 * catalog of the language chosen at start-up.
 */
import { locale, type Locale } from './locale.ts';

/** What a translation of T must look like: the same keys, strings for strings, the same function parameters. */
export type Catalog<T> = { [K in keyof T]: Translation<T[K]> };

type Translation<V> = V extends (...args: infer A) => infer R
  ? (...args: A) => R
  : V extends string
    ? string
    : V extends object
      ? Catalog<V>
      : V;

export type Catalogs<T> = { en: T } & { [L in Exclude<Locale, 'en'>]: Catalog<T> };

/** The catalog of language `l` (exported for tests; the app uses `localized`). */
export function catalogFor<T>(catalogs: Catalogs<T>, l: Locale): T {
  // Catalog<T> has T's shape (checked where each catalog is written); only literal types were widened.
  return (l === 'en' ? catalogs.en : catalogs[l]) as T;
}

/** The catalog of the language this page load speaks. */
export const localized = <T>(catalogs: Catalogs<T>): T => catalogFor(catalogs, locale);
