// The warning-time maps as pictures and data: two world maps in one SVG (warning
// margin above, time to launch-confirmed below), each with coastlines, borders and a
// colour legend (maps/grid-map.ts), or the cells as GeoJSON with every time of the run.

import { gridToGeoJson, type LegendEntry, renderGridMapSvg } from '../maps/grid-map.ts';
import {
  type CellResult,
  type MapCell,
  NEVER,
  OUT_OF_REACH,
  type WarningMapSpec,
  type WarningMaps,
} from './warning-map.ts';

const NEVER_COLOUR = '#67001f';
const OUT_OF_REACH_ENTRY: LegendEntry = { from: OUT_OF_REACH, label: 'out of reach', colour: '#bdbdbd' };

export const MARGIN_LEGEND: LegendEntry[] = [
  OUT_OF_REACH_ENTRY,
  { from: NEVER, label: 'no attack warning', colour: NEVER_COLOUR },
  { from: Number.MIN_SAFE_INTEGER, label: '< 5 min', colour: '#d73027' },
  { from: 5, label: '5–10', colour: '#fc8d59' },
  { from: 10, label: '10–15', colour: '#fee08b' },
  { from: 15, label: '15–20', colour: '#d9ef8b' },
  { from: 20, label: '20–25', colour: '#91cf60' },
  { from: 25, label: '25–30', colour: '#1a9850' },
  { from: 30, label: '≥ 30 min', colour: '#006837' },
];

export const CONFIRMATION_LEGEND: LegendEntry[] = [
  OUT_OF_REACH_ENTRY,
  { from: NEVER, label: 'never confirmed', colour: NEVER_COLOUR },
  { from: Number.MIN_SAFE_INTEGER, label: '< 2 min', colour: '#1a9850' },
  { from: 2, label: '2–5', colour: '#91cf60' },
  { from: 5, label: '5–10', colour: '#d9ef8b' },
  { from: 10, label: '10–15', colour: '#fee08b' },
  { from: 15, label: '15–20', colour: '#fc8d59' },
  { from: 20, label: '≥ 20 min', colour: '#d73027' },
];

function where(p: { latDeg: number; lonDeg: number }): string {
  return `${p.latDeg.toFixed(1)}, ${p.lonDeg.toFixed(1)}`;
}

function subtitle(spec: WarningMapSpec, cells: number): string {
  const fixed =
    spec.vary === 'launch'
      ? `launches from each cell to ${where(spec.fixed)}`
      : `launches from ${where(spec.fixed)} to each cell`;
  return `${spec.vehicleClass} (${spec.profile}), ${fixed}; network ${spec.network}, ${spec.epochIso}, seed ${spec.seed}; ${cells} cells of ${spec.cellDeg}° (illustrative public figures)`;
}

/** Both maps, one above the other, as one SVG document. */
export function renderWarningMapsSvg(spec: WarningMapSpec, maps: WarningMaps, cellCount: number): string {
  const marker = {
    latDeg: spec.fixed.latDeg,
    lonDeg: spec.fixed.lonDeg,
    label: spec.vary === 'launch' ? 'target' : 'launch area',
    colour: '#000',
  };
  const panels = [
    renderGridMapSvg({
      title: 'Warning margin: impact minus attack warning',
      subtitle: subtitle(spec, cellCount),
      grid: { ...maps.grid, values: maps.marginMin },
      legend: MARGIN_LEGEND,
      markers: [marker],
    }),
    renderGridMapSvg({
      title: 'Time from launch to launch-confirmed (dual phenomenology)',
      subtitle: subtitle(spec, cellCount),
      grid: { ...maps.grid, values: maps.confirmationMin },
      legend: CONFIRMATION_LEGEND,
      markers: [marker],
    }),
  ];
  const size = (svg: string, attr: string) => Number(new RegExp(`${attr}="(\\d+)"`).exec(svg)![1]);
  const width = size(panels[0]!, 'width');
  const height = size(panels[0]!, 'height');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${2 * height}">`,
    ...panels.map((svg, i) => svg.replace('<svg ', `<svg y="${i * height}" `)),
    '</svg>',
  ].join('\n');
}

/** The mapped cells as GeoJSON polygons with every time of their run (null where it did not happen). */
export function warningMapGeoJson(
  spec: WarningMapSpec,
  maps: WarningMaps,
  cells: readonly MapCell[],
  results: readonly CellResult[],
) {
  const byGridIndex = new Map(cells.map((c, k) => [c.gridIndex, { cell: c, r: results[k] }]));
  const doc = gridToGeoJson({ ...maps.grid, values: maps.marginMin }, 'warningMarginMin', (i) => {
    const hit = byGridIndex.get(i)!;
    return {
      [spec.vary === 'launch' ? 'launch' : 'target']: { latDeg: hit.cell.latDeg, lonDeg: hit.cell.lonDeg },
      rangeKm: Math.round(hit.cell.rangeKm),
      firstReportS: hit.r?.firstReportS ?? null,
      launchDetectedS: hit.r?.launchDetectedS ?? null,
      confirmedS: hit.r?.confirmedS ?? null,
      attackWarningS: hit.r?.attackWarningS ?? null,
      flightTimeS: hit.r?.flightTimeS ?? null,
      warningMarginS: hit.r?.warningMarginS ?? null,
      outOfReach: hit.r?.unreachable ?? null,
    };
  });
  for (const f of doc.features) {
    const v = f.properties['warningMarginMin'];
    if (typeof v === 'number' && !Number.isFinite(v)) f.properties['warningMarginMin'] = null;
  }
  return doc;
}
