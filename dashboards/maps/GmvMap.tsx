/**
 * GMV by buyer location on a world map (deck.gl: countries from world-atlas as a GeoJsonLayer, a HeatmapLayer
 * of GMV weighted by buyer city, and the cities as dots to point at and click; see CityMap.tsx). The figures are
 * a live Cube query like every other card, and the table under the map holds them for keyboards and readers.
 */
import { useMemo, useRef } from 'react';
import { Card } from '../../marketplace/ui/components/index.ts';
import type { ChartHandle } from '../charts/EChart.tsx';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { DrillCell, Figures } from '../controls/Figures.tsx';
import { scoped } from '../cube/scope.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { countryName, formatUsdFromCents } from '../format.ts';
import { CityMap, useMapState, type CityFigure } from './CityMap.tsx';
import { cityColumns, useCityOrdersDrill } from './city-card.ts';
import { citiesOf, DAILY_GMV_CITIES } from './city-rows.ts';
import { mapMessages as m } from './messages.ts';

const t = m.gmv;

export function GmvMap() {
  const filters = useDashboardFilters(ALL_TIME);
  const map = useMapState();
  const handle = useRef<ChartHandle | null>(null);
  const q = useLiveQuery(
    scoped(
      DAILY_GMV_CITIES,
      { time: 'daily_gmv.day', country: 'daily_gmv.buyer_country' },
      filters,
      filters.range,
    ),
  );
  const cities = useMemo(() => citiesOf(q.resultSet?.rawData() ?? []), [q.resultSet]);
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
          columns={cityColumns<CityFigure>(t.figureUsd)}
        />
      }
    >
      <CityMap
        query={q}
        cities={cities}
        label={t.label(cities.map((c) => `${c.city} ${formatUsdFromCents(c.value)}`).join(', '))}
        figure={t.figure}
        describe={(c) => t.tooltip(place(c), formatUsdFromCents(c.value))}
        onSelect={open}
        handle={handle}
        state={map}
        testId="gmv-map"
      />
      {cities.length > 0 && (
        <Figures
          caption={t.caption}
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
          ]}
        />
      )}
    </Card>
  );
}
