import { describe, expect, it } from 'vitest';
import type { LabelledPositions } from '../../../src/analysis/metrics/labelled-positions.ts';
import { scoreTrackIdentity } from '../../../src/analysis/metrics/track-identity.ts';

const scan = (entries: [number, number, number, number][]): LabelledPositions => ({
  ids: Int32Array.from(entries.map((e) => e[0])),
  positions: Float64Array.from(entries.flatMap((e) => [e[1], e[2], e[3]])),
});

describe('track identity metrics', () => {
  it('counts an id switch when a truth is taken over by another track, and the purity and RMS error', () => {
    // Truth 1 at x = 0, truth 2 at x = 100 km, four scans.
    const truth = [0, 1, 2, 3].map(() =>
      scan([
        [1, 0, 0, 0],
        [2, 100_000, 0, 0],
      ]),
    );
    const tracks = [
      scan([
        [7, 30, 40, 0],
        [8, 100_000, 0, 0],
      ]), // 7 → truth 1 (d = 50), 8 → truth 2 (d = 0)
      scan([
        [7, 0, 0, 0],
        [8, 100_000, 0, 0],
      ]),
      scan([
        [9, 0, 0, 0],
        [8, 100_000, 0, 0],
      ]), // 9 takes over truth 1: one switch
      scan([
        [9, 0, 0, 0],
        [7, 100_000, 0, 0],
      ]), // 7 turns up on truth 2: a second switch
    ];
    const r = scoreTrackIdentity(truth, tracks);
    expect(r.pairs).toBe(8);
    expect(r.idSwitches).toBe(2);
    // Track 7: truth 1 twice, truth 2 once (dominant 2 of 3); 8: 3 of 3; 9: 2 of 2 → 7/8.
    expect(r.purity).toBeCloseTo(7 / 8, 12);
    expect(r.rmsPositionErrorM).toBeCloseTo(Math.sqrt((50 * 50) / 8), 12);
  });

  it('pairs nothing beyond the cut-off and reports purity 1 and RMS 0 then', () => {
    const r = scoreTrackIdentity([scan([[1, 0, 0, 0]])], [scan([[5, 5000, 0, 0]])]);
    expect(r).toEqual({ pairs: 0, idSwitches: 0, purity: 1, rmsPositionErrorM: 0 });
  });

  it('rejects truth and tracks of different scan counts', () => {
    expect(() => scoreTrackIdentity([scan([])], [])).toThrow(RangeError);
  });
});
