// The scenario behind a warning-time question: one ballistic launch from a point to a
// target, watched by a named network preset, written as scenario text and loaded by
// the scenario loader's schema and normaliser (so every default and every check is the
// format's own). The
// defended territory is the country the target lies in, or — at sea — a 300 km circle
// round it [E], so that an attack warning means "coming down on the target's country".

import { destination } from '../../physics/geodesy.ts';
import { scenarioErrorMap } from '../../scenario/issue-messages.ts';
import { parseScenario } from '../../scenario/load.ts';
import { normaliseScenario } from '../../scenario/normalise.ts';
import { countryAt } from '../../scenario/places/countries.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { scenarioFileSchema } from '../../scenario/schema.ts';
import type { LaunchClass, TrajectoryProfile } from '../../scenario/schema-events.ts';

export interface SingleLaunchSpec {
  launch: { latDeg: number; lonDeg: number };
  target: { latDeg: number; lonDeg: number };
  vehicleClass: LaunchClass;
  profile: TrajectoryProfile;
  /** A network preset name (src/sensors/networks/presets.ts). */
  network: string;
  /** The scenario epoch, UTC ISO (satellites' positions depend on it). */
  epochIso: string;
  seed: number;
}

/** Launch time after the epoch, s: a minute of quiet sky before it. */
export const LAUNCH_AT_S = 60;
/** Duration the launch is first flown for, s; the run is cut to its impact afterwards. */
export const FIRST_DURATION_S = 3 * 3600;
/** Radius of the defended circle round a target at sea, m [E]. */
export const SEA_TARGET_RADIUS_M = 300_000;

const D = Math.PI / 180;

function defendedAround(target: SingleLaunchSpec['target']): unknown[] {
  const country = countryAt(target.latDeg, target.lonDeg);
  if (country?.alpha3) return [country.alpha3];
  const ring: Array<[number, number]> = [];
  const p = new Float64Array(2);
  for (let k = 0; k < 36; k++) {
    destination(p, target.latDeg * D, target.lonDeg * D, k * 10 * D, SEA_TARGET_RADIUS_M);
    ring.push([Math.round((p[0]! / D) * 1e4) / 1e4, Math.round((p[1]! / D) * 1e4) / 1e4]);
  }
  return [{ polygon: ring }];
}

/** Scenario text (JSON) of the single launch. */
export function singleLaunchText(spec: SingleLaunchSpec): string {
  const f = (x: number) => Math.round(x * 1e4) / 1e4;
  const doc = {
    name: `Warning time: ${spec.vehicleClass} from ${f(spec.launch.latDeg)},${f(spec.launch.lonDeg)} to ${f(spec.target.latDeg)},${f(spec.target.lonDeg)}`,
    epoch: spec.epochIso,
    duration: FIRST_DURATION_S,
    seed: spec.seed,
    defended: defendedAround(spec.target),
    events: [
      {
        type: 'launch',
        id: 'L1',
        class: spec.vehicleClass,
        from: [spec.launch.latDeg, spec.launch.lonDeg],
        to: [spec.target.latDeg, spec.target.lonDeg],
        at: LAUNCH_AT_S,
        profile: spec.profile,
      },
    ],
    network: spec.network,
  };
  return JSON.stringify(doc);
}

const SOURCE_NAME = 'warning-time.json';

/**
 * The text written by JSON.stringify is read back with JSON.parse and checked by the
 * loader's schema directly: the loader's YAML document (kept for line and column
 * positions) took a twentieth of a warning-time run. Only text that fails the schema goes
 * through the loader, for its located problems.
 */
export function singleLaunchScenario(spec: SingleLaunchSpec): Scenario {
  const text = singleLaunchText(spec);
  const checked = scenarioFileSchema.safeParse(JSON.parse(text), { error: scenarioErrorMap });
  if (!checked.success) return parseScenario(text, SOURCE_NAME, 'json');
  return normaliseScenario(checked.data, { name: SOURCE_NAME, text });
}
