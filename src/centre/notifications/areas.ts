// Launch and impact areas of launch notifications (DOMAIN.md §7.1, §7.6): circles,
// polygons, ocean quadrants ("the ninety-degree sector encompassing approximately
// one-fourth of the area of the ocean") and named bodies of water.
import { geoArea, geoContains } from 'd3-geo';
import type { Feature, Polygon } from 'geojson';
import { greatCircleDistance } from '../../physics/geodesy.ts';
import { seaAreaAt } from '../../scenario/places/seas.ts';
import type { ImpactAreaSpec, LaunchAreaSpec } from '../../scenario/scenario.ts';

const RAD = 180 / Math.PI;

/** A nominal centre of each ocean (degrees) from which its quadrants are measured. */
const OCEAN_CENTRES: Record<string, { latDeg: number; lonDeg: number; names: RegExp }> = {
  Atlantic: {
    latDeg: 0,
    lonDeg: -30,
    names: /Atlantic|North Sea|Norwegian|Greenland|Baltic|Caribbean|Gulf of Mexico|Mediterranean|Hudson/,
  },
  Pacific: { latDeg: 0, lonDeg: -160, names: /Pacific|Bering|Okhotsk|Japan|Yellow|China Sea/ },
  Indian: { latDeg: -20, lonDeg: 80, names: /Indian|Arabian|Bengal/ },
  Arctic: { latDeg: 80, lonDeg: 0, names: /Arctic|Barents|Kara/ },
  Southern: { latDeg: -65, lonDeg: 0, names: /Southern/ },
};

function polygonFeature(vertices: Array<{ latRad: number; lonRad: number }>): Feature<Polygon> {
  const ring = vertices.map((v) => [v.lonRad * RAD, v.latRad * RAD]);
  ring.push(ring[0]!);
  const f: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
  if (geoArea(f) > 2 * Math.PI) ring.reverse();
  return f;
}

/** Whether a point (radians) lies in a launch or impact area, with `marginM` of slack around circles. */
export function areaContains(
  area: LaunchAreaSpec | ImpactAreaSpec,
  latRad: number,
  lonRad: number,
  marginM = 0,
): boolean {
  switch (area.kind) {
    case 'circle':
      return (
        greatCircleDistance(area.center.latRad, area.center.lonRad, latRad, lonRad) <= area.radiusM + marginM
      );
    case 'polygon':
      return geoContains(polygonFeature(area.vertices), [lonRad * RAD, latRad * RAD]);
    case 'ocean-quadrant': {
      const ocean = OCEAN_CENTRES[area.ocean]!;
      const latDeg = latRad * RAD;
      const lonDeg = lonRad * RAD;
      if (!ocean.names.test(seaAreaAt(latDeg, lonDeg))) return false;
      const north = latDeg >= ocean.latDeg;
      const east = Math.sin((lonDeg - ocean.lonDeg) / RAD) >= 0;
      return area.quadrant === `${north ? 'N' : 'S'}${east ? 'E' : 'W'}`;
    }
    case 'named-water':
      return seaAreaAt(latRad * RAD, lonRad * RAD)
        .toLowerCase()
        .includes(area.name.toLowerCase());
  }
}

/** Words for an area, for evidence lines. */
export function describeArea(area: LaunchAreaSpec | ImpactAreaSpec): string {
  switch (area.kind) {
    case 'circle':
      return `a ${Math.round(area.radiusM / 1000)} km circle around ${(area.center.latRad * RAD).toFixed(1)}°, ${(area.center.lonRad * RAD).toFixed(1)}°`;
    case 'polygon':
      return `a ${area.vertices.length}-point polygon`;
    case 'ocean-quadrant':
      return `the ${area.quadrant} quadrant of the ${area.ocean} Ocean`;
    case 'named-water':
      return `the ${area.name}`;
  }
}
