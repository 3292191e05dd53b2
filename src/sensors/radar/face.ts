// One face of a ground early-warning radar as a sensor model (issue 3; DOMAIN.md §4–5).
//
// Scans: every revisitS from a phase drawn uniformly in [0, revisitS), the face looks at
// every object alive (WorldView.forEachAlive) and at the Moon, and draws its false plots;
// all reports of a scan carry the scan's time.
// Per object: coverage (coverage.ts: range with folding, sector, maximum elevation,
// refracted horizon); mean SNR from the reference radar equation with the object's
// rcsM2 (detection.ts); one look with Swerling fluctuation by kind and a square-law
// detector against T = −ln Pfa (fluctuation.ts); a degraded face keeps a detection
// with probability pdFactor.
// Measurements: range (folded when beyond R_u), azimuth and geodetic elevation (the
// face is taken to correct its own refraction), each plus Gaussian noise with the
// face's σ times sigmaFactor; range rate (ECEF, the site being fixed) with σ 5 m/s where
// the band measures it (face-defaults.ts). The σ's are the face's and do not shrink
// with SNR, so every report carries the σ it was drawn with. The reported SNR is the
// detector's estimate y − 1.
// Randomness: independent child streams of the face's stream for the scan phase, the
// object looks, the Moon and the false plots, so turning one part on or off leaves the
// others' numbers alone; the network runner gives each face rng.split(faceId).
// Culling: an object out of reach (coverage.ts bound) is not looked at again until it
// could be, at most MAX_SLEEP_S later. Culled objects draw no random numbers, so the
// reports are the same with culling off.
import { eciToEcef, eciToEcefVelocity, makeSite, type Site } from '../../physics/frames.ts';
import type { Rng } from '../../physics/random.ts';
import type { DegradeSpec, RadarFaceSpec, RadarSpec } from '../../scenario/scenario.ts';
import { stateAt, type TruthObject } from '../../world/truth.ts';
import type { RadarReport, ReportCause, TruthLabel } from '../report.ts';
import type { Emit, SensorModel } from '../sensor.ts';
import type { WorldView } from '../world-view.ts';
import { type CoverageResult, FaceCoverage } from './coverage.ts';
import { calibratedRefSnrDb, dbToRatio, ratioToDb, snrAtRange, thresholdForPfa } from './detection.ts';
import {
  CONFIRMATION_PFA,
  DEFAULT_BEAMWIDTH_RAD,
  DEFAULT_PFA,
  measuresRangeRate,
  RANGE_RATE_SIGMA_MPS,
} from './face-defaults.ts';
import { drawFalsePlotCell, FALSE_PLOT_RANGE_RATE_SPAN_MPS, meanFalsePlotsPerScan } from './false-plots.ts';
import { drawDetectorOutput, drawEchoPower, drawNoiseCrossing, swerlingCaseOf } from './fluctuation.ts';
import type { RefractionModel } from './horizon.ts';
import { MOON_RCS_M2, moonEcef } from './moon-echo.ts';

/** Longest time an out-of-reach object is left unlooked at, s. */
export const MAX_SLEEP_S = 120;

export interface RadarFaceOptions {
  /** False-alarm probability per resolution cell per look (default DEFAULT_PFA). */
  pfa?: number;
  /** Mean false plots per scan, replacing Pfa × resolution cells. */
  falsePlotsPerScan?: number;
  /** Scenario degradation of this face (Pd and σ multipliers). */
  degrade?: Pick<DegradeSpec, 'pdFactor' | 'sigmaFactor'>;
  /** Refraction for the horizon test (default: 4/3 Earth in the 3.8 km layer, horizon.ts). */
  refraction?: RefractionModel;
  /** Visibility culling (default on); off gives the brute-force baseline of tests and bench. */
  cull?: boolean;
}

const TWO_PI = 2 * Math.PI;

export class RadarFace implements SensorModel {
  readonly id: string;
  readonly kind = 'radar' as const;
  readonly radarId: string;
  readonly spec: RadarFaceSpec;
  readonly site: Site;
  readonly coverage: FaceCoverage;
  readonly pfa: number;
  /** Detection threshold, noise-power units. */
  readonly threshold: number;
  /** SNR (linear) of 1 m² at refRangeM. */
  readonly refSnr: number;
  readonly refRangeM: number;
  readonly falsePlotsPerScan: number;
  readonly pdFactor: number;
  readonly sigmaRangeM: number;
  readonly sigmaAngleRad: number;
  /** Range-rate σ, m/s, or null when the face does not measure range rate. */
  readonly sigmaRangeRateMps: number | null;
  private readonly cull: boolean;

  // Per-run state of simulate(), reset at its start.
  private world: WorldView | null = null;
  private emit: Emit = () => {};
  private detectRng: Rng | null = null;
  private sleepUntil = new Map<TruthObject, number>();
  private sequence = 0;
  private scanTimeS = 0;
  private scanGmst = 0;

  private readonly posEci = new Float64Array(3);
  private readonly velEci = new Float64Array(3);
  private readonly posEcef = new Float64Array(3);
  private readonly velEcef = new Float64Array(3);
  private readonly cell = new Float64Array(3);

  constructor(radar: RadarSpec, face: RadarFaceSpec, options: RadarFaceOptions = {}) {
    this.id = face.id;
    this.radarId = radar.id;
    this.spec = face;
    this.site = makeSite(radar.site.latRad, radar.site.lonRad, radar.site.altM);
    this.coverage = new FaceCoverage(this.site, face, options.refraction);
    this.pfa = options.pfa ?? face.pfa ?? DEFAULT_PFA;
    this.threshold = thresholdForPfa(this.pfa);
    const calibrated = face.refSnrDb === null || face.refRangeM === null;
    this.refSnr = dbToRatio(calibrated ? calibratedRefSnrDb(this.pfa) : face.refSnrDb!);
    this.refRangeM = calibrated ? face.maxRangeM : face.refRangeM!;
    this.falsePlotsPerScan =
      options.falsePlotsPerScan ??
      face.falsePlotsPerScan ??
      meanFalsePlotsPerScan(face, this.pfa, DEFAULT_BEAMWIDTH_RAD) * CONFIRMATION_PFA;
    this.pdFactor = options.degrade?.pdFactor ?? 1;
    const sigmaFactor = options.degrade?.sigmaFactor ?? 1;
    this.sigmaRangeM = face.rangeSigmaM * sigmaFactor;
    this.sigmaAngleRad = face.angleSigmaRad * sigmaFactor;
    this.sigmaRangeRateMps =
      (face.measuresRangeRate ?? measuresRangeRate(face.band)) ? RANGE_RATE_SIGMA_MPS * sigmaFactor : null;
    this.cull = options.cull ?? true;
  }

  simulate(world: WorldView, rng: Rng, emit: Emit): void {
    for (const _ of this.scans(world, rng, emit));
  }

  /** Yields after each scan the next scan's time: every report carries its scan's time. */
  *scans(world: WorldView, rng: Rng, emit: Emit): Generator<number, void, void> {
    const revisit = this.spec.revisitS;
    const phase = rng.split('phase').uniform() * revisit;
    const moonRng = rng.split('moon');
    const clutterRng = rng.split('clutter');
    this.world = world;
    this.emit = emit;
    this.detectRng = rng.split('detection');
    this.sleepUntil = new Map();
    this.sequence = 0;
    for (let k = 0; ; k++) {
      const t = phase + k * revisit;
      if (t > world.durationS) break;
      this.scanTimeS = t;
      this.scanGmst = world.gmst(t);
      world.forEachAlive(t, this.lookAtObject);
      if (!this.spec.rejectFoldedEchoes) this.lookAtMoon(moonRng);
      this.drawFalsePlots(clutterRng);
      yield t + revisit;
    }
    this.world = null;
    this.detectRng = null;
    this.sleepUntil = new Map();
  }

  private readonly lookAtObject = (o: TruthObject): void => {
    const t = this.scanTimeS;
    if (this.cull) {
      const wake = this.sleepUntil.get(o);
      if (wake !== undefined && wake > t) return;
    }
    if (!stateAt(o, t, this.posEci, this.velEci)) return;
    eciToEcef(this.posEcef, this.posEci, this.scanGmst);
    const coverage = this.coverage;
    const result = coverage.look(this.posEcef);
    if (result !== 'visible') {
      if (this.cull) this.sleep(o, t, result);
      return;
    }
    const rng = this.detectRng!;
    const meanSnr = snrAtRange(this.refSnr, this.refRangeM, o.rcsM2, coverage.rangeM);
    const y = drawDetectorOutput(rng, drawEchoPower(rng, meanSnr, swerlingCaseOf(o.kind)));
    if (y <= this.threshold) return;
    if (this.pdFactor < 1 && rng.uniform() >= this.pdFactor) return;
    let rangeRate: number | null = null;
    if (this.sigmaRangeRateMps !== null) {
      eciToEcefVelocity(this.velEcef, this.posEci, this.velEci, this.scanGmst);
      const s = this.site.ecef;
      const p = this.posEcef;
      const v = this.velEcef;
      rangeRate =
        ((p[0]! - s[0]!) * v[0]! + (p[1]! - s[1]!) * v[1]! + (p[2]! - s[2]!) * v[2]!) / coverage.rangeM;
    }
    this.report(
      rng,
      'object',
      o.id,
      o.eventId,
      coverage.apparentRangeM,
      coverage.azRad,
      coverage.elRad,
      rangeRate,
      y,
    );
  };

  private sleep(o: TruthObject, t: number, result: CoverageResult): void {
    const out = this.coverage.secondsOutOfReach(result);
    if (out > 0) this.sleepUntil.set(o, t + Math.min(out, MAX_SLEEP_S));
  }

  private lookAtMoon(rng: Rng): void {
    const world = this.world!;
    const t = this.scanTimeS;
    const coverage = this.coverage;
    moonEcef(this.posEcef, world.epochUnixMs, t, this.scanGmst);
    if (coverage.look(this.posEcef) !== 'visible') return;
    const range = coverage.rangeM;
    const apparent = coverage.apparentRangeM;
    const az = coverage.azRad;
    const el = coverage.elRad;
    const y = drawDetectorOutput(rng, snrAtRange(this.refSnr, this.refRangeM, MOON_RCS_M2, range));
    if (y <= this.threshold) return;
    if (this.pdFactor < 1 && rng.uniform() >= this.pdFactor) return;
    let rangeRate: number | null = null;
    if (this.sigmaRangeRateMps !== null) {
      // The Moon's range changes smoothly (< 0.5 km/s): a 1 s difference is exact enough.
      moonEcef(this.posEcef, world.epochUnixMs, t + 1, world.gmst(t + 1));
      const s = this.site.ecef;
      const p = this.posEcef;
      rangeRate = Math.hypot(p[0]! - s[0]!, p[1]! - s[1]!, p[2]! - s[2]!) - range;
    }
    this.report(rng, 'moon', null, null, apparent, az, el, rangeRate, y);
  }

  private drawFalsePlots(rng: Rng): void {
    const count = rng.poisson(this.falsePlotsPerScan);
    for (let i = 0; i < count; i++) {
      const cell = drawFalsePlotCell(this.cell, rng, this.spec);
      const rangeRate =
        this.sigmaRangeRateMps === null ? null : FALSE_PLOT_RANGE_RATE_SPAN_MPS * (2 * rng.uniform() - 1);
      const y = drawNoiseCrossing(rng, this.threshold);
      this.emitReport('clutter', null, null, cell[2]!, cell[0]!, cell[1]!, rangeRate, y);
    }
  }

  /** Adds measurement noise to a detection and emits it. */
  private report(
    rng: Rng,
    cause: ReportCause,
    objectId: string | null,
    eventId: string | null,
    rangeM: number,
    azRad: number,
    elRad: number,
    rangeRateMps: number | null,
    detectorOutput: number,
  ): void {
    const range = rangeM + this.sigmaRangeM * rng.normal();
    let az = azRad + this.sigmaAngleRad * rng.normal();
    az -= TWO_PI * Math.floor(az / TWO_PI);
    const el = elRad + this.sigmaAngleRad * rng.normal();
    const rangeRate = rangeRateMps === null ? null : rangeRateMps + this.sigmaRangeRateMps! * rng.normal();
    this.emitReport(cause, objectId, eventId, range, az < TWO_PI ? az : 0, el, rangeRate, detectorOutput);
  }

  private emitReport(
    cause: ReportCause,
    objectId: string | null,
    eventId: string | null,
    rangeM: number,
    azRad: number,
    elRad: number,
    rangeRateMps: number | null,
    detectorOutput: number,
  ): void {
    const id = `${this.id}#${++this.sequence}`;
    const report: RadarReport = {
      kind: 'radar',
      id,
      sensorId: this.id,
      radarId: this.radarId,
      timeS: this.scanTimeS,
      site: { latRad: this.site.latRad, lonRad: this.site.lonRad, hM: this.site.hM },
      rangeM,
      azRad,
      elRad,
      rangeRateMps,
      sigmaRangeM: this.sigmaRangeM,
      sigmaAngleRad: this.sigmaAngleRad,
      sigmaRangeRateMps: this.sigmaRangeRateMps,
      snrDb: ratioToDb(detectorOutput - 1),
      count: 1,
    };
    const label: TruthLabel = { reportId: id, cause, objectId, eventId };
    this.emit(report, label);
  }
}
