/** The Cube query both maps draw from (`daily_gmv` by buyer city, with coordinates) and how its rows read. */
import type { Query } from '@cubejs-client/core';
import { toNumber } from '../format.ts';
import type { CityFigure } from './CityMap.tsx';

export const DAILY_GMV_CITIES: Query = {
  measures: ['daily_gmv.gmv'],
  dimensions: [
    'daily_gmv.buyer_city',
    'daily_gmv.buyer_country',
    'daily_gmv.latitude',
    'daily_gmv.longitude',
  ],
};

/** Cities with coordinates and some GMV, largest first (a city without coordinates cannot be placed). */
export function citiesOf(rows: Array<Record<string, unknown>>): CityFigure[] {
  return rows
    .map((r) => ({
      city: String(r['daily_gmv.buyer_city'] ?? ''),
      country: String(r['daily_gmv.buyer_country'] ?? ''),
      lat: toNumber(r['daily_gmv.latitude']),
      lon: toNumber(r['daily_gmv.longitude']),
      value: toNumber(r['daily_gmv.gmv']) ?? 0,
    }))
    .filter((c): c is CityFigure => c.lat !== null && c.lon !== null && c.value > 0)
    .sort((a, b) => b.value - a.value);
}
