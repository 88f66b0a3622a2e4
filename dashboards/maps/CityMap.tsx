/**
 * The body of a map card: figures by city drawn as a heatmap with dots on deck.gl (DeckMap.tsx), with a legend.
 * deck.gl and the map data are a separate chunk fetched only when the card comes near the screen; without WebGL2,
 * or when the chunk or deck.gl fails, the card says so and its table below keeps the figures. Used by the
 * executive's GMV map and the manufacturer's buyer map, which differ only in their query and words.
 */
import {
  Component,
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
  type RefObject,
} from 'react';
import { EmptyState, Skeleton } from '../../marketplace/ui/components/index.ts';
import type { ChartHandle } from '../charts/EChart.tsx';
import { QueryState } from '../charts/states.tsx';
import type { LiveQuery } from '../cube/useLiveQuery.ts';
import { mapMessages as m } from './messages.ts';
import { webgl2Available } from './webgl.ts';

/** One city on a map: where it is and the figure that weighs it (USD cents for both maps). */
export interface CityFigure {
  city: string;
  country: string;
  lat: number;
  lon: number;
  value: number;
}

export interface DeckMapProps<T extends CityFigure> {
  cities: T[];
  /** The tooltip of a city (plain text; new lines allowed). */
  describe: (city: T) => string;
  onSelect?: (city: T) => void;
  onError: (message: string) => void;
  handle: RefObject<ChartHandle | null>;
}

// The cast gives the lazy component back the type parameter React.lazy drops.
const DeckMap = lazy(() => import('./DeckMap.tsx')) as unknown as <T extends CityFigure>(
  props: DeckMapProps<T>,
) => ReactNode;

/** True once the element has come within a screen of the viewport (and stays true). */
function useNearScreen<T extends Element>(): [RefObject<T | null>, boolean] {
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
      <EmptyState title={m.cannotShow}>{m.tableBelow(props.reason)}</EmptyState>
    </div>
  );
}

/** Low to high, in the colours DeckMap gives its heatmap (the same tokens, mixed the same way). */
function Legend(props: { figure: string }) {
  return (
    <p className="gmv-map__legend">
      <span className="gmv-map__legend-title">{props.figure}</span> <span>{m.legendLow}</span>
      <span className="gmv-map__ramp" aria-hidden="true" />
      <span>{m.legendHigh}</span>
      <span className="gmv-map__legend-note">{m.legendDots}</span>
    </p>
  );
}

/** Whether the map can be drawn here, and what to say when it failed: the card hides "PNG" when not. */
export function useMapState() {
  const [failed, setFailed] = useState<string | null>(null);
  return { failed, onFail: setFailed, drawable: webgl2Available() && failed === null };
}

export function CityMap<T extends CityFigure>(props: {
  query: LiveQuery;
  cities: T[];
  /** The text alternative of the drawn map (its figures). */
  label: string;
  /** What the heat measures, for the legend ("GMV", "Sales"). */
  figure: string;
  describe: (city: T) => string;
  onSelect?: (city: T) => void;
  handle: RefObject<ChartHandle | null>;
  state: ReturnType<typeof useMapState>;
  testId: string;
}) {
  const [box, near] = useNearScreen<HTMLDivElement>();
  const { failed, onFail } = props.state;
  const Map = DeckMap as ComponentType<DeckMapProps<T>>;
  return (
    <div ref={box} data-testid={props.testId}>
      <QueryState
        query={props.query}
        height={360}
        isEmpty={props.cities.length === 0}
        empty={<EmptyState title={m.noLocations} />}
      >
        {() =>
          !webgl2Available() ? (
            <NoMap reason={m.noWebgl} />
          ) : failed ? (
            <NoMap reason={m.failedToDraw(failed)} />
          ) : !near ? (
            // Not a skeleton: nothing is loading until the card is near the screen.
            <div className="gmv-map" aria-hidden="true" />
          ) : (
            <MapBoundary fallback={<NoMap reason={m.couldNotLoad} />}>
              <Suspense fallback={<Skeleton height={360} label={m.loading} />}>
                <div className="gmv-map" role="img" aria-label={props.label}>
                  <Map
                    cities={props.cities}
                    describe={props.describe}
                    onSelect={props.onSelect}
                    onError={onFail}
                    handle={props.handle}
                  />
                  <Legend figure={props.figure} />
                </div>
              </Suspense>
            </MapBoundary>
          )
        }
      </QueryState>
    </div>
  );
}
