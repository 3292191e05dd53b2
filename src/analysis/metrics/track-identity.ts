// Identity and accuracy of tracks against labelled truth, scan by scan. Each scan pairs
// truths with track states by the GOSPA assignment (pairs closer than the cut-off;
// gospa.ts), then:
// - id switches: times a truth's paired track id differs from the id it was last
//   paired with (the CLEAR-MOT IDSW count; Bernardin & Stiefelhagen, "Evaluating
//   multiple object tracking performance: the CLEAR MOT metrics", EURASIP JIVP 2008);
// - purity: over all paired track states, the fraction that belong to their track's
//   dominant truth (each track counted by its most frequent truth id);
// - RMS position error over all pairs (m).

import { benchmarkGospaOptions, type GospaOptions, gospa } from './gospa.ts';
import type { LabelledPositions } from './labelled-positions.ts';

export interface TrackIdentityScore {
  /** Truth–track pairs over all scans. */
  pairs: number;
  idSwitches: number;
  /** In [0, 1]; 1 when no scans have pairs. */
  purity: number;
  /** Root mean square distance of the pairs (m); 0 when there are none. */
  rmsPositionErrorM: number;
}

export function scoreTrackIdentity(
  truth: readonly LabelledPositions[],
  tracks: readonly LabelledPositions[],
  options: GospaOptions = benchmarkGospaOptions,
): TrackIdentityScore {
  if (truth.length !== tracks.length) {
    throw new RangeError(`truth has ${truth.length} scans, tracks ${tracks.length}`);
  }
  const lastTrackOfTruth = new Map<number, number>();
  const truthCountsOfTrack = new Map<number, Map<number, number>>();
  let assignment = new Int32Array(64);
  let pairs = 0;
  let idSwitches = 0;
  let squaredError = 0;
  for (let k = 0; k < truth.length; k++) {
    const x = truth[k]!;
    const y = tracks[k]!;
    if (assignment.length < x.ids.length) assignment = new Int32Array(2 * x.ids.length);
    gospa(x.positions, x.ids.length, y.positions, y.ids.length, options, assignment);
    for (let i = 0; i < x.ids.length; i++) {
      const j = assignment[i]!;
      if (j < 0) continue;
      const truthId = x.ids[i]!;
      const trackId = y.ids[j]!;
      pairs++;
      const dx = x.positions[3 * i]! - y.positions[3 * j]!;
      const dy = x.positions[3 * i + 1]! - y.positions[3 * j + 1]!;
      const dz = x.positions[3 * i + 2]! - y.positions[3 * j + 2]!;
      squaredError += dx * dx + dy * dy + dz * dz;
      const last = lastTrackOfTruth.get(truthId);
      if (last !== undefined && last !== trackId) idSwitches++;
      lastTrackOfTruth.set(truthId, trackId);
      let counts = truthCountsOfTrack.get(trackId);
      if (!counts) {
        counts = new Map();
        truthCountsOfTrack.set(trackId, counts);
      }
      counts.set(truthId, (counts.get(truthId) ?? 0) + 1);
    }
  }
  let dominant = 0;
  for (const counts of truthCountsOfTrack.values()) dominant += Math.max(...counts.values());
  return {
    pairs,
    idSwitches,
    purity: pairs === 0 ? 1 : dominant / pairs,
    rmsPositionErrorM: pairs === 0 ? 0 : Math.sqrt(squaredError / pairs),
  };
}
