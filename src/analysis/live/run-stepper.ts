// A scenario run one centre step at a time, for live runs (issue 6): the truth and the
// sensor network's reports are made up front from the scenario and seed (both are
// deterministic and cheap next to the centre), then each call of step() feeds the
// centre the reports of the next assessment interval and returns what changed —
// exactly the cadence of runCentre (run-centre.ts), so a run stepped to its end holds
// the same alerts as the batch run of the same scenario and seed. A stopped run is
// rebuilt by stepping again, silently, to where its stored steps end.
//
// A run with an external feed (feed-queue.ts) hands each step the fed reports of its
// interval too; they join the simulated ones in time order (simulated first at equal
// times, fed ones in the order they came), so the same reports in the same order —
// read back from the store — rebuild the same centre.
//
// Pure and synchronous: writing steps to the store, publishing them and pacing them
// in wall-clock time belong to the service (src/server/runs).
import { WarningCentre } from '../../centre/assessment/warning-centre.ts';
import type { AuditKind } from '../../centre/audit/audit-log.ts';
import type { Json } from '../../centre/audit/canonical-json.ts';
import { gmstAt } from '../../orbits/sidereal.ts';
import { scenarioProblem } from '../../scenario/locate.ts';
import { resolveTerritory } from '../../scenario/places/territory.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { SensorReport, TruthLabel } from '../../sensors/report.ts';
import { type NetworkRun, simulateNetwork } from '../../sensors/run-network.ts';
import { generateTruth } from '../../world/generate.ts';
import type { Truth } from '../../world/truth.ts';
import { summariseAlerts } from '../alert-summary.ts';
import { ASSESS_EVERY_S } from '../run-centre.ts';
import type { AlertSummary } from '../summary.ts';
import { type LiveTrack, liveTrackOf3d, liveTrackOfAngleOnly } from './live-track.ts';

/** A notification as it reaches the centre: when, and the message in the scenario file's form. */
export interface DeliveredNotification {
  id: string;
  timeS: number;
  message: unknown;
}

/** An audit record the centre wrote in a step, before it is chained (seq and hashes come from the chain). */
export interface AuditDraft {
  timeS: number;
  kind: AuditKind;
  text: string;
  data: { [key: string]: Json };
}

/** What one step of the centre saw and changed. */
export interface LiveStep {
  /** 1 for the first step. */
  index: number;
  /** End of the step's interval, s after the epoch: the time of the picture. */
  timeS: number;
  /**
   * The reports of (previous step, timeS], simulated and fed, in time order; the truth
   * labels are the simulated reports' (scoring only: a feed's reports have none).
   */
  reports: SensorReport[];
  truthLabels: TruthLabel[];
  /** Tracks that appeared or changed (their full state). */
  tracks: LiveTrack[];
  droppedTrackIds: string[];
  /** Alerts raised or changed (their full state). */
  alerts: AlertSummary[];
  /** Notifications delivered to the centre within the step. */
  notifications: DeliveredNotification[];
  audit: AuditDraft[];
  /** Sensors the centre now holds inconsistent (all so far). */
  flaggedSensors: string[];
}

export interface RunStepperOptions {
  seed: number;
  /**
   * The notifications to report as delivered, by their delivery times (those of the
   * scenario file; ones added to the run from outside are stored when they are added).
   * The centre itself works from `scenario.notifications`.
   */
  deliveries?: readonly DeliveredNotification[];
}

export class RunStepper {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly truth: Truth;
  readonly network: NetworkRun;
  readonly stepCount: number;
  readonly centre: WarningCentre;
  private readonly deliveries: DeliveredNotification[];
  private readonly gmst: (tS: number) => number;
  private k = 0;
  private nextReport = 0;
  private trackText = new Map<string, string>();
  private readonly alertText = new Map<string, string>();
  private auditTaken = 0;

  constructor(scenario: Scenario, options: RunStepperOptions) {
    this.scenario = scenario;
    this.seed = options.seed;
    this.truth = generateTruth(scenario);
    this.network = simulateNetwork(scenario, this.truth, options.seed);
    this.stepCount = Math.ceil(scenario.durationS / ASSESS_EVERY_S);
    this.gmst = (t) => gmstAt(scenario.epochUnixMs, t);
    // The same centre, fed the same way, as runCentre.
    const territory = resolveTerritory(scenario.defended, (i, message) =>
      scenarioProblem(scenario.source, ['defended', i], message),
    );
    this.centre = new WarningCentre({
      gmst: this.gmst,
      policy: scenario.policy,
      territory,
      notifications: scenario.notifications,
    });
    this.deliveries = [...(options.deliveries ?? [])].sort(
      (a, b) => a.timeS - b.timeS || (a.id < b.id ? -1 : 1),
    );
  }

  /** Time of the last step taken, s after the epoch (0 before the first). */
  get timeS(): number {
    return this.k === 0 ? 0 : this.stepTime(this.k);
  }

  get done(): boolean {
    return this.k >= this.stepCount;
  }

  /** Time of step k (1-based). */
  stepTime(k: number): number {
    return Math.min(k * ASSESS_EVERY_S, this.scenario.durationS);
  }

  /** Time of the next step, or null when the run is complete. */
  nextTimeS(): number | null {
    return this.done ? null : this.stepTime(this.k + 1);
  }

  /**
   * Takes the next step, with `fed` — a feed's reports timed in the step's interval,
   * in the order they came; null when the run is complete.
   */
  step(fed: readonly SensorReport[] = []): LiveStep | null {
    if (this.done) return null;
    const from = this.timeS;
    const k = ++this.k;
    const t = this.stepTime(k);
    const reports = this.network.reports;
    const first = this.nextReport;
    while (this.nextReport < reports.length && reports[this.nextReport]!.timeS <= t) this.nextReport++;
    const simulated = reports.slice(first, this.nextReport);
    const stepReports = fed.length === 0 ? simulated : mergeByTime(simulated, fed);
    this.centre.ingest(stepReports, t);
    this.centre.assess(t);

    const tracks = this.currentTracks(t);
    const nextText = new Map<string, string>();
    const changedTracks: LiveTrack[] = [];
    for (const track of tracks) {
      const text = JSON.stringify(track);
      nextText.set(track.id, text);
      if (this.trackText.get(track.id) !== text) changedTracks.push(track);
    }
    const dropped = [...this.trackText.keys()].filter((id) => !nextText.has(id)).sort();
    this.trackText = nextText;

    const changedAlerts: AlertSummary[] = [];
    for (const alert of summariseAlerts(this.centre)) {
      const text = JSON.stringify(alert);
      if (this.alertText.get(alert.id) !== text) changedAlerts.push(alert);
      this.alertText.set(alert.id, text);
    }

    const records = this.centre.audit.records;
    const audit = records
      .slice(this.auditTaken)
      .map((r): AuditDraft => ({ timeS: r.timeS, kind: r.kind, text: r.text, data: r.data }));
    this.auditTaken = records.length;

    return {
      index: k,
      timeS: t,
      reports: stepReports,
      truthLabels: this.network.labels.slice(first, this.nextReport),
      tracks: changedTracks,
      droppedTrackIds: dropped,
      alerts: changedAlerts,
      notifications: this.deliveries.filter((n) => n.timeS <= t && (k === 1 || n.timeS > from)),
      audit,
      flaggedSensors: this.centre.feedsFlagged(),
    };
  }

  /** Steps on without output until the last step taken is at `tS` (a step time of this run). */
  skipTo(tS: number): void {
    while (!this.done && this.timeS < tS) this.step();
    if (this.timeS !== tS)
      throw new Error(`${tS} s is not a step time of this run (steps every ${ASSESS_EVERY_S} s)`);
  }

  /** Every track of the picture at the last step. */
  tracks(): LiveTrack[] {
    return this.currentTracks(this.timeS);
  }

  /** Every alert as it stands after the last step. */
  alerts(): AlertSummary[] {
    return summariseAlerts(this.centre);
  }

  private currentTracks(t: number): LiveTrack[] {
    // The picture at the time just assessed: every report up to t is processed, so this
    // changes nothing in the tracker.
    const picture = this.centre.tracker.picture(t);
    const classification = (id: string) => this.centre.classificationOf(id) ?? 'unclassified';
    const out: LiveTrack[] = [];
    for (const p of picture.tracks) out.push(liveTrackOf3d(p, classification(p.id), this.gmst(p.timeS)));
    for (const a of picture.angleOnly) out.push(liveTrackOfAngleOnly(a, classification(a.id), this.gmst));
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** `simulated` (in time order) and `fed` merged by time: stable, simulated first at equal times. */
function mergeByTime(simulated: readonly SensorReport[], fed: readonly SensorReport[]): SensorReport[] {
  const later = [...fed].sort((a, b) => a.timeS - b.timeS);
  const out: SensorReport[] = [];
  let i = 0;
  let j = 0;
  while (i < simulated.length || j < later.length) {
    if (j >= later.length || (i < simulated.length && simulated[i]!.timeS <= later[j]!.timeS))
      out.push(simulated[i++]!);
    else out.push(later[j++]!);
  }
  return out;
}
