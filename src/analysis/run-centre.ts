// Runs the warning centre over a run's sensor reports: the reports fed in time order,
// the picture assessed every few seconds of simulation time. The centre gets the
// reports and the scenario's policy, territory and notifications — never the truth.

import { WarningCentre } from '../centre/assessment/warning-centre.ts';
import { gmstAt } from '../orbits/sidereal.ts';
import { scenarioProblem } from '../scenario/locate.ts';
import { resolveTerritory } from '../scenario/places/territory.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { SensorReport } from '../sensors/report.ts';

/** Simulation time between assessments, s. */
export const ASSESS_EVERY_S = 5;

export function runCentre(
  scenario: Scenario,
  reports: readonly SensorReport[],
  onProgress?: (done: number, total: number) => void,
  onCycle?: (tS: number, centre: WarningCentre) => void,
): WarningCentre {
  const territory = resolveTerritory(scenario.defended, (i, message) =>
    scenarioProblem(scenario.source, ['defended', i], message),
  );
  const centre = new WarningCentre({
    gmst: (t) => gmstAt(scenario.epochUnixMs, t),
    policy: scenario.policy,
    territory,
    notifications: scenario.notifications,
  });
  const steps = Math.ceil(scenario.durationS / ASSESS_EVERY_S);
  let next = 0;
  for (let k = 1; k <= steps; k++) {
    const t = Math.min(k * ASSESS_EVERY_S, scenario.durationS);
    const from = next;
    while (next < reports.length && reports[next]!.timeS <= t) next++;
    centre.ingest(reports.slice(from, next), t);
    centre.assess(t);
    onCycle?.(t, centre);
    if (k % 20 === 0 || k === steps) onProgress?.(k, steps);
  }
  return centre;
}
