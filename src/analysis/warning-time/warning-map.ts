// Warning-time maps (issue 8): for a target, a grid of launch points within the
// class's range band (DOMAIN.md §2, vehicles.ts rangeBandKm), or for a launch area, a
// grid of targets; each cell is one warning-time run of the real chain from (or to) the
// cell's centre (warning-time.ts), and the maps show the warning margin and the time
// from launch to confirmation. Cells are numbered in grid order, so any worker can run
// any cell and the maps are put together the same way whatever the order.

import { greatCircleDistance } from '../../physics/geodesy.ts';
import { InputError } from '../../scenario/input-error.ts';
import type { LaunchClass, TrajectoryProfile } from '../../scenario/schema-events.ts';
import { VEHICLES } from '../../world/vehicles.ts';
import { type Grid, makeGrid } from '../maps/grid-map.ts';
import { warningTime } from './warning-time.ts';

export interface WarningMapSpec {
  /** `launch`: the target is fixed and launch points vary; `target`: the launch area is fixed. */
  vary: 'launch' | 'target';
  fixed: { latDeg: number; lonDeg: number };
  cellDeg: number;
  vehicleClass: LaunchClass;
  profile: TrajectoryProfile;
  network: string;
  epochIso: string;
  seed: number;
}

export interface MapCell {
  /** Index of the cell in the grid (row-major, latitude rows). */
  gridIndex: number;
  /** Cell centre, degrees. */
  latDeg: number;
  lonDeg: number;
  rangeKm: number;
}

/** One cell's times, s after launch (null: not reached), or why it could not be flown. */
export interface CellResult {
  firstReportS: number | null;
  launchDetectedS: number | null;
  confirmedS: number | null;
  attackWarningS: number | null;
  flightTimeS: number | null;
  warningMarginS: number | null;
  /** The flight could not be shaped (out of reach on this bearing): the message. */
  unreachable: string | null;
}

const D = Math.PI / 180;
/** Shortest range mapped, km (shaping refuses aim points closer than 20 km). */
const MIN_RANGE_KM = 50;

export function mapGrid(spec: WarningMapSpec): Grid {
  return makeGrid(spec.cellDeg);
}

/** The grid cells whose centres lie within the class's range band of the fixed point. */
export function mapCells(spec: WarningMapSpec): MapCell[] {
  const grid = mapGrid(spec);
  const [lo, hi] = VEHICLES[spec.vehicleClass].rangeBandKm;
  if (hi <= 0)
    throw new InputError({
      source: '--class',
      path: [],
      message: `'${spec.vehicleClass}' is not flown to an aim point: a warning-time map needs a ballistic class`,
    });
  const cells: MapCell[] = [];
  const half = spec.cellDeg / 2;
  for (let i = 0; i < grid.latsDeg.length; i++) {
    for (let j = 0; j < grid.lonsDeg.length; j++) {
      const latDeg = grid.latsDeg[i]! + half;
      const lonDeg = grid.lonsDeg[j]! + half;
      const rangeKm =
        greatCircleDistance(latDeg * D, lonDeg * D, spec.fixed.latDeg * D, spec.fixed.lonDeg * D) / 1000;
      if (rangeKm < Math.max(lo, MIN_RANGE_KM) || rangeKm > hi) continue;
      cells.push({ gridIndex: i * grid.lonsDeg.length + j, latDeg, lonDeg, rangeKm });
    }
  }
  return cells;
}

export function runMapCell(spec: WarningMapSpec, cell: MapCell): CellResult {
  const here = { latDeg: cell.latDeg, lonDeg: cell.lonDeg };
  try {
    const r = warningTime({
      launch: spec.vary === 'launch' ? here : spec.fixed,
      target: spec.vary === 'launch' ? spec.fixed : here,
      vehicleClass: spec.vehicleClass,
      profile: spec.profile,
      network: spec.network,
      epochIso: spec.epochIso,
      seed: spec.seed,
    });
    return {
      firstReportS: r.firstReport?.afterLaunchS ?? null,
      launchDetectedS: r.levels['launch-detected']?.afterLaunchS ?? null,
      confirmedS: r.levels['launch-confirmed']?.afterLaunchS ?? null,
      attackWarningS: r.levels['attack-warning']?.afterLaunchS ?? null,
      flightTimeS: r.flightTimeS,
      warningMarginS: r.warningMarginS,
      unreachable: null,
    };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return {
      firstReportS: null,
      launchDetectedS: null,
      confirmedS: null,
      attackWarningS: null,
      flightTimeS: null,
      warningMarginS: null,
      unreachable: err.problems.map((p) => p.message).join('; '),
    };
  }
}

/** Map value of a cell flown but never warned of (or never confirmed): below every time class. */
export const NEVER = -Number.MAX_VALUE;
/** Map value of a cell the class cannot reach on that bearing: below NEVER. */
export const OUT_OF_REACH = Number.NEGATIVE_INFINITY;

export interface WarningMaps {
  grid: Grid;
  /** Per grid cell: the warning margin, min (NEVER: no attack warning; OUT_OF_REACH; NaN: outside the range band). */
  marginMin: Float64Array;
  /** Per grid cell: launch to launch-confirmed, min (NEVER: never confirmed; OUT_OF_REACH; NaN: outside the range band). */
  confirmationMin: Float64Array;
}

export function assembleMaps(
  spec: WarningMapSpec,
  cells: readonly MapCell[],
  results: readonly CellResult[],
): WarningMaps {
  const grid = mapGrid(spec);
  const marginMin = new Float64Array(grid.values.length).fill(Number.NaN);
  const confirmationMin = new Float64Array(grid.values.length).fill(Number.NaN);
  for (const [k, cell] of cells.entries()) {
    const r = results[k];
    if (!r) continue;
    if (r.unreachable !== null) {
      marginMin[cell.gridIndex] = OUT_OF_REACH;
      confirmationMin[cell.gridIndex] = OUT_OF_REACH;
      continue;
    }
    marginMin[cell.gridIndex] = r.warningMarginS === null ? NEVER : r.warningMarginS / 60;
    confirmationMin[cell.gridIndex] = r.confirmedS === null ? NEVER : r.confirmedS / 60;
  }
  return { grid, marginMin, confirmationMin };
}
