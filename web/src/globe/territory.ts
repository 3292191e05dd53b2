// The defended territory drawn on the globe and framed by the camera preset: the
// scenario's countries — by ISO alpha-3 code or English name, as the scenario format
// takes them — from Natural Earth 1:110m borders (world-atlas; the service decides
// with 1:50m, the globe only draws), and its polygons as written.
import { geoBounds } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { DefendedAreas } from '../data/run-source.ts';

countries.registerLocale(english);

export interface TerritoryShape {
  /** Closed rings, flat [lonDeg, latDeg, …]. */
  rings: number[][];
  /** West, south, east, north in degrees (west > east across the antimeridian); null when empty. */
  bounds: [number, number, number, number] | null;
  /** Names that matched no country. */
  unresolved: string[];
}

let byNumeric: Map<string, Feature<Geometry>> | null = null;
let byName: Map<string, Feature<Geometry>> | null = null;

function index(): void {
  if (byNumeric && byName) return;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  byNumeric = new Map();
  byName = new Map();
  for (const f of collection.features) {
    if (f.id !== undefined) byNumeric.set(String(f.id).padStart(3, '0'), f);
    if (f.properties?.name) byName.set(f.properties.name.toLowerCase(), f);
  }
}

export function findCountryFeature(name: string): Feature<Geometry> | null {
  index();
  const code = /^[A-Za-z]{3}$/.test(name) ? name.toUpperCase() : countries.getAlpha3Code(name, 'en');
  const numeric = code ? countries.alpha3ToNumeric(code) : undefined;
  return (numeric ? byNumeric!.get(numeric) : undefined) ?? byName!.get(name.toLowerCase()) ?? null;
}

function ringsOf(geometry: Geometry): number[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates.map((ring) => ring.flat());
  if (geometry.type === 'MultiPolygon')
    return geometry.coordinates.flatMap((p) => p.map((ring) => ring.flat()));
  return [];
}

/** Bounds of several [w, s, e, n] boxes, the longitudes joined the short way round. */
function joinBounds(boxes: Array<[number, number, number, number]>): [number, number, number, number] | null {
  if (boxes.length === 0) return null;
  let [w, s, e, n] = boxes[0]!;
  for (const [bw, bs, be, bn] of boxes.slice(1)) {
    s = Math.min(s, bs);
    n = Math.max(n, bn);
    // Treat longitudes as spans on a circle; keep the smaller union.
    const span = (a: number, b: number) => (((b - a) % 360) + 360) % 360;
    const candidates: Array<[number, number]> = [
      [w, be],
      [bw, e],
      [Math.min(w, bw), Math.max(e, be)],
    ];
    const covers = (cw: number, ce: number, x: number) => span(cw, x) <= span(cw, ce);
    const valid = candidates.filter(
      ([cw, ce]) => covers(cw, ce, w) && covers(cw, ce, e) && covers(cw, ce, bw) && covers(cw, ce, be),
    );
    const best = valid.sort((a, b) => span(a[0], a[1]) - span(b[0], b[1]))[0] ?? [-180, 180];
    [w, e] = best;
  }
  return [w, s, e, n];
}

export function territoryShape(areas: DefendedAreas): TerritoryShape {
  const rings: number[][] = [];
  const boxes: Array<[number, number, number, number]> = [];
  const unresolved: string[] = [];
  for (const name of areas.countries) {
    const f = findCountryFeature(name);
    if (!f) {
      unresolved.push(name);
      continue;
    }
    rings.push(...ringsOf(f.geometry));
    const [[w, s], [e, n]] = geoBounds(f);
    boxes.push([w, s, e, n]);
  }
  for (const polygon of areas.polygons) {
    const ring = polygon.flatMap(([lat, lon]) => [lon, lat]);
    if (polygon.length > 0) ring.push(polygon[0]![1], polygon[0]![0]);
    rings.push(ring);
    const f: Feature<Geometry> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: polygon.map(([lat, lon]) => [lon, lat]) },
    };
    const [[w, s], [e, n]] = geoBounds(f);
    boxes.push([w, s, e, n]);
  }
  return { rings, bounds: joinBounds(boxes), unresolved };
}
