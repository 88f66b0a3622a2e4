/** What both city maps' cards do alike: a city's click opens its orders, and the export's columns for a city. */
import { centsToDecimal, type CsvColumn } from '../controls/csv.ts';
import { useDrillDown } from '../controls/DrillDown.tsx';
import { countryName } from '../format.ts';
import type { CityFigure } from './CityMap.tsx';
import { mapMessages as m } from './messages.ts';

/** Opens the orders from a city; undefined where the page offers no drill-down (the embed). */
export function useCityOrdersDrill(): ((city: CityFigure) => void) | undefined {
  const drill = useDrillDown();
  if (!drill) return undefined;
  return (c) =>
    drill({
      kind: 'orders',
      title: m.ordersFrom(c.city, countryName(c.country)),
      filters: [
        { member: 'buyers.city', operator: 'equals', values: [c.city] },
        { member: 'buyers.country', operator: 'equals', values: [c.country] },
      ],
    });
}

/** City, country, coordinates and the card's figure in dollars (`figureHeader`), for CSV export. */
export function cityColumns<Row extends CityFigure>(figureHeader: string): Array<CsvColumn<Row>> {
  return [
    { header: m.city, value: (c) => c.city },
    { header: m.country, value: (c) => c.country },
    { header: m.latitude, value: (c) => c.lat },
    { header: m.longitude, value: (c) => c.lon },
    { header: figureHeader, value: (c) => centsToDecimal(c.value) },
  ];
}
