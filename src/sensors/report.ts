// What sensors emit: time-stamped reports, the only view of the world the warning
// centre gets (DESIGN.md §1). Plain JSON-serialisable records, so the same shape
// travels over the bus from simulated or external feeds. What really caused each
// report travels separately, as a TruthLabel, and is used for scoring only.

export type Vec3Tuple = [number, number, number];

/** An infrared detection from a space sensor: a line of sight, no range. */
export interface IrReport {
  kind: 'ir';
  /** Unique report id, `${sensorId}#${sequence}`. */
  id: string;
  sensorId: string;
  /** Seconds after the scenario epoch. */
  timeS: number;
  /** Satellite (observer) position at timeS, ECI, m. */
  observerEci: Vec3Tuple;
  /** Unit line of sight from the satellite to the source, ECI. */
  losEci: Vec3Tuple;
  /** Line of sight in the sensor frame (boresight at nadir): azimuth from the frame's north, off-nadir angle as elevation, rad. */
  azRad: number;
  elRad: number;
  /** Angular noise, 1σ per axis, rad. */
  sigmaRad: number;
  /** Measured in-band intensity, relative to a solid-ICBM first-stage plume (= 1). */
  intensity: number;
  /** Objects the message counts in this detection (1 normally; a corrupted feed garbles it, 1980). */
  count: number;
}

/** A radar plot from one face of an early-warning radar. */
export interface RadarReport {
  kind: 'radar';
  id: string;
  /** The face that made it (e.g. `beale:1`). */
  sensorId: string;
  radarId: string;
  timeS: number;
  site: { latRad: number; lonRad: number; hM: number };
  /** Measured (possibly range-folded) range, m; azimuth clockwise from north and elevation, rad. */
  rangeM: number;
  azRad: number;
  elRad: number;
  /** Measured range rate, m/s, or null when the face does not measure it. */
  rangeRateMps: number | null;
  sigmaRangeM: number;
  sigmaAngleRad: number;
  sigmaRangeRateMps: number | null;
  snrDb: number;
  count: number;
}

export type SensorReport = IrReport | RadarReport;

/** What really caused a report. */
export type ReportCause =
  | 'object' // a real object in flight (plume or skin echo)
  | 'glint' // sunlight off cloud tops (1983)
  | 'heat-source' // fire, flare, industrial heat
  | 'false-alarm' // random noise exceedance (Poisson)
  | 'clutter' // radar false plot from Pfa
  | 'moon' // range-folded Moon echo (1960)
  | 'fault-stuck' // a stuck feed repeating old reports
  | 'fault-replay' // recorded or exercise data fed in (1979)
  | 'fault-corrupt'; // garbled message fields (1980)

/** Scoring-only label of a report. Never passed to the warning centre. */
export interface TruthLabel {
  reportId: string;
  cause: ReportCause;
  /** The truth object for cause `object`, else null. */
  objectId: string | null;
  /** The scenario event behind it (launch, glint field, fault…), or null. */
  eventId: string | null;
}

/** Whether a cause is a real object (true) or something the centre should not believe. */
export function isTrueDetection(cause: ReportCause): boolean {
  return cause === 'object';
}
