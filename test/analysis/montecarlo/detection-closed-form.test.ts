// The Monte Carlo machinery against closed form (issue 8): the probability that one
// radar face reports a launch at least once over its dwell sequence. Each look at an
// object is an independent draw (Swerling I stages and Swerling III RV, decorrelated
// scan to scan; DOMAIN.md §5.3), so for a given scan phase
//   P(detected) = 1 − Π over looks and objects (1 − Pd(SNR_k)),
// with SNR_k = SNR_ref·σ·(R_ref/R_k)⁴ (§5.1) and, at Pfa = 1e-6 (T = −ln Pfa),
//   Swerling I:   Pd = Pfa^(1/(1 + SNR))                               (§5.3)
//   Swerling III: Pd = e^(−T/(1 + SNR/2))·(1 + 2·SNR·T/(2 + SNR)²)     (Mahafza & Elsherbeni 2004, eq. 2.81, n = 1)
// The face's scan phase is uniform over one revisit per run, so the closed form is
// averaged over the phase. Geometry (which looks see which object, at what range) is
// the face's coverage test on the flown truth; what is checked is the randomness and
// its aggregation: the campaign's per-sensor detection probability on worker threads.
import { describe, expect, it } from 'vitest';
import { aggregateCampaign } from '../../../src/analysis/montecarlo/aggregate.ts';
import type { CampaignSpec, RunRecord } from '../../../src/analysis/montecarlo/campaign.ts';
import { runPooled } from '../../../src/analysis/montecarlo/pool.ts';
import { parseVariations } from '../../../src/analysis/montecarlo/variations.ts';
import { gmstAt } from '../../../src/orbits/sidereal.ts';
import { eciToEcef } from '../../../src/physics/frames.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { resolveNetwork } from '../../../src/sensors/network.ts';
import type { RadarFace } from '../../../src/sensors/radar/face.ts';
import { radarFaces } from '../../../src/sensors/radar/radar.ts';
import { generateTruth } from '../../../src/world/generate.ts';
import { stateAt } from '../../../src/world/truth.ts';

const REF_SNR_DB = 8;
const REVISIT_S = 10;
const TEXT = `
name: One face, one launch
epoch: 2026-05-01T12:00:00Z
duration: 600
seed: 1
defended: []
events:
  - { type: launch, id: L1, class: icbm-solid, from: [50, 60], to: [40, -95], at: 10 }
network:
  preset: none
  radars:
    - id: probe
      site: [60, 60]
      faces:
        - { boresightDeg: 0, halfWidthDeg: 60, minElevationDeg: 3, maxElevationDeg: 85, maxRangeKm: 6000, band: UHF, revisitS: ${REVISIT_S}, rangeSigmaM: 100, angleSigmaDeg: 0.1, refSnrDb: ${REF_SNR_DB}, refRangeKm: 1000 }
`;

const PFA = 1e-6;
const T = -Math.log(PFA);
const swerling1 = (snr: number) => PFA ** (1 / (1 + snr));
const swerling3 = (snr: number) => Math.exp(-T / (1 + snr / 2)) * (1 + (2 * snr * T) / (2 + snr) ** 2);

/** P(the face reports the launch) averaged over the scan phase, each look's Pd scaled by `pdFactor`. */
function closedForm(pdFactor: number): number {
  const scenario = parseScenario(TEXT, 'dwell.yaml');
  const truth = generateTruth(scenario);
  const face = radarFaces(resolveNetwork(scenario.network).radars[0]!, new Map())[0] as RadarFace;
  const pos = new Float64Array(3);
  const ecef = new Float64Array(3);
  const phases = 400;
  let sum = 0;
  for (let j = 0; j < phases; j++) {
    let miss = 1;
    for (let t = ((j + 0.5) / phases) * REVISIT_S; t <= scenario.durationS; t += REVISIT_S) {
      for (const o of truth.objects) {
        if (!stateAt(o, t, pos)) continue;
        eciToEcef(ecef, pos, gmstAt(scenario.epochUnixMs, t));
        if (face.coverage.look(ecef) !== 'visible') continue;
        const snr = 10 ** (REF_SNR_DB / 10) * o.rcsM2 * (1e6 / face.coverage.rangeM) ** 4;
        miss *= 1 - pdFactor * (o.kind === 'rv' ? swerling3(snr) : swerling1(snr));
      }
    }
    sum += 1 - miss;
  }
  return sum / phases;
}

async function monteCarlo(runs: number, vary: string[]): Promise<{ p: number; n: number }> {
  const spec: CampaignSpec = {
    scenarioText: TEXT,
    sourceName: 'dwell.yaml',
    baseSeed: 2026,
    runs,
    variations: parseVariations(vary),
  };
  const pooled = await runPooled<RunRecord>(
    { kind: 'campaign', spec },
    Array.from({ length: runs }, (_, i) => i),
    { workers: 2 },
  );
  const a = aggregateCampaign({ scenario: 'dwell', spec }, [...pooled.results.values()]);
  const seen = a.launches[0]!.sensors['probe:1'];
  return { p: seen?.k === undefined ? 0 : seen.k / runs, n: runs };
}

describe('Monte Carlo against closed form', () => {
  it('the chance that a radar face reports a launch over its dwells is 1 − Π(1 − Pd) of the Swerling looks', async () => {
    const expected = closedForm(1);
    // A test that can tell: well away from 0 and 1.
    expect(expected).toBeGreaterThan(0.3);
    expect(expected).toBeLessThan(0.7);
    const { p, n } = await monteCarlo(1000, []);
    const sigma = Math.sqrt((expected * (1 - expected)) / n);
    expect(Math.abs(p - expected)).toBeLessThan(3.5 * sigma);
  }, 120_000);

  it('a declared Pd variation scales every look: 1 − Π(1 − f·Pd)', async () => {
    const expected = closedForm(0.5);
    expect(Math.abs(expected - closedForm(1))).toBeGreaterThan(0.1);
    const { p, n } = await monteCarlo(1000, ['pd=0.5']);
    const sigma = Math.sqrt((expected * (1 - expected)) / n);
    expect(Math.abs(p - expected)).toBeLessThan(3.5 * sigma);
  }, 120_000);
});
