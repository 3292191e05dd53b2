// One satellite alone: its detections of a rising plume (a solid ICBM from the world
// model) chain into one angle-only track that confirms after three bearings and points
// back to the launch area; a stationary heat source seen by the same satellite is a
// separate track with almost no apparent motion against the Earth.
import { describe, expect, it } from 'vitest';
import { createCentreTracker } from '../../../src/centre/fusion/centre-tracker.ts';
import { greatCircleDistance } from '../../../src/physics/geodesy.ts';
import { createRng } from '../../../src/physics/random.ts';
import type { SensorReport } from '../../../src/sensors/report.ts';
import { earthFixedEci, geoPosition, irReport } from '../synthetic.ts';
import { DEG, type Geo, gmstOf, inTimeOrder, irReports, truthOf } from './scenes.ts';

const truth = truthOf(`  - type: launch
    id: L1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [35.0, -90.0]
    at: 60s
`);
const gmst = gmstOf(truth);
const sat: Geo = { id: 'geo-a', lonRad: 60 * DEG, revisitS: 10, phaseS: 0, sigmaRad: 30e-6 };
const rng = createRng(5, 'angles');
const plume = irReports(truth, [sat], gmst, 60, 400, rng);
// A fire 1,500 km away from the launch site.
const fire: SensorReport[] = [];
for (let t = 100, k = 0; t <= 220; t += 10, k++) {
  const source = earthFixedEci(45 * DEG, 80 * DEG, 0, gmst(t));
  fire.push(irReport(`fire#${k}`, sat.id, t, geoPosition(sat.lonRad, gmst(t)), source, sat.sigmaRad, rng));
}

/** Mean angular rate (rad/s) between the first and last bearings, rotated into the Earth-fixed frame. */
function earthFixedRate(bearings: { timeS: number; losEci: number[] }[]): number {
  const ecef = (b: { timeS: number; losEci: number[] }) => {
    const g = gmst(b.timeS);
    const [x, y, z] = b.losEci as [number, number, number];
    return [Math.cos(g) * x + Math.sin(g) * y, -Math.sin(g) * x + Math.cos(g) * y, z];
  };
  const a = ecef(bearings[0]!);
  const b = ecef(bearings[bearings.length - 1]!);
  const dot = a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  return Math.acos(Math.min(1, dot)) / (bearings[bearings.length - 1]!.timeS - bearings[0]!.timeS);
}

describe('angle-only tracks from a single satellite', () => {
  const centre = createCentreTracker({ gmst });
  const feed = inTimeOrder<SensorReport>([...plume, ...fire]);
  let confirmedAt: number | null = null;
  for (const r of feed) {
    centre.ingestBatch([r], r.timeS);
    if (confirmedAt === null && r.id.startsWith('geo-a')) {
      const p = centre.picture(r.timeS);
      if (p.angleOnly.some((a) => a.status === 'confirmed' && a.lineage.reportIds.includes(plume[0]!.id))) {
        confirmedAt = r.timeS;
      }
    }
  }
  const picture = centre.picture(220);
  const plumeTrack = picture.angleOnly.find((a) => a.lineage.reportIds.includes(plume[0]!.id));
  const fireTrack = picture.angleOnly.find((a) => a.lineage.reportIds.includes('fire#0'));

  it('the rising plume forms one angle-only track holding every detection', () => {
    expect(plume.length).toBeGreaterThan(10);
    expect(plumeTrack).toBeDefined();
    expect([...plumeTrack!.lineage.reportIds].sort()).toEqual(
      plume
        .filter((r) => r.timeS <= 220)
        .map((r) => r.id)
        .sort(),
    );
    expect(picture.tracks).toEqual([]);
  });

  it('it is confirmed at its third bearing', () => {
    expect(confirmedAt).toBe(plume[2]!.timeS);
  });

  it('its first bearing meets the ground within 100 km of the launch site', () => {
    const g = plumeTrack!.groundPoint!;
    const km = greatCircleDistance(g.latDeg * DEG, g.lonDeg * DEG, 55 * DEG, 90 * DEG) / 1000;
    expect(km).toBeLessThan(100);
  });

  it('the fire is a separate track, still against the Earth where the plume moves', () => {
    expect(fireTrack).toBeDefined();
    expect(fireTrack!.id).not.toBe(plumeTrack!.id);
    expect(fireTrack!.lineage.reportIds).toHaveLength(fire.length);
    // In ECI both turn with the Earth (7.3e-5 rad/s); in the Earth-fixed frame, where a
    // geostationary satellite stands still, only the plume moves.
    expect(fireTrack!.angularRateRadS).toBeLessThan(8e-5);
    expect(earthFixedRate(fireTrack!.bearings)).toBeLessThan(2e-6);
    expect(earthFixedRate(plumeTrack!.bearings)).toBeGreaterThan(3e-5);
  });

  it('both appear in the run summary', () => {
    const ids = centre.summary().map((s) => s.id);
    expect(ids).toContain(plumeTrack!.id);
    expect(ids).toContain(fireTrack!.id);
  });
});
