/**
 * "Where your buyers are", on the manufacturer's dashboard: the cities of its buyers as a heatmap weighted by its
 * sales there, over the bundled world map (deck.gl, CityMap.tsx), with each city's sales and number of buyers on
 * hover, its orders on click, and the same figures in a table. Two queries in one request: sales and coordinates
 * by city from `daily_gmv`, distinct buyers by city from `orders`. The gateway keeps both to this manufacturer's
 * rows (its access policy); nothing here filters by company.
 */
import { useMemo, useRef } from 'react';
import { Card, DataTable } from '../../marketplace/ui/components/index.ts';
import type { ChartHandle } from '../charts/EChart.tsx';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { DrillCell } from '../controls/Figures.tsx';
import { scoped } from '../cube/scope.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { countryName, formatInteger, formatUsdFromCents, toNumber } from '../format.ts';
import { CityMap, useMapState, type CityFigure } from './CityMap.tsx';
import { cityColumns, useCityOrdersDrill } from './city-card.ts';
import { citiesOf, DAILY_GMV_CITIES } from './city-rows.ts';
import { mapMessages as m } from './messages.ts';

const t = m.buyers;

interface BuyerCity extends CityFigure {
  /** Distinct buyers from the city in the period; null when the orders query has no row for it. */
  buyers: number | null;
}

const cityKey = (country: string, city: string) => `${country}|${city}`;

export function BuyerMap() {
  const filters = useDashboardFilters(ALL_TIME);
  const map = useMapState();
  const handle = useRef<ChartHandle | null>(null);
  const q = useLiveQuery([
    scoped(
      DAILY_GMV_CITIES,
      { time: 'daily_gmv.day', country: 'daily_gmv.buyer_country' },
      filters,
      filters.range,
    ),
    scoped(
      { measures: ['orders.active_buyers'], dimensions: ['buyers.city', 'buyers.country'] },
      { time: 'orders.placed_at', country: 'buyers.country' },
      filters,
      filters.range,
    ),
  ]);
  const cities: BuyerCity[] = useMemo(() => {
    if (!q.resultSet) return [];
    const [sales, buyers] = q.resultSet.decompose();
    const buyersByCity = new Map(
      (buyers?.rawData() ?? []).map((r) => [
        cityKey(String(r['buyers.country'] ?? ''), String(r['buyers.city'] ?? '')),
        toNumber(r['orders.active_buyers']),
      ]),
    );
    return citiesOf(sales?.rawData() ?? []).map((c) => ({
      ...c,
      buyers: buyersByCity.get(cityKey(c.country, c.city)) ?? null,
    }));
  }, [q.resultSet]);
  const place = (c: CityFigure) => m.place(c.city, countryName(c.country));
  const open = useCityOrdersDrill();
  return (
    <Card
      title={t.title}
      subtitle={t.subtitle}
      className="span-2"
      actions={
        <ExportButtons
          title={t.title}
          rows={q.resultSet ? cities : null}
          chart={map.drawable ? handle : undefined}
          columns={[...cityColumns<BuyerCity>(t.figureUsd), { header: t.buyers, value: (c) => c.buyers }]}
        />
      }
    >
      <CityMap
        query={q}
        cities={cities}
        label={t.label(cities.map((c) => `${c.city} ${formatUsdFromCents(c.value)}`).join(', '))}
        figure={t.figure}
        describe={(c) => t.tooltip(place(c), formatUsdFromCents(c.value), formatInteger(c.buyers))}
        onSelect={open}
        handle={handle}
        state={map}
        testId="buyer-map"
      />
      {cities.length > 0 && (
        <DataTable
          caption={t.caption}
          captionHidden
          rows={cities}
          rowKey={(c) => `${c.country}-${c.city}`}
          columns={[
            {
              key: 'city',
              header: m.city,
              render: (c) => (
                <DrillCell
                  label={place(c)}
                  action={m.showOrdersThere}
                  onDrill={open ? () => open(c) : undefined}
                />
              ),
            },
            { key: 'gmv', header: t.figure, numeric: true, render: (c) => formatUsdFromCents(c.value) },
            { key: 'buyers', header: t.buyers, numeric: true, render: (c) => formatInteger(c.buyers) },
          ]}
        />
      )}
    </Card>
  );
}
