// Country borders for place names and defended territories: Natural Earth 1:50m
// through world-atlas (TopoJSON, ISO 3166-1 numeric ids), ISO alpha-3 codes and
// English names through i18n-iso-countries. Point lookups use a banded point-in-
// polygon index (polygon-index.ts) behind a 1° grid of country bounding boxes.
import { createRequire } from 'node:module';
import { geoArea, geoBounds } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { PolygonIndex } from './polygon-index.ts';

export interface Country {
  /** ISO 3166-1 alpha-3 code, or null for the few features without an ISO id. */
  alpha3: string | null;
  name: string;
  feature: Feature<Geometry>;
  /** [[west, south], [east, north]] in degrees (west > east across the antimeridian). */
  bounds: [[number, number], [number, number]];
  /** Fast point-in-polygon for the feature. */
  index: PolygonIndex;
}

const require = createRequire(import.meta.url);

let cache: { list: Country[]; grid: Map<number, Country[]> } | null = null;

function cellKey(latDeg: number, lonDeg: number): number {
  return (Math.floor(latDeg) + 90) * 360 + (Math.floor(lonDeg) + 180);
}

function load(): { list: Country[]; grid: Map<number, Country[]> } {
  if (cache) return cache;
  const topo = require('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topo, topo.objects.countries);
  const list: Country[] = [];
  for (const f of collection.features) {
    // A wrongly wound ring "contains" the whole globe but itself (STACK.md): skip it.
    if (geoArea(f) > 2 * Math.PI) continue;
    const numeric = f.id === undefined ? undefined : String(f.id).padStart(3, '0');
    const alpha3 = numeric ? (countries.numericToAlpha3(numeric) ?? null) : null;
    const name = (alpha3 && countries.getName(alpha3, 'en')) || f.properties?.name || 'unknown';
    const geometry = f as Feature<Geometry>;
    list.push({
      alpha3,
      name,
      feature: geometry,
      bounds: geoBounds(f) as Country['bounds'],
      index: new PolygonIndex([geometry]),
    });
  }
  const grid = new Map<number, Country[]>();
  for (const c of list) {
    const [[w, s], [e, n]] = c.bounds;
    const lons =
      w <= e
        ? [[w, e]]
        : [
            [w, 180],
            [-180, e],
          ];
    for (let lat = Math.floor(s); lat <= Math.min(89, Math.floor(n)); lat++) {
      for (const [a, b] of lons) {
        for (let lon = Math.floor(a!); lon <= Math.min(179, Math.floor(b!)); lon++) {
          const key = cellKey(lat, lon);
          const bucket = grid.get(key);
          if (bucket) bucket.push(c);
          else grid.set(key, [c]);
        }
      }
    }
  }
  cache = { list, grid };
  return cache;
}

/** Every country feature. */
export function allCountries(): readonly Country[] {
  return load().list;
}

/** The country containing a point (degrees), or null at sea. */
export function countryAt(latDeg: number, lonDeg: number): Country | null {
  const lon = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  const bucket = load().grid.get(cellKey(Math.max(-90, Math.min(89.999, latDeg)), lon));
  if (!bucket) return null;
  for (const c of bucket) if (c.index.contains(latDeg, lon)) return c;
  return null;
}

/** A country by ISO alpha-3 code or English name (case-insensitive), or null. */
export function findCountry(nameOrCode: string): Country | null {
  const key = nameOrCode.trim();
  const code =
    /^[A-Za-z]{3}$/.test(key) && countries.isValid(key.toUpperCase())
      ? key.toUpperCase()
      : (countries.getAlpha3Code(key, 'en') ?? null);
  const list = load().list;
  if (code) return list.find((c) => c.alpha3 === code) ?? null;
  const lower = key.toLowerCase();
  return list.find((c) => c.name.toLowerCase() === lower) ?? null;
}

/** Names and codes a defended-territory entry may use (for suggestions). */
export function countryKeys(): string[] {
  return load().list.flatMap((c) => (c.alpha3 ? [c.alpha3, c.name] : [c.name]));
}
