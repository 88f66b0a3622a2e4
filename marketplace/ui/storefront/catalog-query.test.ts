import { describe, expect, it } from 'vitest';
import { apiSearchPath } from './catalog-query.ts';

const ask = (query: string) =>
  Object.fromEntries(new URL(apiSearchPath(new URLSearchParams(query)), 'http://x').searchParams);

describe('what the catalog asks the API', () => {
  it('sorts by best sellers without keywords and by relevance with them', () => {
    expect(ask('')).toEqual({ sort: 'popularity', limit: '24', offset: '0' });
    expect(ask('q=stonware mugg&page=3')).toMatchObject({
      q: 'stonware mugg',
      sort: 'relevance',
      offset: '48',
    });
  });

  it('sends typed prices in minor units, and only with a currency', () => {
    expect(ask('currency=EUR&minPrice=12.5&maxPrice=20')).toMatchObject({
      currency: 'EUR',
      minPrice: '1250',
      maxPrice: '2000',
    });
    expect(ask('minPrice=12')).not.toHaveProperty('minPrice');
    expect(ask('currency=USD&minPrice=1.234')).not.toHaveProperty('minPrice');
  });

  it('passes the other filters through, the country in capitals', () => {
    expect(ask('country=gb&maxMoq=12&verifiedOnly=true&certification=FSC&category=drinkware')).toMatchObject({
      country: 'GB',
      maxMoq: '12',
      verifiedOnly: 'true',
      certification: 'FSC',
      category: 'drinkware',
    });
  });
});
