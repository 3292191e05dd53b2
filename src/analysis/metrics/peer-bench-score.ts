// Scores a peer benchmark tracks file against the scenario's ground truth
// (../shared/bench/FORMAT.md): per scan, the truths alive at that scan against the
// track states stamped with the scan's time, GOSPA with c = 1000 m, p = 1, α = 2 by
// default, then the mean of the metric and of each term over scans.

import { InputError } from '../../scenario/input-error.ts';
import { benchmarkGospaOptions, type GospaOptions, type GospaResult, gospa, meanGospa } from './gospa.ts';
import type { LabelledPositions } from './labelled-positions.ts';
import type { PeerBenchScenario, PeerBenchTrack } from './peer-bench.ts';

export interface PeerBenchScore {
  mean: GospaResult;
  perScan: GospaResult[];
  /** Truth states and reported track states over all scans. */
  truthStates: number;
  trackStates: number;
}

/** Per scan, the positions of the truths alive then, labelled by truth id. */
export function truthByScan(scenario: PeerBenchScenario, source = 'truth'): LabelledPositions[] {
  const truth = scenario.groundTruth;
  if (!truth) throw new InputError({ source, path: ['ground_truth'], message: 'needed for scoring' });
  const scans = scenario.scans.length;
  const counts = new Int32Array(scans);
  for (const target of truth) for (let k = target.birthScan; k < target.deathScan; k++) counts[k]!++;
  const out: LabelledPositions[] = [];
  for (let k = 0; k < scans; k++)
    out.push({ ids: new Int32Array(counts[k]!), positions: new Float64Array(3 * counts[k]!) });
  const filled = new Int32Array(scans);
  for (const target of truth) {
    for (let k = target.birthScan; k < target.deathScan; k++) {
      const i = filled[k]!++;
      const s = 7 * (k - target.birthScan);
      out[k]!.ids[i] = target.id;
      out[k]!.positions.set(target.states.subarray(s + 1, s + 4), 3 * i);
    }
  }
  return out;
}

/** Per-scan track positions (3 per state) and ids, matching each state's time to a scan time. */
export function tracksByScan(
  times: Float64Array,
  tracks: readonly PeerBenchTrack[],
  source = 'tracks',
): LabelledPositions[] {
  const scans = times.length;
  const scanOf = (t: number): number => {
    let lo = 0;
    let hi = scans - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    // Tolerate the rounding of a time written and read back as decimal text.
    const tolerance = 1e-9 * Math.max(1, Math.abs(t));
    if (lo > 0 && Math.abs(times[lo - 1]! - t) <= Math.abs(times[lo]! - t)) lo--;
    return scans > 0 && Math.abs(times[lo]! - t) <= tolerance ? lo : -1;
  };
  const counts = new Int32Array(scans);
  const scanIndex: Int32Array[] = [];
  const problems = [];
  for (let i = 0; i < tracks.length; i++) {
    const states = tracks[i]!.states;
    const idx = new Int32Array(states.length / 4);
    for (let k = 0; k < idx.length; k++) {
      const s = scanOf(states[4 * k]!);
      idx[k] = s;
      if (s < 0 && problems.length < 20) {
        problems.push({
          source,
          path: ['tracks', i, 'states', k, 0],
          message: `time ${states[4 * k]} s is no scan time`,
        });
      } else if (s >= 0) counts[s]!++;
    }
    scanIndex.push(idx);
  }
  if (problems.length > 0) throw new InputError(problems);
  const out: LabelledPositions[] = [];
  for (let k = 0; k < scans; k++)
    out.push({ ids: new Int32Array(counts[k]!), positions: new Float64Array(3 * counts[k]!) });
  const filled = new Int32Array(scans);
  for (let i = 0; i < tracks.length; i++) {
    const { id, states } = tracks[i]!;
    const idx = scanIndex[i]!;
    for (let k = 0; k < idx.length; k++) {
      const s = idx[k]!;
      const j = filled[s]!++;
      out[s]!.ids[j] = id;
      out[s]!.positions.set(states.subarray(4 * k + 1, 4 * k + 4), 3 * j);
    }
  }
  return out;
}

export function scorePeerBench(
  scenario: PeerBenchScenario,
  tracks: readonly PeerBenchTrack[],
  options: GospaOptions = benchmarkGospaOptions,
): PeerBenchScore {
  const truth = truthByScan(scenario);
  const estimates = tracksByScan(scenario.times, tracks);
  const perScan: GospaResult[] = [];
  let truthStates = 0;
  let trackStates = 0;
  for (let k = 0; k < truth.length; k++) {
    const x = truth[k]!;
    const y = estimates[k]!;
    truthStates += x.ids.length;
    trackStates += y.ids.length;
    perScan.push(gospa(x.positions, x.ids.length, y.positions, y.ids.length, options));
  }
  return { mean: meanGospa(perScan), perScan, truthStates, trackStates };
}
