// The scenario's defended territory as it was written — country codes or names, and
// polygons as rings of [latDeg, lonDeg] — for a map to draw (the service's network
// view, the CZML scene). Countries stay names: a map resolves them with its own borders.
import type { DefendedArea } from '../../scenario/scenario.ts';
import { round } from '../summary.ts';

const RAD = 180 / Math.PI;

export interface DefendedView {
  countries: string[];
  polygons: Array<Array<[number, number]>>;
}

export function defendedView(areas: readonly DefendedArea[]): DefendedView {
  const view: DefendedView = { countries: [], polygons: [] };
  for (const a of areas) {
    if (a.kind === 'country') view.countries.push(a.name);
    else view.polygons.push(a.vertices.map((v) => [round(v.latRad * RAD, 6), round(v.lonRad * RAD, 6)]));
  }
  return view;
}
