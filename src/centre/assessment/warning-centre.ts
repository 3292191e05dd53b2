// The warning centre (issue 5): the multi-sensor tracker's picture assessed every few
// seconds — each track classified, its launch point and time estimated, its impact
// predicted — and turned into alerts on the fixed ladder (DESIGN.md §4) under the
// scenario's policy, checked against the launch notifications in force, grouped into
// raids, and every decision written to the hash-chained audit log. It reads sensor
// reports and notifications only: nothing here imports the world.

import { greatCircleDistance } from '../../physics/geodesy.ts';
import { IntegrationError } from '../../physics/integrate/index.ts';
import { placeAt } from '../../scenario/places/place-name.ts';
import { type Territory, territoryMeetsEllipse } from '../../scenario/places/territory.ts';
import type { NotificationSpec, PolicySpec } from '../../scenario/scenario.ts';
import type { SensorReport } from '../../sensors/report.ts';
import { type AuditKind, AuditLog } from '../audit/audit-log.ts';
import type { Json } from '../audit/canonical-json.ts';
import { type CentreTracker, createCentreTracker } from '../fusion/centre-tracker.ts';
import {
  type PictureAngleOnlyTrack,
  type PictureTrack,
  rayGroundPoint,
  type TrackPicture,
} from '../fusion/picture.ts';
import { matchNotification } from '../notifications/match.ts';
import { NotificationRegistry } from '../notifications/registry.ts';
import { type Alert, type AlertLevel, type Area, levelRank, newAlert, raise } from './alert.ts';
import { type Classification, classify, type TrackEvidence } from './classify.ts';
import { angleOnlyEvidence, trackEvidence } from './evidence.ts';
import { type ImpactPrediction, predictImpact } from './impact-prediction.ts';
import {
  type FixedSample,
  fixedSample,
  type LaunchEstimate,
  launchFromBacktrack,
  launchFromBoost,
  launchFromEarliestState,
  launchFromLineOfSight,
} from './launch-estimate.ts';

export interface WarningCentreConfig {
  /** Greenwich sidereal angle at t s after the epoch. */
  gmst: (tS: number) => number;
  policy: PolicySpec;
  territory: Territory;
  notifications: readonly NotificationSpec[];
  /** Assessment cadence, s. */
  assessEveryS?: number;
}

export interface Raid {
  id: string;
  firstLaunchS: number;
  lastLaunchS: number;
  alertIds: string[];
}

/** Per-track memory of the assessment. */
interface TrackMemory {
  samples: FixedSample[];
  /** Position error of the first sample, 1σ per axis, m. */
  firstPositionSigmaM: number;
  launch: LaunchEstimate | null;
  impact: ImpactPrediction | null;
  impactComputedS: number;
  evidence: TrackEvidence | null;
  classification: Classification | null;
  confirmedAudited: boolean;
  lastSeenS: number;
}

const RAD = 180 / Math.PI;
/** Earliest positions kept per track for the boost fit. */
const BOOST_SAMPLES = 10;
/** How often a track's impact is predicted again, s. */
const IMPACT_EVERY_S = 30;
/** Share of the farthest predicted reach within which predictions count as the payload's. */
const FAR_CLUSTER = 0.7;
/** A track predicts its impact only when updated within this long, s. */
const PREDICT_MAX_COAST_S = 30;
/** Re-entry ballistic coefficient assumed when the track has no estimate, kg/m² [E]. */
const DEFAULT_BETA_KG_M2 = 10_000;
/** Spread of that assumption, σ of ln β [E]: RVs span a few thousand to tens of thousands of kg/m². */
const DEFAULT_BETA_LOG_SIGMA = 0.7;
/** An alert lost (no live track) this long at the event level is withdrawn, s. */
const LOST_EVENT_S = 300;
/** An event followed this long is kept even when its tracks end, s. */
const LONG_EVENT_S = 120;
/** Two tracks predicted to come down this close, this close in time, are one launch. */
const SAME_IMPACT_M = 400_000;
const SAME_IMPACT_S = 240;
/** Probability of "false" above which a detected alert is cancelled. */
const CANCEL_FALSE_PROBABILITY = 0.8;

function areaOf(e: {
  latRad: number;
  lonRad: number;
  semiMajorM: number;
  semiMinorM: number;
  orientationRad: number;
}): Area {
  const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    latDeg: r(e.latRad * RAD, 4),
    lonDeg: r(e.lonRad * RAD, 4),
    semiMajorKm: r(e.semiMajorM / 1000, 1),
    semiMinorKm: r(e.semiMinorM / 1000, 1),
    orientationDeg: r(e.orientationRad * RAD, 1),
  };
}

/**
 * The evidence of a launch from all its tracks: the longest plume and strongest thrust
 * any track saw, the state of the freshest live 3-D track, and the range from the
 * launch's own launch and impact estimates.
 */
function combineEvidence(
  tracks: Array<{ e: TrackEvidence | null; live: boolean; updatedS: number }>,
  launch: LaunchEstimate | null,
  impact: ImpactPrediction | null,
  launchAtSea: boolean | null,
): TrackEvidence | null {
  const known = tracks.filter(
    (x): x is { e: TrackEvidence; live: boolean; updatedS: number } => x.e !== null,
  );
  if (known.length === 0) return null;
  const threeD = known
    .filter((x) => x.e.kind === '3d')
    .sort((p, q) => Number(q.live) - Number(p.live) || q.updatedS - p.updatedS);
  const lead = threeD.find((x) => x.e.hasIr)?.e ?? threeD[0]?.e ?? known[0]!.e;
  const max = (f: (e: TrackEvidence) => number | null): number | null => {
    const v = known.map((x) => f(x.e)).filter((n): n is number => n !== null);
    return v.length > 0 ? Math.max(...v) : null;
  };
  const rangeKm =
    launch && impact
      ? greatCircleDistance(launch.latRad, launch.lonRad, impact.area.latRad, impact.area.lonRad) / 1000
      : lead.rangeKm;
  return {
    ...lead,
    kind: threeD.length > 0 ? '3d' : 'angle-only',
    hasIr: known.some((x) => x.e.hasIr),
    hasRadar: known.some((x) => x.e.hasRadar),
    // The burn of the launch: from the track that saw the most of its plume — not the
    // span over several tracks, which may hold two launches of a salvo.
    burnTimeS: lead.hasIr ? lead.burnTimeS : max((e) => e.burnTimeS),
    boosting:
      known.some((x) => x.live && x.e.boosting && x.e.kind === '3d') ||
      (threeD.length === 0 && lead.boosting),
    maxThrustAccelMps2: max((e) => e.maxThrustAccelMps2) ?? 0,
    burnoutSpeedMps: max((e) => e.burnoutSpeedMps),
    groundMotionMps: max((e) => e.groundMotionMps),
    rangeKm,
    launchAtSea,
  };
}

/**
 * Dual-phenomenology test for a single-satellite (angle-only) IR track and a radar
 * track of one alert: the radar track's position, carried to the time of the latest IR
 * bearing, must lie on that line of sight within 5σ of the combined angular error
 * (bearing noise plus the radar position uncertainty seen from the satellite).
 */
function bearingAgreement(
  mine: ReadonlyArray<{ id: string; t: PictureTrack | undefined; a: PictureAngleOnlyTrack | undefined }>,
): string | null {
  for (const x of mine) {
    const b = x.a?.bearings[x.a.bearings.length - 1];
    if (!b) continue;
    for (const y of mine) {
      const t = y.t;
      if (!t?.lineage.radar || Math.abs(b.timeS - t.timeS) > 60) continue;
      const dt = b.timeS - t.timeS;
      const d = [0, 1, 2].map((k) => t.positionEciM[k]! + t.velocityEciMps[k]! * dt - b.observerEciM[k]!);
      const range = Math.hypot(d[0]!, d[1]!, d[2]!);
      const cos = (d[0]! * b.losEci[0] + d[1]! * b.losEci[1] + d[2]! * b.losEci[2]) / range;
      const angle = Math.acos(Math.max(-1, Math.min(1, cos)));
      const posStd = Math.sqrt((t.covariance[0]! + t.covariance[9]! + t.covariance[18]!) / 3);
      const sigma = Math.hypot(b.sigmaRad, posStd / range);
      if (angle < 5 * sigma) {
        return `radar track ${t.id} lies on IR bearing ${x.id} (${(angle * 1e6).toFixed(0)} µrad off, ${(angle / sigma).toFixed(1)}σ)`;
      }
    }
  }
  return null;
}

/** A prediction the integrator cannot carry out (a wildly wrong state) is no prediction. */
function safely<T>(f: () => T | null): T | null {
  try {
    return f();
  } catch (err) {
    if (err instanceof IntegrationError) return null;
    throw err;
  }
}

function clock(t: number): string {
  const s = Math.round(t);
  return `T+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class WarningCentre {
  readonly tracker: CentreTracker;
  readonly audit = new AuditLog();
  private readonly cfg: WarningCentreConfig;
  private readonly registry: NotificationRegistry;
  private readonly alerts: Alert[] = [];
  private readonly alertOfTrack = new Map<string, Alert>();
  private readonly memory = new Map<string, TrackMemory>();
  private readonly raids: Raid[] = [];
  private readonly matchedCount = new Map<string, number>();
  private readonly garbledFeeds = new Map<string, Set<number>>();
  private readonly inconsistentFeeds = new Set<string>();
  /** The IR and radar sensors behind each alert, as of its last evaluation. */
  private readonly sensorsOf = new Map<string, { ir: Set<string>; radar: Set<string> }>();
  private nextAlert = 1;
  private lastPicture: TrackPicture | null = null;

  constructor(cfg: WarningCentreConfig) {
    this.cfg = cfg;
    this.tracker = createCentreTracker({ gmst: cfg.gmst });
    this.registry = new NotificationRegistry(cfg.notifications);
  }

  /** Takes the reports of (upTo − cadence, upTo] and brings the picture up to `upToS`. */
  ingest(reports: readonly SensorReport[], upToS: number): void {
    for (const r of reports) {
      // A message counting more than one object where each report is one detection:
      // the 1980 symptom of a corrupted field.
      if (r.count !== 1) {
        const seen = this.garbledFeeds.get(r.sensorId) ?? new Set<number>();
        seen.add(r.count);
        this.garbledFeeds.set(r.sensorId, seen);
      }
    }
    this.tracker.ingestBatch(reports, upToS);
  }

  /** One assessment cycle at time tS. */
  assess(tS: number): void {
    const picture = this.tracker.picture(tS);
    this.lastPicture = picture;
    const gmst = this.cfg.gmst;
    for (const t of picture.tracks) this.assessTrack(t, tS);
    for (const a of picture.angleOnly) this.assessAngleOnly(a, tS, gmst);
    // An IR track and a radar track found to be the same object share an alert.
    for (const assoc of picture.associations) {
      const a = this.alertOfTrack.get(assoc.irTrackId);
      const b = this.alertOfTrack.get(assoc.radarTrackId);
      if (a && b && a !== b) this.mergeAlerts(a, b, tS);
      else if (a && !b) this.attach(a, assoc.radarTrackId);
      else if (b && !a) this.attach(b, assoc.irTrackId);
    }
    this.checkFeeds(tS);
    const live = new Set([...picture.tracks.map((t) => t.id), ...picture.angleOnly.map((a) => a.id)]);
    const trackById = new Map(picture.tracks.map((t) => [t.id, t]));
    const angleById = new Map(picture.angleOnly.map((a) => [a.id, a]));
    for (const alert of this.alerts) {
      if (!alert.cancelled) this.evaluate(alert, tS, live, trackById, angleById, picture.associations);
    }
  }

  // --- per-track work ---

  private memoryOf(id: string): TrackMemory {
    let m = this.memory.get(id);
    if (!m) {
      m = {
        samples: [],
        firstPositionSigmaM: 0,
        launch: null,
        impact: null,
        impactComputedS: -1e9,
        evidence: null,
        classification: null,
        confirmedAudited: false,
        lastSeenS: 0,
      };
      this.memory.set(id, m);
    }
    return m;
  }

  private assessTrack(t: PictureTrack, tS: number): void {
    const m = this.memoryOf(t.id);
    m.lastSeenS = t.lastUpdateS;
    const last = m.samples[m.samples.length - 1];
    if ((!last || t.timeS > last.tS + 0.5) && m.samples.length < BOOST_SAMPLES) {
      m.samples.push(fixedSample(t.timeS, t.positionEciM, t.velocityEciMps, this.cfg.gmst(t.timeS)));
      if (m.samples.length === 1) {
        m.firstPositionSigmaM = Math.sqrt((t.covariance[0]! + t.covariance[9]! + t.covariance[18]!) / 3);
      }
    }
    const boosted = t.lineage.ir !== null || t.features.maxThrustAccelMps2 > 5;
    if (
      !m.launch ||
      m.launch.method === 'line-of-sight' ||
      (m.launch.method === 'ballistic-backtrack' && boosted) ||
      (m.launch.method === 'earliest-state' && m.samples.length >= 3)
    ) {
      // A climbing track: the earliest state, or the boost fit once it has the points,
      // whichever is tighter; a track first seen in free flight: flown back to the ground.
      const options = boosted
        ? [launchFromEarliestState(m.samples[0]!, m.firstPositionSigmaM), launchFromBoost(m.samples)].filter(
            (l): l is LaunchEstimate => l !== null,
          )
        : [];
      m.launch =
        options.sort((p, q) => p.semiMajorM - q.semiMajorM)[0] ??
        (t.modeProbabilities.boost < 0.5
          ? safely(() => launchFromBacktrack(t.positionEciM, t.velocityEciMps, t.timeS, this.cfg.gmst))
          : null);
    }
    // Only confirmed tracks are worth the 13 flights of an unscented prediction.
    const ballistic =
      t.modeProbabilities.ballistic > 0.5 &&
      t.status !== 'tentative' &&
      t.timeS - t.lastUpdateS < PREDICT_MAX_COAST_S;
    if (ballistic && tS - m.impactComputedS >= IMPACT_EVERY_S) {
      m.impactComputedS = tS;
      const state = Float64Array.of(...t.positionEciM, ...t.velocityEciMps);
      const cov = new Float64Array(36);
      for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) cov[i * 6 + j] = t.covariance[i * 8 + j]!;
      // β from the track's drag estimate when it has one (in re-entry), else a typical RV's
      // with a wide log-normal spread.
      const kappa = t.inverseBallisticCoefficientM2PerKg;
      const kappaSd = Math.sqrt(Math.max(0, t.covariance[7 * 8 + 7]!));
      const known = kappa > 1e-6 && kappaSd < kappa;
      const beta = known ? 1 / kappa : DEFAULT_BETA_KG_M2;
      const betaLogSigma = known ? Math.max(0.1, kappaSd / kappa) : DEFAULT_BETA_LOG_SIGMA;
      m.impact =
        safely(() => predictImpact(state, cov, t.timeS, beta, this.cfg.gmst, betaLogSigma)) ?? m.impact;
    }
    m.evidence = trackEvidence(t, m.launch, m.impact);
    m.classification = classify(m.evidence);
    if (t.status !== 'confirmed') return;
    if (!m.confirmedAudited) {
      m.confirmedAudited = true;
      const sensors = t.lineage.sensors.map((s) => s.sensorId);
      this.record(tS, 'track-confirmed', `Track ${t.id} confirmed from ${sensors.join(', ')}`, {
        trackId: t.id,
        sensors,
      });
    }
    this.placeTrack(t.id, t.lineage.absorbedIds, m.launch, tS, m.impact);
  }

  private assessAngleOnly(a: PictureAngleOnlyTrack, tS: number, gmst: (t: number) => number): void {
    const m = this.memoryOf(a.id);
    m.lastSeenS = a.lastTimeS;
    if (!m.launch && a.groundPoint) m.launch = launchFromLineOfSight(a.groundPoint, a.firstTimeS);
    m.evidence = angleOnlyEvidence(a, (b) => rayGroundPoint(b.observerEciM, b.losEci, gmst(b.timeS)));
    m.classification = classify(m.evidence);
    // Angle-only tracks are events from their second bearing on.
    if (a.bearingCount >= 2) this.placeTrack(a.id, a.lineage.absorbedIds, m.launch, tS);
  }

  /** Puts a track under an alert: the one of a track it absorbed, one with the same launch, or a new one. */
  private placeTrack(
    id: string,
    absorbed: readonly string[],
    launch: LaunchEstimate | null,
    tS: number,
    impact: ImpactPrediction | null = null,
  ): void {
    if (this.alertOfTrack.has(id)) return;
    for (const other of absorbed) {
      const a = this.alertOfTrack.get(other);
      if (a) {
        this.attach(a, id);
        return;
      }
    }
    const same =
      (launch ? this.alertWithLaunch(launch) : null) ?? (impact ? this.alertWithImpact(impact) : null);
    if (same) {
      this.attach(same, id);
      return;
    }
    const alert = newAlert(
      `A${this.nextAlert++}`,
      tS,
      [id],
      this.raidFor(launch?.timeS ?? tS, `A${this.nextAlert - 1}`),
    );
    this.alerts.push(alert);
    this.alertOfTrack.set(id, alert);
    this.note(alert, tS, `Event: track ${id} — something seen, not yet a launch`);
    this.record(tS, 'level-change', `Alert ${alert.id} raised at event level from track ${id}`, {
      alertId: alert.id,
      level: 'event',
      trackIds: [id],
    });
  }

  private attach(alert: Alert, trackId: string): void {
    if (this.alertOfTrack.has(trackId)) return;
    alert.trackIds.push(trackId);
    this.alertOfTrack.set(trackId, alert);
  }

  /** An open alert whose launch estimate agrees with this one in place and time. */
  private alertWithLaunch(l: LaunchEstimate): Alert | null {
    let best: Alert | null = null;
    let bestD = Number.POSITIVE_INFINITY;
    for (const alert of this.alerts) {
      if (alert.cancelled || !alert.launchArea || alert.launchTimeS === null) continue;
      const dLat = (alert.launchArea.latDeg / RAD - l.latRad) * 6_371_000;
      const dLon =
        Math.atan2(
          Math.sin(alert.launchArea.lonDeg / RAD - l.lonRad),
          Math.cos(alert.launchArea.lonDeg / RAD - l.lonRad),
        ) *
        6_371_000 *
        Math.cos(l.latRad);
      const d = Math.hypot(dLat, dLon);
      const tol = Math.max(150_000, l.semiMajorM, alert.launchArea.semiMajorKm * 1000);
      const dt = Math.abs(alert.launchTimeS - l.timeS);
      // Salvo launches from one site are seconds apart: tight in time when the estimate is.
      const tolT = Math.max(12, 3 * l.timeSigmaS);
      if (d < tol && dt < tolT && d < bestD) {
        best = alert;
        bestD = d;
      }
    }
    return best;
  }

  /**
   * An open alert already predicting this impact (a spent stage or a second track of
   * the same missile comes down within a few hundred km of its RV, at about the same time).
   */
  private alertWithImpact(p: ImpactPrediction): Alert | null {
    for (const alert of this.alerts) {
      if (alert.cancelled || !alert.impactArea || alert.impactTimeS === null) continue;
      const d = Math.hypot(
        (alert.impactArea.latDeg / RAD - p.area.latRad) * 6_371_000,
        Math.atan2(
          Math.sin(alert.impactArea.lonDeg / RAD - p.area.lonRad),
          Math.cos(alert.impactArea.lonDeg / RAD - p.area.lonRad),
        ) *
          6_371_000 *
          Math.cos(p.area.latRad),
      );
      if (d < SAME_IMPACT_M && Math.abs(alert.impactTimeS - p.timeS) < SAME_IMPACT_S) return alert;
    }
    return null;
  }

  private mergeAlerts(keep: Alert, drop: Alert, tS: number): void {
    const [a, b] = keep.timeS <= drop.timeS ? [keep, drop] : [drop, keep];
    for (const id of b.trackIds) {
      if (!a.trackIds.includes(id)) a.trackIds.push(id);
      this.alertOfTrack.set(id, a);
    }
    for (const h of b.levelHistory) if (levelRank(h.level) > levelRank(a.level)) raise(a, h.level, h.timeS);
    b.cancelled = true;
    b.cancelledTimeS = tS;
    this.note(b, tS, `Merged into alert ${a.id}: the same launch seen by another track`);
    this.note(a, tS, `Alert ${b.id} merged in: the same launch seen by another track`);
    this.record(tS, 'cancellation', `Alert ${b.id} merged into ${a.id} (same launch)`, {
      alertId: b.id,
      into: a.id,
    });
  }

  /** Raid of a launch at time t: an open raid within the policy's grouping window, or a new one. */
  private raidFor(t: number, alertId: string): string {
    const w = this.cfg.policy.raidGroupingWindowS;
    for (const r of this.raids) {
      if (t >= r.firstLaunchS - w && t <= r.lastLaunchS + w) {
        r.firstLaunchS = Math.min(r.firstLaunchS, t);
        r.lastLaunchS = Math.max(r.lastLaunchS, t);
        r.alertIds.push(alertId);
        return r.id;
      }
    }
    const raid = { id: `R${this.raids.length + 1}`, firstLaunchS: t, lastLaunchS: t, alertIds: [alertId] };
    this.raids.push(raid);
    return raid.id;
  }

  // --- the ladder ---

  private evaluate(
    alert: Alert,
    tS: number,
    live: Set<string>,
    tracks: Map<string, PictureTrack>,
    angles: Map<string, PictureAngleOnlyTrack>,
    associations: ReadonlyArray<{ irTrackId: string; radarTrackId: string }>,
  ): void {
    const mine = alert.trackIds.map((id) => ({
      id,
      m: this.memory.get(id),
      t: tracks.get(id),
      a: angles.get(id),
    }));
    const alive = mine.filter((x) => live.has(x.id));
    // Best estimates: the launch with the tightest ellipse; the impact of the most recent ballistic track.
    const launches = mine.map((x) => x.m?.launch).filter((l): l is LaunchEstimate => !!l);
    const launch = launches.sort((p, q) => p.semiMajorM - q.semiMajorM)[0] ?? null;
    const launchPlace = launch ? placeAt(launch.latRad * RAD, launch.lonRad * RAD) : null;
    if (launch && launchPlace) {
      alert.launchArea = areaOf(launch);
      alert.launchTimeS = Math.round(launch.timeS * 10) / 10;
      alert.launchRegion = launchPlace.name;
    }
    // The impact: the freshest prediction, from a live track when there is one.
    // The impact: of its tracks' predictions (made only from recently updated tracks),
    // those that reach as far as the farthest (within FAR_CLUSTER of it: the payload and
    // the last stage come down together; earlier stages fall back short of them), and
    // of those the tightest.
    const predictions = mine.map((x) => x.m?.impact).filter((p): p is ImpactPrediction => !!p);
    const reach = (p: ImpactPrediction) =>
      launch ? greatCircleDistance(launch.latRad, launch.lonRad, p.area.latRad, p.area.lonRad) : 0;
    const farthest = Math.max(0, ...predictions.map(reach));
    const candidates = predictions
      .filter((p) => reach(p) >= FAR_CLUSTER * farthest)
      .sort((p, q) => p.area.semiMajorM - q.area.semiMajorM)
      .map((impact) => ({ m: { impact } }));
    const impact = candidates[0]?.m?.impact ?? null;
    if (impact) {
      alert.impactArea = areaOf(impact.area);
      alert.impactTimeS = Math.round(impact.timeS * 10) / 10;
      alert.impactRegion = placeAt(impact.area.latRad * RAD, impact.area.lonRad * RAD).name;
      alert.impactOnTerritory = territoryMeetsEllipse(this.cfg.territory, {
        latDeg: impact.area.latRad * RAD,
        lonDeg: impact.area.lonRad * RAD,
        semiMajorKm: impact.area.semiMajorM / 1000,
        semiMinorKm: impact.area.semiMinorM / 1000,
        orientationDeg: impact.area.orientationRad * RAD,
      });
    }
    // Classification of the launch: the evidence of all its tracks combined.
    const combined = combineEvidence(
      mine.map((x) => ({ e: x.m?.evidence ?? null, live: live.has(x.id), updatedS: x.m?.lastSeenS ?? 0 })),
      launch,
      impact,
      launchPlace?.atSea ?? null,
    );
    const c = combined ? classify(combined) : null;
    if (c) {
      if (alert.classification !== c.label) {
        const why = c.drivers.length > 0 ? c.drivers.join('; ') : 'no distinguishing feature yet';
        this.note(
          alert,
          tS,
          `Classified ${c.label} (${Math.round(c.probabilities[c.label] * 100)}%): ${why}`,
        );
      }
      alert.classification = c.label;
      alert.classEstimate = c.classEstimate ? c.classEstimate.id : null;
      alert.confidence = Math.round((1 - c.probabilities.false) * 1000) / 1000;
    }
    const pFalse = c?.probabilities.false ?? 1;

    // Evidence per phenomenology across the alert's tracks.
    const irSensors = new Set<string>();
    const radarSensors = new Set<string>();
    let irReports = 0;
    let agreement: string | null = null;
    for (const x of mine) {
      const lineage = x.t?.lineage ?? x.a?.lineage;
      if (!lineage) continue;
      for (const s of lineage.sensors) {
        if (s.phenomenology === 'ir') {
          irSensors.add(s.sensorId);
          irReports += s.count;
        } else radarSensors.add(s.sensorId);
      }
      if (lineage.agreements.length > 0 && !agreement) {
        const g = lineage.agreements[0]!;
        agreement = `${x.id}: ${g.via === 'track' ? `track ${g.reference}` : `report ${g.reference}`} (p = ${g.pValue.toFixed(2)})`;
      } else if (lineage.ir && lineage.radar && !agreement) {
        // Measurement-level fusion: IR and radar reports gated into and updated one track.
        agreement = `${x.id}: ${lineage.ir.count} IR and ${lineage.radar.count} radar reports update one track`;
      }
    }
    if (!agreement) agreement = bearingAgreement(mine);
    this.sensorsOf.set(alert.id, { ir: irSensors, radar: radarSensors });
    const irTrackIds = new Set(
      mine.filter((x) => (x.t?.lineage.ir ?? null) !== null || x.a).map((x) => x.id),
    );
    const radarTrackIds = new Set(mine.filter((x) => x.t?.lineage.radar).map((x) => x.id));
    for (const assoc of associations) {
      if (irTrackIds.has(assoc.irTrackId) && radarTrackIds.has(assoc.radarTrackId) && !agreement) {
        agreement = `IR track ${assoc.irTrackId} and radar track ${assoc.radarTrackId} agree in position and velocity`;
      }
    }
    const policy = this.cfg.policy;
    const rocket = pFalse < 0.5;

    // launch-detected: an IR track of a rocket in powered flight with enough reports.
    if (
      levelRank(alert.level) < 1 &&
      irSensors.size > 0 &&
      irReports >= policy.launchDetectedMinReports &&
      rocket
    ) {
      this.level(
        alert,
        'launch-detected',
        tS,
        `Launch detected: ${irReports} IR reports from ${[...irSensors].join(', ')} on a rocket in powered flight${alert.launchRegion ? ` from ${alert.launchRegion}` : ''}`,
      );
    }
    // launch-confirmed: the policy's second piece of evidence.
    if (levelRank(alert.level) === 1 && rocket) {
      const rule = policy.confirmRequires;
      const dual = irSensors.size > 0 && radarSensors.size > 0 && agreement !== null;
      const two = irSensors.size + radarSensors.size >= 2;
      if (rule === 'dual-phenomenology' ? dual : rule === 'two-sensors' ? two : true) {
        const why =
          rule === 'dual-phenomenology'
            ? `IR (${[...irSensors].join(', ')}) and radar (${[...radarSensors].join(', ')}) agree — ${agreement}`
            : rule === 'two-sensors'
              ? `two sensors agree: ${[...irSensors, ...radarSensors].join(', ')}`
              : 'policy confirms on a single phenomenology';
        this.level(alert, 'launch-confirmed', tS, `Launch confirmed: ${why}`);
      } else if (
        rule === 'dual-phenomenology' &&
        radarSensors.size === 0 &&
        !alert.evidence.some((e) => e.text.startsWith('Not confirmed'))
      ) {
        this.note(
          alert,
          tS,
          'Not confirmed: no radar has seen it; IR alone is one phenomenology (dual phenomenology required)',
        );
      }
    }
    // Notifications: checked once the launch is placed.
    if (launch && levelRank(alert.level) >= 1) this.checkNotification(alert, launch, impact, tS);
    // attack-warning: confirmed ballistic objects coming down on the defended territory, not notified.
    if (levelRank(alert.level) === 2 && c?.label === 'ballistic-missile' && impact) {
      const onTerritory = !policy.attackWarningRequiresImpactInDefended || alert.impactOnTerritory;
      if (alert.notificationStatus === 'match') {
        /* matched: stays below attack-warning, the match is in the evidence */
      } else if (onTerritory) {
        this.level(
          alert,
          'attack-warning',
          tS,
          `ATTACK WARNING: ballistic missile${alert.classEstimate ? ` (${alert.classEstimate})` : ''} predicted to impact ${alert.impactRegion} at ${clock(impact.timeS)}, ${Math.round((impact.timeS - tS) / 60)} min from now${alert.impactArea ? ` (95% area ±${Math.round(alert.impactArea.semiMajorKm)} km, meeting the defended territory)` : ''}; ${alert.notificationStatus === 'mismatch' ? 'it does NOT fit its notification' : 'no notification covers it'}`,
        );
      } else if (!alert.evidence.some((e) => e.text.startsWith('No attack warning'))) {
        this.note(
          alert,
          tS,
          `No attack warning: predicted impact in ${alert.impactRegion}, outside the defended territory`,
        );
      }
    }
    // Withdrawal: found false, or lost at the event level.
    if (levelRank(alert.level) >= 1 && pFalse > CANCEL_FALSE_PROBABILITY) {
      this.cancel(
        alert,
        tS,
        `Withdrawn: judged false (${Math.round(pFalse * 100)}%) — ${c?.drivers.join('; ')}`,
      );
    } else if (alert.level === 'event' && alive.length === 0) {
      // A short-lived event that is gone is withdrawn; one followed for minutes (a real
      // object seen by radar alone, say) stays on the record at its level.
      const lastSeen = Math.max(...mine.map((x) => x.m?.lastSeenS ?? alert.timeS));
      if (tS - lastSeen > LOST_EVENT_S && lastSeen - alert.timeS < LONG_EVENT_S)
        this.cancel(alert, tS, 'Withdrawn: the event faded without becoming a launch');
    }
    for (const feed of this.inconsistentFeeds) {
      if (
        (irSensors.has(feed) || radarSensors.has(feed)) &&
        !alert.evidence.some((e) => e.text.includes(`feed ${feed}`))
      ) {
        this.note(alert, tS, `Inconsistent feed ${feed}: its reports are not borne out by the other sensors`);
      }
    }
  }

  private checkNotification(
    alert: Alert,
    launch: LaunchEstimate,
    impact: ImpactPrediction | null,
    tS: number,
  ): void {
    const result = matchNotification(
      {
        launchTimeS: launch.timeS,
        launchTimeSigmaS: launch.timeSigmaS,
        launch: { latRad: launch.latRad, lonRad: launch.lonRad, semiMajorM: launch.semiMajorM },
        impact: impact
          ? { latRad: impact.area.latRad, lonRad: impact.area.lonRad, semiMajorM: impact.area.semiMajorM }
          : null,
        matchedCount: (id) =>
          (this.matchedCount.get(id) ?? 0) -
          (alert.notificationId === id && alert.notificationStatus === 'match' ? 1 : 0),
      },
      this.registry.inForce(tS),
      this.cfg.policy.notificationWindowMarginS,
    );
    if (result.status === alert.notificationStatus && result.notificationId === alert.notificationId) return;
    if (alert.notificationStatus === 'match' && alert.notificationId) {
      this.matchedCount.set(alert.notificationId, (this.matchedCount.get(alert.notificationId) ?? 1) - 1);
    }
    alert.notificationStatus = result.status;
    alert.notificationId = result.notificationId;
    if (result.status === 'match') {
      this.matchedCount.set(result.notificationId!, (this.matchedCount.get(result.notificationId!) ?? 0) + 1);
      this.note(alert, tS, `Matches notification ${result.notificationId}: ${result.reasons.join('; ')}`);
      this.record(
        tS,
        'notification-match',
        `Alert ${alert.id} matches notification ${result.notificationId}`,
        {
          alertId: alert.id,
          notificationId: result.notificationId,
        },
      );
    } else if (result.status === 'mismatch') {
      this.note(
        alert,
        tS,
        `MISMATCH with notification ${result.notificationId}: ${result.reasons.join('; ')}`,
      );
      this.record(
        tS,
        'notification-mismatch',
        `Alert ${alert.id} does not fit notification ${result.notificationId}`,
        {
          alertId: alert.id,
          notificationId: result.notificationId,
          reasons: result.reasons,
        },
      );
    } else if (!alert.evidence.some((e) => e.text.startsWith('No notification'))) {
      this.note(alert, tS, 'No notification in force covers this launch');
    }
  }

  /** Feed consistency: garbled count fields, and one feed alone reporting several launches. */
  private checkFeeds(tS: number): void {
    for (const [feed, counts] of this.garbledFeeds) {
      if (this.inconsistentFeeds.has(feed)) continue;
      this.inconsistentFeeds.add(feed);
      this.record(
        tS,
        'feed-inconsistent',
        `Feed ${feed} sends counts of ${[...counts].sort((a, b) => a - b).join(', ')} objects in single-detection messages: corrupted message field suspected`,
        {
          sensorId: feed,
          counts: [...counts],
        },
      );
    }
    const bySingleFeed = new Map<string, Alert[]>();
    for (const alert of this.alerts) {
      if (alert.cancelled || alert.level !== 'launch-detected') continue;
      const seen = this.sensorsOf.get(alert.id);
      if (!seen || seen.radar.size > 0 || seen.ir.size !== 1) continue;
      const feed = [...seen.ir][0]!;
      bySingleFeed.set(feed, [...(bySingleFeed.get(feed) ?? []), alert]);
    }
    for (const [feed, alerts] of bySingleFeed) {
      if (alerts.length >= 3 && !this.inconsistentFeeds.has(feed)) {
        this.inconsistentFeeds.add(feed);
        this.record(
          tS,
          'feed-inconsistent',
          `Feed ${feed} alone reports ${alerts.length} launches that no other sensor sees`,
          {
            sensorId: feed,
            alertIds: alerts.map((a) => a.id),
          },
        );
      }
    }
  }

  // --- bookkeeping ---

  private level(alert: Alert, level: AlertLevel, tS: number, why: string): void {
    if (!raise(alert, level, tS)) return;
    this.note(alert, tS, why);
    this.record(tS, 'level-change', `Alert ${alert.id} raised to ${level}: ${why}`, {
      alertId: alert.id,
      level,
      trackIds: alert.trackIds,
    });
  }

  private cancel(alert: Alert, tS: number, why: string): void {
    if (alert.cancelled) return;
    alert.cancelled = true;
    alert.cancelledTimeS = tS;
    this.note(alert, tS, why);
    this.record(tS, 'cancellation', `Alert ${alert.id} withdrawn: ${why}`, { alertId: alert.id });
  }

  private note(alert: Alert, tS: number, text: string): void {
    alert.evidence.push({ timeS: Math.round(tS * 10) / 10, text });
  }

  private record(tS: number, kind: AuditKind, text: string, data: { [key: string]: Json }): void {
    this.audit.append(Math.round(tS * 1000) / 1000, kind, text, data);
  }

  /** The track picture of the last assessment (null before the first). */
  latestPicture(): TrackPicture | null {
    return this.lastPicture;
  }

  /** The centre's classification of a track, if it has assessed it. */
  classificationOf(trackId: string): string | null {
    return this.memory.get(trackId)?.classification?.label ?? null;
  }

  allAlerts(): readonly Alert[] {
    return this.alerts;
  }

  allRaids(): readonly Raid[] {
    return this.raids;
  }

  feedsFlagged(): string[] {
    return [...this.inconsistentFeeds].sort();
  }
}
