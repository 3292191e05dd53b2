// Radar clutter: 20 false plots per scan spread uniformly over a face's volume (ranges
// 500–4,000 km, 120° of azimuth, 3–60° of elevation, range rates ±7 km/s) for 200 scans,
// with one real object in it. The stated rate: under one confirmed false track per 100
// scans (two-point initiation with its speed and range-rate tests, then 3 of 5 scans),
// while the real object is confirmed within three scans and kept.
import { describe, expect, it } from 'vitest';
import { createCentreTracker } from '../../../src/centre/fusion/centre-tracker.ts';
import { createRng } from '../../../src/physics/random.ts';
import type { RadarReport, SensorReport } from '../../../src/sensors/report.ts';
import { earthFixedEci, flyBallistic, gmstFunction, radarPlot } from '../synthetic.ts';
import { DEG, inTimeOrder } from './scenes.ts';

const gmst = gmstFunction(1.1);
const site = { latRad: 60 * DEG, lonRad: 20 * DEG, hM: 100 };
const noise = { sigmaRangeM: 30, sigmaAngleRad: 1e-3, sigmaRangeRateMps: 5 };
const SCAN = 5;
const SCANS = 200;

describe('radar clutter', () => {
  const rng = createRng(31, 'clutter');
  const reports: SensorReport[] = [];
  let seq = 0;
  for (let k = 0; k < SCANS; k++) {
    const t = k * SCAN;
    for (let i = 0; i < 20; i++) {
      const plot: RadarReport = {
        kind: 'radar',
        id: `r:1#c${seq++}`,
        sensorId: 'r:1',
        radarId: 'r',
        timeS: t,
        site,
        rangeM: 500e3 + 3500e3 * rng.uniform(),
        azRad: (-60 + 120 * rng.uniform()) * DEG,
        elRad: (3 + 57 * rng.uniform()) * DEG,
        rangeRateMps: -7000 + 14000 * rng.uniform(),
        sigmaRangeM: noise.sigmaRangeM,
        sigmaAngleRad: noise.sigmaAngleRad,
        sigmaRangeRateMps: noise.sigmaRangeRateMps,
        snrDb: 13,
        count: 1,
      };
      if (plot.azRad < 0) plot.azRad += 2 * Math.PI;
      reports.push(plot);
    }
  }
  // The real object: 1,500 km north of the site, 500 km up, moving south-east.
  const start = earthFixedEci(73 * DEG, 20 * DEG, 500e3, gmst(0));
  const up = start.map((c) => c / Math.hypot(...start));
  const east = [-up[1]!, up[0]!, 0].map((c, _i, a) => c / Math.hypot(a[0]!, a[1]!, a[2]!));
  const body = flyBallistic(
    start,
    east.map((c) => 6000 * c),
    0,
    300,
    SCAN,
    0.05,
  );
  for (const s of body)
    reports.push(radarPlot(`r:1#real${seq++}`, 'r:1', s.t, site, s.r, s.v, gmst(s.t), noise, rng));

  const centre = createCentreTracker({ gmst });
  const feed = inTimeOrder(reports);
  for (const r of feed.filter((r) => r.timeS <= 300)) centre.ingest(r);
  const picture = centre.picture(300);
  for (const r of feed.filter((r) => r.timeS > 300)) centre.ingest(r);
  centre.flush();
  const rows = centre.summary();
  const isReal = (ids: string[]) => ids.some((id) => id.includes('real'));
  const realIds = picture.tracks.filter((t) => isReal(t.lineage.reportIds)).map((t) => t.id);

  it('confirms fewer than one false track per 100 scans', () => {
    const falseConfirmed = rows.filter((r) => !realIds.includes(r.id));
    expect(rows.length).toBeGreaterThan(falseConfirmed.length);
    expect(falseConfirmed.length).toBeLessThan(SCANS / 100);
  });

  it('confirms the real object within three scans and keeps it', () => {
    const real = picture.tracks.filter((t) => isReal(t.lineage.reportIds));
    expect(real).toHaveLength(1);
    expect(real[0]!.lineage.radar!.firstTimeS).toBe(0);
    expect(real[0]!.status).toBe('confirmed');
    expect(real[0]!.lineage.reportIds.filter((id) => id.includes('real'))).toHaveLength(body.length);
  });
});
