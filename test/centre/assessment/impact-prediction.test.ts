// Impact prediction against the world's own flight (same physics, exact state) and
// against a Monte Carlo of the same uncertainty (an independent method).
import { describe, expect, it } from 'vitest';
import {
  IMPACT_MODEL_SIGMA_GROWTH_MPS,
  IMPACT_MODEL_SIGMA_M,
  predictImpact,
} from '../../../src/centre/assessment/impact-prediction.ts';
import { gmstAt } from '../../../src/orbits/sidereal.ts';
import { ballisticDerivative } from '../../../src/physics/ballistic.ts';
import { ecefToGeodetic, eciToEcef } from '../../../src/physics/frames.ts';
import { greatCircleDistance } from '../../../src/physics/geodesy.ts';
import { Dopri5, integrateUntil } from '../../../src/physics/integrate/index.ts';
import { createRng } from '../../../src/physics/random.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { generateTruth } from '../../../src/world/generate.ts';
import { stateAt } from '../../../src/world/truth.ts';

const s = parseScenario(
  `name: impact
epoch: 2026-05-01T12:00:00Z
duration: 45m
defended: [USA]
events:
  - { type: launch, id: L1, class: icbm-solid, from: [55.0, 90.0], to: [40.0, -100.0], at: 60s }
`,
  'impact.yaml',
);
const truth = generateTruth(s);
const rv = truth.objects.find((o) => o.id === 'L1/rv')!;
const gmst = (t: number) => gmstAt(s.epochUnixMs, t);
const D = Math.PI / 180;

function stateAtTime(t: number): Float64Array {
  const p = new Float64Array(3);
  const v = new Float64Array(3);
  stateAt(rv, t, p, v);
  return Float64Array.of(p[0]!, p[1]!, p[2]!, v[0]!, v[1]!, v[2]!);
}

describe('impact prediction', () => {
  it('from the exact mid-course state lands where the world flight lands, when it does', () => {
    const t = 900;
    const cov = new Float64Array(36);
    for (let i = 0; i < 6; i++) cov[i * 7] = i < 3 ? 1 : 1e-6;
    const p = predictImpact(stateAtTime(t), cov, t, rv.betaKgM2, gmst)!;
    const impact = rv.milestones.find((m) => m.kind === 'impact')!;
    const missKm =
      greatCircleDistance(p.area.latRad, p.area.lonRad, impact.latDeg * D, impact.lonDeg * D) / 1000;
    expect(missKm).toBeLessThan(1);
    expect(Math.abs(p.timeS - rv.impactTimeS!)).toBeLessThan(1);
    // With an exact state the ellipse is the model floor: 2.4477 × (σ₀ + growth × horizon).
    const floor = IMPACT_MODEL_SIGMA_M + IMPACT_MODEL_SIGMA_GROWTH_MPS * (p.timeS - t);
    expect(p.area.semiMajorM / (2.4477 * floor)).toBeCloseTo(1, 1);
  });

  it('gives the spread a Monte Carlo of the same uncertainty gives, and contains ≈95% of its points', () => {
    const t = 900;
    const cov = new Float64Array(36);
    const sdPos = 2000;
    const sdVel = 5;
    for (let i = 0; i < 6; i++) cov[i * 7] = (i < 3 ? sdPos : sdVel) ** 2;
    const mean = stateAtTime(t);
    // The propagation alone (no model-error term), against the Monte Carlo of the same state.
    const p = predictImpact(mean, cov, t, rv.betaKgM2, gmst, 0, false)!;
    // Monte Carlo: 300 states drawn from the covariance, each flown to the ground.
    const rng = createRng(7, 'mc');
    const integ = new Dopri5(6, { rtol: 1e-9, atol: 1 });
    const f = ballisticDerivative(rv.betaKgM2);
    const g = new Float64Array(3);
    const ecef = new Float64Array(3);
    let inside = 0;
    const n = 300;
    const R = 6_371_000;
    const cosLat = Math.cos(p.area.latRad);
    const a = p.area.semiMajorM;
    const b = p.area.semiMinorM;
    const th = p.area.orientationRad;
    let sumN2 = 0;
    for (let k = 0; k < n; k++) {
      const y = Float64Array.from(mean, (v, i) => v + Math.sqrt(cov[i * 7]!) * rng.normal());
      integ.reset(f, t, y);
      const end = integrateUntil(integ, {
        tEnd: t + 7200,
        events: [{ g: (_t, yy) => ecefToGeodetic(g, yy)[2]!, direction: 'falling', terminal: true }],
      });
      eciToEcef(ecef, end.y, gmst(end.t));
      ecefToGeodetic(g, ecef);
      const dn = (g[0]! - p.area.latRad) * R;
      const de = Math.atan2(Math.sin(g[1]! - p.area.lonRad), Math.cos(g[1]! - p.area.lonRad)) * R * cosLat;
      // Coordinates along the major (u) and minor (v) axes.
      const u = dn * Math.cos(th) + de * Math.sin(th);
      const v = -dn * Math.sin(th) + de * Math.cos(th);
      if ((u / a) ** 2 + (v / b) ** 2 <= 1) inside++;
      sumN2 += u * u;
    }
    const frac = inside / n;
    expect(frac).toBeGreaterThan(0.9);
    expect(frac).toBeLessThan(0.99);
    // The major-axis spread matches the Monte Carlo's within 20%.
    const mcSigmaMajor = Math.sqrt(sumN2 / n);
    expect(a / 2.4477 / mcSigmaMajor).toBeGreaterThan(0.8);
    expect(a / 2.4477 / mcSigmaMajor).toBeLessThan(1.2);
  });

  it('returns null for an orbital state', () => {
    const r = 6_778_137;
    const state = Float64Array.of(r, 0, 0, 0, Math.sqrt(3.986004418e14 / r), 0);
    expect(
      predictImpact(
        state,
        new Float64Array(36).fill(0).map((_, i) => (i % 7 === 0 ? 1 : 0)),
        0,
        1e4,
        gmst,
      ),
    ).toBeNull();
  });
});
