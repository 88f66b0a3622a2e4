/**
 * The deck.gl map itself: its own lazy chunk with deck.gl, luma.gl and the world's countries (world-atlas
 * 1:110m, ISC licence, Natural Earth's public-domain data, bundled: no tile server, nothing fetched at run time).
 * Layers: countries (GeoJsonLayer), a heatmap of a figure by city (HeatmapLayer: GMV on the executive map, a
 * manufacturer's sales on its buyer map), and the cities as dots sized by it that show their figures on hover and
 * open their orders on click.
 */
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { Deck, MapView, WebMercatorViewport, type PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { CityFigure, DeckMapProps } from './CityMap.tsx';

type Rgb = [number, number, number];
type Rgba = [number, number, number, number];

const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
// Antarctica (ISO 3166 numeric 010) takes a third of a Mercator map and has no buyers.
const COUNTRIES: FeatureCollection<Geometry> = {
  type: 'FeatureCollection',
  features: (feature(topology, topology.objects.countries) as FeatureCollection<Geometry>).features.filter(
    (f) => f.id !== '010',
  ),
};

function hexToRgb(hex: string, fallback: Rgb): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : fallback;
}

/** Map colours from the design tokens, so the map follows the theme (and an embedding site's colours). */
function colours(element: HTMLElement) {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: Rgb) => hexToRgb(style.getPropertyValue(name), fallback);
  const accent = token('--color-accent', [11, 122, 117]);
  const warm = token('--color-chart-2', [224, 122, 47]);
  const hot = token('--color-chart-4', [194, 59, 111]);
  const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => Math.round(v + (b[i]! - v) * t)) as Rgb;
  const land = token('--color-surface', [255, 255, 255]);
  return {
    land: [...land, 255] as Rgba,
    border: [...token('--color-input-border', [138, 153, 168]), 200] as Rgba,
    dot: [...accent, 230] as Rgba,
    dotLine: [...land, 255] as Rgba,
    // Light accent to accent, then warm to hot: low GMV reads cool, high GMV hot.
    heat: [mix(land, accent, 0.25), mix(land, accent, 0.6), accent, mix(accent, warm, 0.5), warm, hot],
  };
}

/** Frames the buyers: their bounding box with a margin, never closer than a region nor wider than the world. */
function viewFor(cities: CityFigure[], width: number, height: number) {
  const lons = cities.map((c) => c.lon);
  const lats = cities.map((c) => c.lat);
  const pad = 8;
  const bounds: [[number, number], [number, number]] = [
    [Math.max(-179, Math.min(...lons) - pad), Math.max(-70, Math.min(...lats) - pad)],
    [Math.min(179, Math.max(...lons) + pad), Math.min(80, Math.max(...lats) + pad)],
  ];
  const fitted = new WebMercatorViewport({
    width: Math.max(width, 100),
    height: Math.max(height, 100),
  }).fitBounds(bounds, { padding: Math.min(40, width / 10) });
  return {
    longitude: fitted.longitude,
    latitude: fitted.latitude,
    zoom: Math.min(Math.max(fitted.zoom, 0), 5),
  };
}

export default function DeckMap(props: DeckMapProps<CityFigure>) {
  const container = useRef<HTMLDivElement>(null);
  const deck = useRef<Deck<MapView> | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const element = container.current!;
    const { width, height } = element.getBoundingClientRect();
    const instance = new Deck<MapView>({
      parent: element,
      views: new MapView({ repeat: false }),
      initialViewState: viewFor(latest.current.cities, width, height),
      // Dragging pans; the wheel scrolls the page, as on every other card.
      controller: { scrollZoom: false, dragRotate: false, touchRotate: false },
      onError: (error) => latest.current.onError(error.message),
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
      getTooltip: ({ object }: PickingInfo<CityFigure>) => (object ? latest.current.describe(object) : null),
      onClick: ({ object }: PickingInfo<CityFigure>) => {
        if (object) latest.current.onSelect?.(object);
      },
    });
    deck.current = instance;
    // deck.gl keeps its drawing buffer (its default), so the canvas can be read back as a PNG.
    props.handle.current = {
      toPng: () => {
        instance.redraw('export');
        return (element.querySelector('canvas') as HTMLCanvasElement).toDataURL('image/png');
      },
    };
    return () => {
      props.handle.current = null;
      instance.finalize();
      deck.current = null;
      // finalize() leaves the canvas behind when the GPU device was still being created: never stack two maps.
      element.replaceChildren();
    };
    // The Deck is made once per mount; data arrives through setProps below.
  }, [props.handle]);

  useEffect(() => {
    const instance = deck.current;
    if (!instance || !container.current) return;
    const c = colours(container.current);
    const max = Math.max(1, ...props.cities.map((city) => city.value));
    instance.setProps({
      layers: [
        new GeoJsonLayer<Feature>({
          id: 'countries',
          data: COUNTRIES,
          filled: true,
          stroked: true,
          // Russia and Fiji cross the antimeridian: without this their rings span the whole map.
          wrapLongitude: true,
          getFillColor: c.land,
          getLineColor: c.border,
          lineWidthUnits: 'pixels',
          getLineWidth: 0.6,
        }),
        new HeatmapLayer<CityFigure>({
          id: 'heat',
          data: props.cities,
          getPosition: (d) => [d.lon, d.lat],
          getWeight: (d) => d.value / max,
          radiusPixels: 70,
          intensity: 2,
          threshold: 0.05,
          colorRange: c.heat,
          aggregation: 'SUM',
        }),
        new ScatterplotLayer<CityFigure>({
          id: 'cities',
          data: props.cities,
          pickable: true,
          getPosition: (d) => [d.lon, d.lat],
          getRadius: (d) => 3 + 9 * Math.sqrt(d.value / max),
          radiusUnits: 'pixels',
          getFillColor: c.dot,
          stroked: true,
          getLineColor: c.dotLine,
          lineWidthUnits: 'pixels',
          getLineWidth: 1.5,
        }),
      ],
    });
  }, [props.cities]);

  return <div ref={container} className="gmv-map__canvas" style={{ position: 'absolute', inset: 0 }} />;
}
