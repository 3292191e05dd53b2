// The whole chain — truth, sensors, warning centre — as run-scenario.ts runs it, with
// what scoring needs and the run summary leaves out:
// - the reports behind every track, read from the track picture the centre drew in
//   each assessment cycle (WarningCentre.latestPicture, so nothing is computed twice);
//   with the truth labels of those reports an alert can be traced to the launch that
//   caused it (attribution.ts);
// - each picture handed to the caller (GOSPA against the truth at that time);
// - an optional early stop, for a question settled before the run's end (warning
//   time: once the attack warning is up, later cycles cannot change when it came).
//   The sensors are simulated as far as the centre has read them (openNetwork), so a
//   stopped run's `sensors` holds the reports up to its end; a run to the end holds
//   all of them, as simulateNetwork gives them.
// The centre sees only reports, exactly as in runCentre (run-centre.ts): the same
// territory, clock, policy and notifications, the same cadence and report batches.

import { WarningCentre } from '../../centre/assessment/warning-centre.ts';
import type { TrackPicture } from '../../centre/fusion/picture.ts';
import { gmstAt } from '../../orbits/sidereal.ts';
import { scenarioProblem } from '../../scenario/locate.ts';
import { resolveTerritory } from '../../scenario/places/territory.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { type NetworkRun, openNetwork } from '../../sensors/run-network.ts';
import { generateTruth } from '../../world/generate.ts';
import type { Truth } from '../../world/truth.ts';
import { ASSESS_EVERY_S } from '../run-centre.ts';

export interface ObservedRun {
  scenario: Scenario;
  seed: number;
  truth: Truth;
  /** The sensors' reports and labels: up to endS when the run was stopped, else all. */
  sensors: NetworkRun;
  centre: WarningCentre;
  /** Report ids behind each track (3-D and angle-only), as of its last picture. */
  trackReports: Map<string, readonly string[]>;
  /** Sensors behind each track with the time each first contributed, as of its last picture. */
  trackSensors: Map<
    string,
    ReadonlyArray<{ sensorId: string; phenomenology: 'ir' | 'radar'; firstTimeS: number }>
  >;
  /** Simulation time the centre was run to, s: the duration, or earlier when stopped. */
  endS: number;
}

export interface ObserveOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Ground truth already generated for this scenario (it depends on the launches only). */
  truth?: Truth;
  /** Called after each assessment cycle with the run so far; returning true ends the run there. */
  stopWhen?: (run: ObservedRun, tS: number) => boolean;
  /** Called with each picture the centre draws. */
  onPicture?: (picture: TrackPicture) => void;
}

/** Runs truth, sensors and the centre, observing the centre's pictures. */
export function observeRun(scenario: Scenario, options: ObserveOptions = {}): ObservedRun {
  const seed = options.seed ?? scenario.seed;
  const truth = options.truth ?? generateTruth(scenario);
  const sensors = openNetwork(scenario, truth, seed);
  const territory = resolveTerritory(scenario.defended, (i, message) =>
    scenarioProblem(scenario.source, ['defended', i], message),
  );
  const centre = new WarningCentre({
    gmst: (t) => gmstAt(scenario.epochUnixMs, t),
    policy: scenario.policy,
    territory,
    notifications: scenario.notifications,
  });
  const trackReports = new Map<string, readonly string[]>();
  const trackSensors: ObservedRun['trackSensors'] = new Map();
  const run: ObservedRun = { scenario, seed, truth, sensors, centre, trackReports, trackSensors, endS: 0 };
  const reports = sensors.reports;
  const steps = Math.ceil(scenario.durationS / ASSESS_EVERY_S);
  let next = 0;
  for (let k = 1; k <= steps; k++) {
    const t = Math.min(k * ASSESS_EVERY_S, scenario.durationS);
    sensors.advance(t);
    const from = next;
    while (next < reports.length && reports[next]!.timeS <= t) next++;
    centre.ingest(reports.slice(from, next), t);
    centre.assess(t);
    const picture = centre.latestPicture()!;
    for (const track of picture.tracks) {
      trackReports.set(track.id, track.lineage.reportIds);
      trackSensors.set(track.id, track.lineage.sensors);
    }
    for (const a of picture.angleOnly) {
      trackReports.set(a.id, a.lineage.reportIds);
      trackSensors.set(a.id, a.lineage.sensors);
    }
    options.onPicture?.(picture);
    run.endS = t;
    if (options.stopWhen?.(run, t)) return run;
  }
  sensors.advance(Number.POSITIVE_INFINITY);
  return run;
}
