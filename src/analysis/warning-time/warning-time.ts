// Warning time of one launch against a network (issue 8): the real chain — the launch
// flown by the world, seen by every sensor of the network, assessed by the warning
// centre — and, after launch, when the first sensor reported it, when the centre's
// alert for it reached each level of the ladder and which sensors were behind it then,
// when it came down, and the margin between the attack warning and impact.
//
// The run ends early where nothing later can change the answer: at the first
// assessment cycle after which the launch's alert stands at attack-warning, or a
// minute after impact. The centre is causal (each cycle sees only reports up to its
// time), so these times are the ones a full-length run gives.

import { type AlertLevel, LEVELS } from '../../centre/assessment/alert.ts';
import { greatCircleDistance } from '../../physics/geodesy.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { TruthLabel } from '../../sensors/report.ts';
import { generateTruth } from '../../world/generate.ts';
import type { Truth } from '../../world/truth.ts';
import { attributeAlerts } from '../montecarlo/attribution.ts';
import { type ObservedRun, observeRun } from '../montecarlo/observed-run.ts';
import { type LaunchOutcome, scoreRun } from '../montecarlo/score-run.ts';
import { round } from '../summary.ts';
import { SEA_TARGET_RADIUS_M, type SingleLaunchSpec, singleLaunchScenario } from './single-launch.ts';

/** The run goes on this long after impact, s. */
export const AFTER_IMPACT_S = 60;

export interface LevelReached {
  /** s after launch. */
  afterLaunchS: number;
  /** Sensors behind the alert at that moment, in the order they first contributed. */
  sensors: string[];
  /** Of those, the ones that joined since the level before. */
  newSensors: string[];
}

export interface WarningTime {
  launch: { latDeg: number; lonDeg: number };
  target: { latDeg: number; lonDeg: number };
  vehicleClass: string;
  profile: string;
  network: string;
  epoch: string;
  seed: number;
  /** Defended territory: the target's country code, or "300 km circle". */
  defended: string;
  rangeKm: number;
  apogeeKm: number | null;
  /** Launch to impact of the RV, s; null if it never came down. */
  flightTimeS: number | null;
  firstReport: { afterLaunchS: number; sensorId: string } | null;
  levels: Record<AlertLevel, LevelReached | null>;
  /** Impact minus attack warning, s. */
  warningMarginS: number | null;
  /** The alert quoted, or null when the centre raised none for this launch. */
  alertId: string | null;
  /** The leading alert's launch and impact estimates: distance from the truth, km. */
  launchErrorKm: number | null;
  impactErrorKm: number | null;
  /** Alerts with no launch behind them (clutter, glint…) raised during the run. */
  falseAlerts: number;
  /** Simulation time the run went to, s after launch. */
  ranToS: number;
}

/** Everything but the run: the scenario, flown once, cut to a minute after the RV's impact. */
export interface PreparedLaunch {
  spec: SingleLaunchSpec;
  scenario: Scenario;
  truth: Truth;
}

export function prepareLaunch(spec: SingleLaunchSpec): PreparedLaunch {
  const first = singleLaunchScenario(spec);
  const truth = generateTruth(first);
  // Warning is for the RV: the run need not follow spent stages falling after it.
  const rv = truth.objects.find((o) => o.kind === 'rv' && o.impactTimeS !== null);
  let end = rv?.impactTimeS ?? 0;
  if (!rv) for (const o of truth.objects) end = Math.max(end, o.impactTimeS ?? o.samples.tEnd);
  const durationS = Math.min(first.durationS, Math.ceil(end) + AFTER_IMPACT_S);
  return { spec, scenario: { ...first, durationS }, truth: { ...truth, durationS } };
}

/**
 * Watches the launch's alerts cycle by cycle: when a level is first reached, notes the
 * sensors behind its alerts; stops once it stands at attack-warning. Attribution is
 * redone only in cycles where some alert changed level.
 */
function levelWatcher(launchId: string, t0: number) {
  const reached = Object.fromEntries(LEVELS.map((l) => [l, null])) as Record<AlertLevel, LevelReached | null>;
  let signature = -1;
  let known: string[] = [];
  // Labels by report id, added as the run's sensors are simulated further.
  const labels = new Map<string, TruthLabel>();
  let labelled = 0;
  const stopWhen = (run: ObservedRun, tS: number): boolean => {
    const alerts = run.centre.allAlerts();
    let sig = alerts.length;
    for (const a of alerts) sig += 8 * a.levelHistory.length + (a.cancelled ? 4 : 0);
    if (sig === signature) return false;
    signature = sig;
    const all = run.sensors.labels;
    for (; labelled < all.length; labelled++) labels.set(all[labelled]!.reportId, all[labelled]!);
    const attribution = attributeAlerts(
      alerts,
      run.trackReports,
      labels,
      run.truth.launches.map((l) => l.eventId),
    );
    const mine = alerts.filter((_, i) => attribution[i]!.eventIds.includes(launchId));
    const firstBySensor = new Map<string, number>();
    for (const a of mine) {
      for (const trackId of a.trackIds) {
        for (const s of run.trackSensors.get(trackId) ?? []) {
          const was = firstBySensor.get(s.sensorId);
          if (was === undefined || s.firstTimeS < was) firstBySensor.set(s.sensorId, s.firstTimeS);
        }
      }
    }
    const sensors = [...firstBySensor]
      .sort(([a, ta], [b, tb]) => ta - tb || (a < b ? -1 : 1))
      .map(([id]) => id);
    for (const level of LEVELS) {
      if (reached[level]) continue;
      if (!mine.some((a) => a.levelHistory.some((h) => h.level === level))) continue;
      reached[level] = {
        afterLaunchS: round(tS - t0, 3),
        sensors,
        newSensors: sensors.filter((s) => !known.includes(s)),
      };
      known = sensors;
    }
    return reached['attack-warning'] !== null;
  };
  return { reached, stopWhen };
}

/** Runs the prepared launch through the chain with `seed` (default: the spec's). */
export function runWarningTime(prepared: PreparedLaunch, seed = prepared.spec.seed): WarningTime {
  const { spec, scenario, truth } = prepared;
  const launch = truth.launches[0]!;
  const watcher = levelWatcher(launch.eventId, launch.launchTimeS);
  const run = observeRun(scenario, { seed, truth, stopWhen: watcher.stopWhen });
  const score = scoreRun(run);
  const outcome: LaunchOutcome = score.launches[0]!;
  // Times from the alert's own history (a merged alert carries its earlier times).
  for (const level of LEVELS) {
    const r = watcher.reached[level];
    const t = outcome.levels[level];
    if (r && t !== null) r.afterLaunchS = t;
  }
  const head = truth.objects.find((o) => o.eventId === launch.eventId && o.kind === 'rv');
  const apogee = head?.milestones.find((m) => m.kind === 'apogee');
  const firstSensor = Object.entries(outcome.sensors).sort(
    ([a, ta], [b, tb]) => ta - tb || (a < b ? -1 : 1),
  )[0];
  return {
    launch: spec.launch,
    target: spec.target,
    vehicleClass: spec.vehicleClass,
    profile: spec.profile,
    network: spec.network,
    epoch: spec.epochIso,
    seed,
    defended: scenario.defended
      .map((d) => (d.kind === 'country' ? d.name : `${SEA_TARGET_RADIUS_M / 1000} km circle`))
      .join(', '),
    rangeKm: round(
      greatCircleDistance(
        (spec.launch.latDeg * Math.PI) / 180,
        (spec.launch.lonDeg * Math.PI) / 180,
        (spec.target.latDeg * Math.PI) / 180,
        (spec.target.lonDeg * Math.PI) / 180,
      ) / 1000,
      1,
    ),
    apogeeKm: apogee ? round(apogee.altKm, 1) : null,
    flightTimeS: outcome.flightTimeS,
    firstReport: firstSensor ? { afterLaunchS: firstSensor[1], sensorId: firstSensor[0] } : null,
    levels: watcher.reached,
    warningMarginS: outcome.warningMarginS,
    alertId: outcome.alertIds[0] ?? null,
    launchErrorKm: outcome.launchErrorKm,
    impactErrorKm: outcome.impactErrorKm,
    falseAlerts: score.falseAlerts.length,
    ranToS: round(run.endS - launch.launchTimeS, 3),
  };
}

export function warningTime(spec: SingleLaunchSpec): WarningTime {
  return runWarningTime(prepareLaunch(spec));
}
