// Launch- and impact-point accuracy over a seeded batch of ICBM launches (issue 5):
// launch point from the IR picture, impact point two minutes after radar joins, and
// the calibration of the 95% impact ellipse. Launch sites and bearings vary by seed.
import { describe, expect, it } from 'vitest';
import { levelRank } from '../../../src/centre/assessment/alert.ts';
import { WarningCentre } from '../../../src/centre/assessment/warning-centre.ts';
import { gmstAt } from '../../../src/orbits/sidereal.ts';
import { destination, greatCircleDistance } from '../../../src/physics/geodesy.ts';
import { createRng } from '../../../src/physics/random.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { resolveTerritory } from '../../../src/scenario/places/territory.ts';
import { simulateNetwork } from '../../../src/sensors/run-network.ts';
import { generateTruth } from '../../../src/world/generate.ts';

const D = Math.PI / 180;
const RUNS = 100;

interface Outcome {
  launchErrKm: number | null;
  impactErrKm: number | null;
  insideEllipse: boolean | null;
}

function one(k: number): Outcome {
  const rng = createRng(4242, `batch-${k}`);
  const from = [45 + 15 * rng.uniform(), 40 + 60 * rng.uniform()];
  const aim = destination(
    new Float64Array(3),
    from[0]! * D,
    from[1]! * D,
    (-20 + 60 * rng.uniform()) * D,
    9_000_000,
  );
  const text = `name: batch ${k}
epoch: 2026-05-01T12:00:00Z
duration: 40m
seed: ${k + 1}
defended: [USA, CAN]
events:
  - { type: launch, id: L, class: icbm-solid, from: [${from[0]!.toFixed(3)}, ${from[1]!.toFixed(3)}], to: [${(aim[0]! / D).toFixed(3)}, ${(aim[1]! / D).toFixed(3)}], at: 60s }
`;
  const s = parseScenario(text, `batch-${k}.yaml`);
  const truth = generateTruth(s);
  const rv = truth.objects.find((o) => o.kind === 'rv')!;
  const impact = rv.milestones.find((m) => m.kind === 'impact')!;
  const reports = simulateNetwork(s, truth, s.seed).reports;
  const centre = new WarningCentre({
    gmst: (t) => gmstAt(s.epochUnixMs, t),
    policy: s.policy,
    territory: resolveTerritory(s.defended),
    notifications: [],
  });
  let next = 0;
  let impactErrKm: number | null = null;
  let insideEllipse: boolean | null = null;
  for (let t = 5; t <= s.durationS && impactErrKm === null; t += 5) {
    const from0 = next;
    while (next < reports.length && reports[next]!.timeS <= t) next++;
    centre.ingest(reports.slice(from0, next), t);
    centre.assess(t);
    const alert = centre
      .allAlerts()
      .find((a) => !a.cancelled && levelRank(a.level) >= levelRank('launch-confirmed'));
    const confirmed = alert?.levelHistory.find((h) => h.level === 'launch-confirmed');
    if (alert && confirmed && t >= confirmed.timeS + 120 && alert.impactArea) {
      const a = alert.impactArea;
      impactErrKm =
        greatCircleDistance(a.latDeg * D, a.lonDeg * D, impact.latDeg * D, impact.lonDeg * D) / 1000;
      // Is the truth inside the stated 95% ellipse? (local tangent plane at its centre)
      const dn = (impact.latDeg - a.latDeg) * D * 6371;
      const de =
        Math.atan2(Math.sin((impact.lonDeg - a.lonDeg) * D), Math.cos((impact.lonDeg - a.lonDeg) * D)) *
        6371 *
        Math.cos(a.latDeg * D);
      const th = a.orientationDeg * D;
      const u = dn * Math.cos(th) + de * Math.sin(th);
      const v = -dn * Math.sin(th) + de * Math.cos(th);
      insideEllipse =
        (u / Math.max(a.semiMajorKm, 1e-3)) ** 2 + (v / Math.max(a.semiMinorKm, 1e-3)) ** 2 <= 1;
    }
  }
  const launched = centre.allAlerts().find((a) => !a.cancelled && a.launchArea && levelRank(a.level) >= 1);
  const launchErrKm = launched?.launchArea
    ? greatCircleDistance(
        launched.launchArea.latDeg * D,
        launched.launchArea.lonDeg * D,
        from[0]! * D,
        from[1]! * D,
      ) / 1000
    : null;
  return { launchErrKm, impactErrKm, insideEllipse };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('estimation over a seeded batch of 100 ICBMs', () => {
  const outcomes = Array.from({ length: RUNS }, (_, k) => one(k));

  it('places the launch within 10 km (median) from the IR picture', () => {
    const errs = outcomes.map((o) => o.launchErrKm).filter((e): e is number => e !== null);
    expect(errs.length).toBeGreaterThan(0.9 * RUNS);
    expect(median(errs)).toBeLessThan(10);
  });

  it('predicts the impact within 25 km (median) two minutes after radar joins', () => {
    const errs = outcomes.map((o) => o.impactErrKm).filter((e): e is number => e !== null);
    expect(errs.length).toBeGreaterThan(0.8 * RUNS);
    expect(median(errs)).toBeLessThan(25);
  });

  it('contains the true impact in its 95% ellipse about as often as it says', () => {
    const inside = outcomes.map((o) => o.insideEllipse).filter((x): x is boolean => x !== null);
    const rate = inside.filter(Boolean).length / inside.length;
    expect(rate).toBeGreaterThan(0.75);
    expect(rate).toBeLessThanOrEqual(1);
  });
}, 600_000);
