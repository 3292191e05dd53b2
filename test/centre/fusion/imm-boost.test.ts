// The boost ↔ ballistic IMM on a real flight: a solid ICBM from the world model (three
// stages: staging at 120 s and 180 s after the epoch, burnout at 227 s; truth from
// src/world, which tests may read) watched by a radar 200 km from the launch site every
// 2 s. Oracles: the truth's own burn intervals and milestones.
import { describe, expect, it } from 'vitest';
import { createCentreTracker } from '../../../src/centre/fusion/centre-tracker.ts';
import type { TrackPicture } from '../../../src/centre/fusion/picture.ts';
import { createRng } from '../../../src/physics/random.ts';
import { DEG, type Face, gmstOf, inTimeOrder, radarReports, truthOf } from './scenes.ts';

const truth = truthOf(`  - type: launch
    id: L1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [35.0, -90.0]
    at: 60s
`);
const gmst = gmstOf(truth);
const rv = truth.objects.find((o) => o.kind === 'rv')!;
const burnout = rv.milestones.find((m) => m.kind === 'burnout')!.timeS;
const stagings = rv.milestones.filter((m) => m.kind === 'staging').map((m) => m.timeS);
const face: Face = {
  id: 'near:1',
  site: { latRad: 56.5 * DEG, lonRad: 91.5 * DEG, hM: 200 },
  scanS: 2,
  phaseS: 0.5,
  noise: { sigmaRangeM: 30, sigmaAngleRad: 5e-4, sigmaRangeRateMps: 5 },
  maxRangeM: 4e6,
  minElevationRad: 1 * DEG,
};
const plots = inTimeOrder(radarReports(truth, [face], gmst, 60, 500, createRng(3, 'imm'), (o) => o === rv));

/** Runs the centre over the plots, taking a picture at every plot time in `at`. */
function run(at: number[], filter: 'ekf' | 'ukf' = 'ekf'): Map<number, TrackPicture> {
  const centre = createCentreTracker({ gmst, filter });
  const pictures = new Map<number, TrackPicture>();
  for (const p of plots) {
    centre.ingestBatch([p], p.timeS);
    if (at.includes(p.timeS)) pictures.set(p.timeS, centre.picture(p.timeS));
  }
  pictures.set(Number.POSITIVE_INFINITY, centre.picture(plots[plots.length - 1]!.timeS));
  return pictures;
}

describe('IMM through staging and burnout', () => {
  it('the truth has two stagings and a burnout inside the radar watch', () => {
    expect(stagings).toHaveLength(2);
    expect(burnout).toBeGreaterThan(200);
    expect(burnout).toBeLessThan(250);
  });

  const times = plots.map((p) => p.timeS);
  const pictures = run(times);
  const last = pictures.get(Number.POSITIVE_INFINITY)!;

  it('one track holds the object from its first scans to the end, through both stagings and burnout', () => {
    const held = last.tracks.filter((t) => t.status !== 'tentative');
    expect(held).toHaveLength(1);
    const track = held[0]!;
    // Every plot after the start of the track went to it.
    expect(track.lineage.reportIds.length).toBeGreaterThanOrEqual(plots.length - 2);
    expect(track.firstTimeS).toBeLessThanOrEqual(plots[1]!.timeS);
    for (const s of stagings) {
      expect(track.lineage.radar!.firstTimeS).toBeLessThan(s);
    }
    expect(track.lineage.radar!.lastTimeS).toBe(plots[plots.length - 1]!.timeS);
  });

  it('the boost mode dominates in mid-stage and the ballistic mode from shortly after burnout', () => {
    const boostAt = (t: number) => {
      const nearest = times.reduce((a, b) => (Math.abs(b - t) < Math.abs(a - t) ? b : a));
      const track = pictures.get(nearest)!.tracks.find((k) => k.status !== 'tentative')!;
      return track.modeProbabilities.boost;
    };
    for (const t of [100, 150, 205]) expect(boostAt(t)).toBeGreaterThan(0.8);
    for (const t of [burnout + 15, burnout + 60, 450]) expect(boostAt(t)).toBeLessThan(0.05);
  });

  it('burnout is detected within 10 s after the true burnout', () => {
    const track = last.tracks.find((k) => k.status !== 'tentative')!;
    expect(track.features.burnoutTimeS).not.toBeNull();
    expect(track.features.burnoutTimeS!).toBeGreaterThanOrEqual(burnout);
    expect(track.features.burnoutTimeS! - burnout).toBeLessThan(10);
  });

  it('innovations stay consistent: mean NIS per degree of freedom under 2', () => {
    const track = last.tracks.find((k) => k.status !== 'tentative')!;
    expect(track.consistency.meanNisPerDof).toBeLessThan(2);
  });

  it('with UKF modes instead of EKF, one track still holds the object through staging and burnout', () => {
    const ukf = run([], 'ukf').get(Number.POSITIVE_INFINITY)!;
    const held = ukf.tracks.filter((t) => t.status !== 'tentative');
    expect(held).toHaveLength(1);
    expect(held[0]!.lineage.reportIds.length).toBeGreaterThanOrEqual(plots.length - 2);
    expect(held[0]!.features.burnoutTimeS! - burnout).toBeLessThan(10);
    expect(held[0]!.features.burnoutTimeS!).toBeGreaterThanOrEqual(burnout);
  });
});
