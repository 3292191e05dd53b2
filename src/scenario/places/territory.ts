// A defended territory: the union of countries (by ISO alpha-3 code or English
// name) and inline polygons from the scenario. Answers "is this point inside?" and
// "does this ellipse meet it?" (the attack-warning test, DESIGN.md §4).
import { geoArea } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { InputError, type InputProblem } from '../input-error.ts';
import type { DefendedArea } from '../scenario.ts';
import { nearest } from '../suggest.ts';
import { countryKeys, findCountry } from './countries.ts';
import { PolygonIndex } from './polygon-index.ts';

const RAD = 180 / Math.PI;

export interface Territory {
  /** Short label, e.g. "USA" or "USA + polygon". */
  label: string;
  features: Feature<Geometry>[];
  index: PolygonIndex;
}

/** Resolves the scenario's defended areas; unknown country names are input errors at `path`. */
export function resolveTerritory(
  areas: readonly DefendedArea[],
  locate: (index: number, message: string) => InputProblem = (i, message) => ({
    path: ['defended', i],
    message,
  }),
): Territory {
  const features: Feature<Geometry>[] = [];
  // A country's index is built once, with the country (countries.ts): a run resolves its
  // territory afresh, and building the rings of a large country took a few per cent of a
  // warning-time run.
  const indexes: PolygonIndex[] = [];
  const labels: string[] = [];
  const problems: InputProblem[] = [];
  for (const [i, a] of areas.entries()) {
    if (a.kind === 'country') {
      const c = findCountry(a.name);
      if (!c) {
        const near = nearest(a.name, countryKeys());
        problems.push(
          locate(
            i,
            `unknown country '${a.name}'${near ? ` — did you mean '${near}'?` : ''} (ISO alpha-3 code or English name)`,
          ),
        );
        continue;
      }
      features.push(c.feature);
      indexes.push(c.index);
      labels.push(c.alpha3 ?? c.name);
    } else {
      const ring = a.vertices.map((v) => [v.lonRad * RAD, v.latRad * RAD]);
      ring.push(ring[0]!);
      const polygon: Feature<Geometry> = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
      // On the sphere a ring bounds two regions; the territory is the smaller one,
      // whichever way the file wound it.
      if (geoArea(polygon) > 2 * Math.PI) ring.reverse();
      features.push(polygon);
      indexes.push(new PolygonIndex([polygon]));
      labels.push('polygon');
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { label: labels.join(' + ') || 'none', features, index: PolygonIndex.union(indexes) };
}

export function territoryContains(t: Territory, latDeg: number, lonDeg: number): boolean {
  return t.index.contains(latDeg, lonDeg);
}

export interface Ellipse {
  latDeg: number;
  lonDeg: number;
  semiMajorKm: number;
  semiMinorKm: number;
  /** Azimuth of the major axis, degrees clockwise from north. */
  orientationDeg: number;
}

const EARTH_KM = 6371;

/** The boundary of an ellipse on the ground as a closed ring of [lonDeg, latDeg]. */
export function ellipseRing(e: Ellipse, points = 48): number[][] {
  const ring = ellipseSamplePoints(e, points)
    .slice(1 + points)
    .map(([lat, lon]) => [lon, lat]);
  ring.push(ring[0]!);
  return ring;
}

/** Points on and inside an ellipse on the ground (centre, boundary and a middle ring). */
export function ellipseSamplePoints(e: Ellipse, boundaryPoints = 24): Array<[number, number]> {
  const out: Array<[number, number]> = [[e.latDeg, e.lonDeg]];
  const lat0 = e.latDeg / RAD;
  const rot = e.orientationDeg / RAD;
  for (const scale of [0.5, 1]) {
    for (let k = 0; k < boundaryPoints; k++) {
      const th = (2 * Math.PI * k) / boundaryPoints;
      const a = e.semiMajorKm * scale * Math.cos(th);
      const b = e.semiMinorKm * scale * Math.sin(th);
      // Major axis along `rot` from north: north/east offsets in km.
      const north = a * Math.cos(rot) - b * Math.sin(rot);
      const east = a * Math.sin(rot) + b * Math.cos(rot);
      out.push([
        e.latDeg + (north / EARTH_KM) * RAD,
        e.lonDeg + (east / (EARTH_KM * Math.max(1e-6, Math.cos(lat0)))) * RAD,
      ]);
    }
  }
  return out;
}

/** Whether an ellipse meets the territory (any sample point inside it). */
export function territoryMeetsEllipse(t: Territory, e: Ellipse): boolean {
  for (const [lat, lon] of ellipseSamplePoints(e)) if (territoryContains(t, lat, lon)) return true;
  return false;
}
