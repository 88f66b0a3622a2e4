/**
 * GMV by buyer location on a world map (deck.gl: countries from world-atlas as a GeoJsonLayer, a HeatmapLayer
 * of GMV weighted by buyer city, and the cities as dots to point at and click). deck.gl and the map data are
 * a separate chunk fetched only when this card comes near the screen; without WebGL2 the card says so and
 * keeps the table. The figures are a live Cube query like every other card.
 */
import { Component, lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Card, EmptyState, Skeleton } from '../../marketplace/ui/components/index.ts';
import type { ChartHandle } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import { centsToDecimal } from '../controls/csv.ts';
import { ALL_TIME, useDashboardFilters } from '../controls/DashboardFilters.tsx';
import { useDrillDown } from '../controls/DrillDown.tsx';
import { ExportButtons } from '../controls/ExportButtons.tsx';
import { DrillCell, Figures } from '../controls/Figures.tsx';
import { scoped } from '../cube/scope.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { countryName, formatUsdFromCents, toNumber } from '../format.ts';
import { webgl2Available } from './webgl.ts';

const DeckMap = lazy(() => import('./DeckMap.tsx'));

export interface CityGmv {
  city: string;
  country: string;
  lat: number;
  lon: number;
  gmv: number;
}

/** True once the element has come within a screen of the viewport (and stays true). */
function useNearScreen<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !ref.current) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

/** A failed chunk or a deck.gl error shows the fallback, never a blank box or a broken page. */
class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function NoMap(props: { reason: string }) {
  return (
    <div className="gmv-map gmv-map--fallback" data-testid="gmv-map-fallback">
      <EmptyState title="The map cannot be shown in this browser">
        {props.reason} The figures are in the table below.
      </EmptyState>
    </div>
  );
}

export function GmvMap() {
  const filters = useDashboardFilters(ALL_TIME);
  const drill = useDrillDown();
  const [box, near] = useNearScreen<HTMLDivElement>();
  const [deckFailed, setDeckFailed] = useState<string | null>(null);
  const handle = useRef<ChartHandle | null>(null);
  const q = useLiveQuery(
    scoped(
      {
        measures: ['daily_gmv.gmv'],
        dimensions: [
          'daily_gmv.buyer_city',
          'daily_gmv.buyer_country',
          'daily_gmv.latitude',
          'daily_gmv.longitude',
        ],
      },
      { time: 'daily_gmv.day', country: 'daily_gmv.buyer_country' },
      filters,
      filters.range,
    ),
  );
  const cities: CityGmv[] = useMemo(
    () =>
      (q.resultSet?.rawData() ?? [])
        .map((r) => ({
          city: String(r['daily_gmv.buyer_city'] ?? ''),
          country: String(r['daily_gmv.buyer_country'] ?? ''),
          lat: toNumber(r['daily_gmv.latitude']),
          lon: toNumber(r['daily_gmv.longitude']),
          gmv: toNumber(r['daily_gmv.gmv']) ?? 0,
        }))
        .filter((c): c is CityGmv => c.lat !== null && c.lon !== null && c.gmv > 0)
        .sort((a, b) => b.gmv - a.gmv),
    [q.resultSet],
  );
  const open = drill
    ? (c: CityGmv) =>
        drill({
          kind: 'orders',
          title: `Orders from buyers in ${c.city}, ${countryName(c.country)}`,
          filters: [
            { member: 'buyers.city', operator: 'equals', values: [c.city] },
            { member: 'buyers.country', operator: 'equals', values: [c.country] },
          ],
        })
    : undefined;
  const canDraw = webgl2Available();
  const label = `GMV by buyer city on a world map: ${cities.map((c) => `${c.city} ${formatUsdFromCents(c.gmv)}`).join(', ')}`;
  return (
    <Card
      title="GMV by buyer location"
      subtitle="Heat by GMV of the buying retailers' cities; click a city for its orders"
      className="span-2"
      actions={
        <ExportButtons
          title="GMV by buyer location"
          rows={q.resultSet ? cities : null}
          chart={canDraw && !deckFailed ? handle : undefined}
          columns={[
            { header: 'City', value: (c) => c.city },
            { header: 'Country', value: (c) => c.country },
            { header: 'Latitude', value: (c) => c.lat },
            { header: 'Longitude', value: (c) => c.lon },
            { header: 'GMV (USD)', value: (c) => centsToDecimal(c.gmv) },
          ]}
        />
      }
    >
      <div ref={box} data-testid="gmv-map">
        <QueryState
          query={q}
          height={360}
          isEmpty={cities.length === 0}
          empty={<EmptyState title="No buyer locations in this period" />}
        >
          {() =>
            !canDraw ? (
              <NoMap reason="It needs WebGL2, which this browser has turned off or does not have." />
            ) : deckFailed ? (
              <NoMap reason={`The map failed to draw (${deckFailed}).`} />
            ) : !near ? (
              // Not a skeleton: nothing is loading until the card is near the screen.
              <div className="gmv-map" aria-hidden="true" />
            ) : (
              <MapBoundary fallback={<NoMap reason="The map could not be loaded." />}>
                <Suspense fallback={<Skeleton height={360} label="Loading map" />}>
                  <div className="gmv-map" role="img" aria-label={label}>
                    <DeckMap cities={cities} onSelect={open} onError={setDeckFailed} handle={handle} />
                  </div>
                </Suspense>
              </MapBoundary>
            )
          }
        </QueryState>
      </div>
      {cities.length > 0 && (
        <Figures
          caption="GMV by buyer city"
          rows={cities}
          rowKey={(c) => `${c.country}-${c.city}`}
          columns={[
            {
              key: 'city',
              header: 'City',
              render: (c) => (
                <DrillCell
                  label={`${c.city}, ${countryName(c.country)}`}
                  action="show the orders from buyers there"
                  onDrill={open ? () => open(c) : undefined}
                />
              ),
            },
            { key: 'gmv', header: 'GMV', numeric: true, render: (c) => formatUsdFromCents(c.gmv) },
          ]}
        />
      )}
    </Card>
  );
}
