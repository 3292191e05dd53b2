// Two ballistic objects whose paths cross 300 m apart, 1,500 km from a radar that
// measures range and angles only (1 mrad: 1.5 km across the line of sight at the
// crossing, so the plots of the two are confused for several scans). Every plot's id
// names its true object; the oracle is that lineage: each object keeps its track from
// start to end, the plots of the crossing scan itself being the only ones allowed to go
// to the other track.
import { describe, expect, it } from 'vitest';
import { createCentreTracker } from '../../../src/centre/fusion/centre-tracker.ts';
import { createRng } from '../../../src/physics/random.ts';
import type { SensorReport } from '../../../src/sensors/report.ts';
import { earthFixedEci, flyBallistic, gmstFunction, radarPlot } from '../synthetic.ts';
import { DEG, inTimeOrder } from './scenes.ts';

const gmst = gmstFunction(2.1);
const site = { latRad: 50 * DEG, lonRad: 10 * DEG, hM: 100 };
const noise = { sigmaRangeM: 20, sigmaAngleRad: 1e-3, sigmaRangeRateMps: null };
const T_CROSS = 60;
const DURATION = 140;

/**
 * The two bodies: through a point 400 km up, ±15° about the local east in the vertical
 * plane, 300 m apart there across the radar's line of sight (same range: only the 1 mrad
 * angles could tell them apart at the crossing).
 */
function crossingPair(): [ReturnType<typeof flyBallistic>, ReturnType<typeof flyBallistic>] {
  const c = earthFixedEci(55 * DEG, 30 * DEG, 400e3, gmst(T_CROSS));
  const up = c.map((v) => v / Math.hypot(...c));
  const eastRaw = [-up[1]!, up[0]!, 0];
  const east = eastRaw.map((v) => v / Math.hypot(...eastRaw));
  const north = [
    up[1]! * east[2]! - up[2]! * east[1]!,
    up[2]! * east[0]! - up[0]! * east[2]!,
    up[0]! * east[1]! - up[1]! * east[0]!,
  ];
  const siteEci = earthFixedEci(site.latRad, site.lonRad, site.hM, gmst(T_CROSS));
  const losRaw = c.map((p, i) => p - siteEci[i]!);
  const los = losRaw.map((v) => v / Math.hypot(...losRaw));
  const along = north[0]! * los[0]! + north[1]! * los[1]! + north[2]! * los[2]!;
  const acrossRaw = north.map((v, i) => v - along * los[i]!);
  const across = acrossRaw.map((v) => v / Math.hypot(...acrossRaw));
  const s = Math.sin(15 * DEG);
  const k = Math.cos(15 * DEG);
  const paths = [1, -1].map((sign) => {
    const v = east.map((e, i) => 6500 * (k * e + sign * s * up[i]!));
    const at = c.map((p, i) => p + sign * 150 * across[i]!);
    // Fly back from the crossing to t = 0, then forward over the whole scene.
    const back = flyBallistic(at, v, T_CROSS, 0, 1, 0.05);
    const start = back[back.length - 1]!;
    return flyBallistic(start.r, start.v, 0, DURATION, 2, 0.05);
  });
  return [paths[0]!, paths[1]!];
}

function plotsOf(): SensorReport[] {
  const [a, b] = crossingPair();
  const rng = createRng(21, 'crossing');
  const out: SensorReport[] = [];
  for (const [name, path] of [
    ['A', a],
    ['B', b],
  ] as const) {
    path.forEach((s, k) => {
      out.push(radarPlot(`r:1#${name}${k}`, 'r:1', s.t, site, s.r, s.v, gmst(s.t), noise, rng));
    });
  }
  return inTimeOrder(out);
}

describe('crossing targets with radar plots', () => {
  const plots = plotsOf();

  it('at the crossing the two plots are at one range, 300 m apart across a 1.5 km angular noise', () => {
    const [a, b] = crossingPair();
    const k = T_CROSS / 2;
    expect(Math.hypot(...a[k]!.r.map((v, i) => v - b[k]!.r[i]!))).toBeCloseTo(300, -1);
    const pa = radarPlot('a', 'r:1', T_CROSS, site, a[k]!.r, a[k]!.v, gmst(T_CROSS), noise, null);
    const pb = radarPlot('b', 'r:1', T_CROSS, site, b[k]!.r, b[k]!.v, gmst(T_CROSS), noise, null);
    expect(Math.abs(pa.rangeM - pb.rangeM)).toBeLessThan(1);
    expect(pa.rangeM * noise.sigmaAngleRad).toBeGreaterThan(1000);
    expect(Math.hypot(...a[0]!.r.map((v, i) => v - b[0]!.r[i]!))).toBeGreaterThan(150e3);
  });

  for (const association of ['gnn', 'jpda'] as const) {
    it(`${association}: each object keeps one track id through the crossing`, () => {
      const centre = createCentreTracker({ gmst, association });
      for (const p of plots) centre.ingest(p);
      const picture = centre.picture(DURATION);
      const held = picture.tracks.filter((t) => t.status !== 'tentative');
      expect(held).toHaveLength(2);
      const owner = new Map<string, string>();
      for (const t of held) {
        const labels = t.lineage.reportIds.map((id) => id.split('#')[1]!);
        const object = labels[0]![0]!;
        owner.set(object, t.id);
        // Away from the crossing scan (where the two plots cannot be told apart) every
        // plot is its own object's; the track holds its object from start to end.
        const foreign = labels.filter((l) => l[0] !== object);
        expect(foreign.every((l) => Math.abs(Number(l.slice(1)) - T_CROSS / 2) <= 1)).toBe(true);
        expect(foreign.length).toBeLessThanOrEqual(2);
        expect(labels.filter((l) => l[0] === object).length).toBeGreaterThanOrEqual(DURATION / 2 - 1);
        expect(labels[labels.length - 1]![0]).toBe(object);
      }
      expect(new Set(owner.keys())).toEqual(new Set(['A', 'B']));
      // JPDA weighs the two plots at the crossing; GNN never does.
      if (association === 'jpda') expect(centre.stats().jpdaUpdates).toBeGreaterThan(0);
      else expect(centre.stats().jpdaUpdates).toBe(0);
    });
  }
});
