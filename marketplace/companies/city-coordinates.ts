/**
 * Coordinates for an address the seller gave without any: the city's centre from the reference table the
 * warehouse also loads (warehouse/seeds/dim_cities.csv), so the map shows a company where its city is. We call
 * no geocoding service: these machines reach none, and a city centre is what a regional heatmap needs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

interface CityRow {
  country: string;
  city: string;
  region: string;
  latitude: string;
  longitude: string;
}

const CITIES_CSV = path.join(import.meta.dirname, '../../warehouse/seeds/dim_cities.csv');

let table: Map<string, { latitude: number; longitude: number }> | undefined;

const keyOf = (country: string, city: string) =>
  `${country.toUpperCase()}|${city.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase()}`;

function cities() {
  if (!table) {
    const rows = parse(readFileSync(CITIES_CSV, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as CityRow[];
    table = new Map(
      rows.map((r) => [
        keyOf(r.country, r.city),
        { latitude: Number(r.latitude), longitude: Number(r.longitude) },
      ]),
    );
  }
  return table;
}

/** The city's centre, or undefined for a city the table does not know (the address keeps no coordinates). */
export function cityCentre(
  country: string,
  city: string,
): { latitude: number; longitude: number } | undefined {
  return cities().get(keyOf(country, city));
}
