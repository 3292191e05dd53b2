// Compact builders for preset sensors, written in the file units (degrees, km) of the
// scenario format and converted to the normalised SI specs the models take.
import type {
  IrSensorSpec,
  OrbitSpec,
  RadarFaceSpec,
  RadarSpec,
  SatelliteSpec,
} from '../../scenario/scenario.ts';

const DEG = Math.PI / 180;

export interface FaceFigures {
  boresightDeg: number;
  halfWidthDeg?: number;
  minElevationDeg: number;
  maxElevationDeg: number;
  maxRangeKm: number;
  band: RadarFaceSpec['band'];
  revisitS?: number;
  rangeSigmaM?: number;
  angleSigmaDeg?: number;
}

/** A radar with faces; face ids are `<id>:<n>` as in scenario files. */
export function radar(id: string, latDeg: number, lonDeg: number, faces: FaceFigures[], altM = 0): RadarSpec {
  return {
    id,
    site: { latRad: latDeg * DEG, lonRad: lonDeg * DEG, altM },
    faces: faces.map((f, i) => ({
      id: `${id}:${i + 1}`,
      boresightRad: f.boresightDeg * DEG,
      halfWidthRad: (f.halfWidthDeg ?? 60) * DEG,
      minElevationRad: f.minElevationDeg * DEG,
      maxElevationRad: f.maxElevationDeg * DEG,
      maxRangeM: f.maxRangeKm * 1000,
      band: f.band,
      revisitS: f.revisitS ?? 5,
      rangeSigmaM: f.rangeSigmaM ?? 150,
      angleSigmaRad: (f.angleSigmaDeg ?? 0.1) * DEG,
      refSnrDb: null,
      refRangeM: null,
      rejectFoldedEchoes: true,
      unambiguousRangeM: null,
    })),
  };
}

/** A sector given as a clockwise span from `fromDeg` to `toDeg`, split into faces of at most 120°. */
export function sectorFaces(
  fromDeg: number,
  toDeg: number,
  common: Omit<FaceFigures, 'boresightDeg' | 'halfWidthDeg'>,
): FaceFigures[] {
  const span = (((toDeg - fromDeg) % 360) + 360) % 360 || 360;
  const n = Math.max(1, Math.ceil(span / 120 - 1e-9));
  const width = span / n;
  return Array.from({ length: n }, (_, k) => ({
    ...common,
    boresightDeg: (fromDeg + width * (k + 0.5)) % 360,
    halfWidthDeg: width / 2,
  }));
}

export const DSP_LIKE_SCANNER: IrSensorSpec = {
  mode: 'look-down',
  kind: 'scanner',
  revisitS: 10,
  sigmaRad: 50e-6,
  fieldOfRegard: null,
  limbMarginM: 100_000,
  neiWPerM2: null,
};

export const OKO_LIKE_LIMB: IrSensorSpec = { ...DSP_LIKE_SCANNER, mode: 'limb', sigmaRad: 100e-6 };

export function satellite(
  id: string,
  orbit: OrbitSpec,
  sensor: IrSensorSpec = DSP_LIKE_SCANNER,
): SatelliteSpec {
  return { id, orbit, sensor };
}

export function geo(lonDeg: number): OrbitSpec {
  return { kind: 'geo', lonRad: lonDeg * DEG };
}

/** 12-hour Molniya-type orbit; `meanAnomalyDeg` = 180 puts it at apogee at the epoch. */
export function molniya(
  apogeeLonDeg: number,
  meanAnomalyDeg = 180,
  perigeeKm = 600,
  apogeeKm = 39_700,
): OrbitSpec {
  return {
    kind: 'molniya',
    apogeeLonRad: apogeeLonDeg * DEG,
    perigeeAltM: perigeeKm * 1000,
    apogeeAltM: apogeeKm * 1000,
    incRad: 63.435 * DEG,
    argpRad: 270 * DEG,
    meanAnomalyRad: meanAnomalyDeg * DEG,
  };
}
