// World maps of values on a latitude/longitude grid (coverage, warning time): an
// equirectangular SVG with Natural Earth coastlines and borders (world-atlas 110m),
// cells coloured by a legend, rasterised to PNG with resvg. Also the same grid as
// GeoJSON cells. Shared by `vigil coverage` and the warning-time maps.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { geoEquirectangular, geoPath } from 'd3-geo';
import type { MultiLineString } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface Grid {
  /** Cell size, degrees; cells are [lat, lat + cellDeg) × [lon, lon + cellDeg). */
  cellDeg: number;
  /** South-west corners of the rows and columns. */
  latsDeg: number[];
  lonsDeg: number[];
  /** One value per cell, row-major (latitude rows); NaN for "nothing". */
  values: Float64Array;
}

export interface LegendEntry {
  /** Inclusive lower bound of the class. */
  from: number;
  label: string;
  colour: string;
}

export interface MapSpec {
  title: string;
  subtitle?: string;
  grid: Grid;
  /** Classes in increasing `from` order; a value takes the last class whose `from` ≤ it. */
  legend: LegendEntry[];
  /** Colour for NaN cells (default: none). */
  emptyColour?: string;
  /** Points to mark, e.g. sensors or a target. */
  markers?: Array<{ latDeg: number; lonDeg: number; label?: string; colour?: string }>;
}

const WIDTH = 1200;
const MAP_HEIGHT = 600;
const HEADER = 56;
const FOOTER = 56;
const require = createRequire(import.meta.url);

function borders(): { land: MultiLineString; countries: MultiLineString } {
  const topo = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection;
    land: GeometryCollection;
  }>;
  return {
    land: mesh(topo, topo.objects.land),
    countries: mesh(topo, topo.objects.countries, (a, b) => a !== b),
  };
}

function classOf(legend: LegendEntry[], v: number): LegendEntry | null {
  if (Number.isNaN(v)) return null;
  let pick: LegendEntry | null = null;
  for (const e of legend) if (v >= e.from) pick = e;
  return pick;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

export function renderGridMapSvg(spec: MapSpec): string {
  const projection = geoEquirectangular()
    .scale(WIDTH / (2 * Math.PI))
    .translate([WIDTH / 2, HEADER + MAP_HEIGHT / 2]);
  const path = geoPath(projection);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEADER + MAP_HEIGHT + FOOTER}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect x="0" y="${HEADER}" width="${WIDTH}" height="${MAP_HEIGHT}" fill="#dfe9f3"/>`,
  );
  const { grid } = spec;
  const px = WIDTH / 360;
  for (let i = 0; i < grid.latsDeg.length; i++) {
    for (let j = 0; j < grid.lonsDeg.length; j++) {
      const v = grid.values[i * grid.lonsDeg.length + j]!;
      const cls = classOf(spec.legend, v);
      const fill = cls?.colour ?? spec.emptyColour;
      if (!fill) continue;
      const [x, y] = projection([grid.lonsDeg[j]!, grid.latsDeg[i]! + grid.cellDeg])!;
      const w = grid.cellDeg * px;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(w + 0.3).toFixed(1)}" height="${(w + 0.3).toFixed(1)}" fill="${fill}" fill-opacity="0.75"/>`,
      );
    }
  }
  const b = borders();
  parts.push(`<path d="${path(b.countries)}" fill="none" stroke="#555" stroke-width="0.4"/>`);
  parts.push(`<path d="${path(b.land)}" fill="none" stroke="#222" stroke-width="0.8"/>`);
  for (const m of spec.markers ?? []) {
    const [x, y] = projection([m.lonDeg, m.latDeg])!;
    parts.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.5" fill="${m.colour ?? '#000'}" stroke="#fff" stroke-width="1"/>`,
    );
    if (m.label)
      parts.push(
        `<text x="${(x + 5).toFixed(1)}" y="${(y - 5).toFixed(1)}" font-size="10">${escapeXml(m.label)}</text>`,
      );
  }
  parts.push(`<text x="12" y="24" font-size="18" font-weight="bold">${escapeXml(spec.title)}</text>`);
  if (spec.subtitle)
    parts.push(`<text x="12" y="44" font-size="12" fill="#333">${escapeXml(spec.subtitle)}</text>`);
  const y0 = HEADER + MAP_HEIGHT + 18;
  let x = 12;
  for (const e of spec.legend) {
    parts.push(
      `<rect x="${x}" y="${y0}" width="16" height="16" fill="${e.colour}" fill-opacity="0.75" stroke="#333" stroke-width="0.5"/>`,
    );
    parts.push(`<text x="${x + 22}" y="${y0 + 13}" font-size="12">${escapeXml(e.label)}</text>`);
    x += 30 + e.label.length * 7.5;
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
    .render()
    .asPng();
}

/** The grid as GeoJSON polygons (one per non-NaN cell) with the value under `property`. */
export function gridToGeoJson(
  grid: Grid,
  property: string,
  extra: (i: number) => Record<string, unknown> = () => ({}),
) {
  const features = [];
  const nLon = grid.lonsDeg.length;
  for (let i = 0; i < grid.latsDeg.length; i++) {
    for (let j = 0; j < nLon; j++) {
      const k = i * nLon + j;
      const v = grid.values[k]!;
      if (Number.isNaN(v)) continue;
      const s = grid.latsDeg[i]!;
      const w = grid.lonsDeg[j]!;
      const n = s + grid.cellDeg;
      const e = w + grid.cellDeg;
      features.push({
        type: 'Feature' as const,
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
        properties: { [property]: v, ...extra(k) },
      });
    }
  }
  return { type: 'FeatureCollection' as const, features };
}

/** A grid of cells covering latitudes [south, north) and all longitudes. */
export function makeGrid(cellDeg: number, south = -90, north = 90): Grid {
  const latsDeg: number[] = [];
  for (let lat = south; lat < north - 1e-9; lat += cellDeg) latsDeg.push(lat);
  const lonsDeg: number[] = [];
  for (let lon = -180; lon < 180 - 1e-9; lon += cellDeg) lonsDeg.push(lon);
  return {
    cellDeg,
    latsDeg,
    lonsDeg,
    values: new Float64Array(latsDeg.length * lonsDeg.length).fill(Number.NaN),
  };
}
