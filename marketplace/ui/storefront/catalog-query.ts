/**
 * The catalog's state lives in the address bar (shareable, and Back works): this turns those parameters into
 * the API's search query, with prices typed in major units converted to minor units exactly.
 */
import { parseMajorToMinor } from '../data/money.ts';

export const PAGE_SIZE = 24;
export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export const SORTS = ['relevance', 'popularity', 'newest', 'price_asc', 'price_desc'] as const;
export const FILTER_KEYS = [
  'category',
  'currency',
  'minPrice',
  'maxPrice',
  'maxMoq',
  'country',
  'certification',
  'verifiedOnly',
] as const;

export function apiSearchPath(params: URLSearchParams): string {
  const query = new URLSearchParams();
  const q = params.get('q')?.trim();
  if (q) query.set('q', q);
  const currency = params.get('currency');
  for (const key of ['category', 'country', 'certification'] as const) {
    const value = params.get(key)?.trim();
    if (value) query.set(key, key === 'country' ? value.toUpperCase() : value);
  }
  if (currency && (CURRENCIES as readonly string[]).includes(currency)) {
    query.set('currency', currency);
    for (const key of ['minPrice', 'maxPrice'] as const) {
      const minor = parseMajorToMinor(params.get(key) ?? '', currency);
      if (minor !== null) query.set(key, String(minor));
    }
  }
  const maxMoq = Number(params.get('maxMoq'));
  if (params.get('maxMoq') && Number.isInteger(maxMoq) && maxMoq >= 0) query.set('maxMoq', String(maxMoq));
  if (params.get('verifiedOnly') === 'true') query.set('verifiedOnly', 'true');
  const sort = params.get('sort');
  // Without keywords "best match" means nothing: the best sellers come first instead.
  query.set(
    'sort',
    sort && (SORTS as readonly string[]).includes(sort) ? sort : q ? 'relevance' : 'popularity',
  );
  const page = Math.max(1, Number(params.get('page')) || 1);
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String((page - 1) * PAGE_SIZE));
  return `/api/v1/products?${query}`;
}
