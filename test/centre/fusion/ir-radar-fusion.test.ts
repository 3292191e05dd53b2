// Central fusion of IR and radar: an ICBM (world model truth) seen in boost by two
// geostationary IR satellites and in mid-course by a radar yields one track whose
// lineage names all three sensors; a glint — an IR-only source fixed on a cloud top —
// seen by the same satellites never becomes radar-associated, although a radar tracks
// a real object passing near it.
import { describe, expect, it } from 'vitest';
import { createCentreTracker } from '../../../src/centre/fusion/centre-tracker.ts';
import { trackNees } from '../../../src/centre/fusion/picture.ts';
import { createRng } from '../../../src/physics/random.ts';
import type { SensorReport } from '../../../src/sensors/report.ts';
import { stateAt } from '../../../src/world/truth.ts';
import { earthFixedEci, flyBallistic, geoPosition, gmstFunction, irReport, radarPlot } from '../synthetic.ts';
import { DEG, type Face, type Geo, gmstOf, inTimeOrder, irReports, radarReports, truthOf } from './scenes.ts';

const sats: Geo[] = [
  { id: 'geo-a', lonRad: 60 * DEG, revisitS: 10, phaseS: 0, sigmaRad: 30e-6 },
  { id: 'geo-b', lonRad: 130 * DEG, revisitS: 10, phaseS: 5, sigmaRad: 30e-6 },
];

describe('an ICBM seen by two IR satellites and later a radar', () => {
  const truth = truthOf(`  - type: launch
    id: L1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [35.0, -90.0]
    at: 60s
`);
  const gmst = gmstOf(truth);
  const rv = truth.objects.find((o) => o.kind === 'rv')!;
  const face: Face = {
    id: 'thule:1',
    site: { latRad: 76.57 * DEG, lonRad: -68.3 * DEG, hM: 200 },
    scanS: 5,
    phaseS: 1,
    noise: { sigmaRangeM: 30, sigmaAngleRad: 1e-3, sigmaRangeRateMps: 5 },
    maxRangeM: 5.5e6,
    minElevationRad: 3 * DEG,
  };
  const rng = createRng(3, 'fusion');
  const ir = irReports(truth, sats, gmst, 60, 2300, rng);
  const radar = radarReports(truth, [face], gmst, 60, 2300, rng, (o) => o === rv);
  const reports = inTimeOrder<SensorReport>([...ir, ...radar]);
  const centre = createCentreTracker({ gmst });
  for (const r of reports) centre.ingest(r);
  const end = radar[radar.length - 1]!.timeS;
  const picture = centre.picture(end);

  it('the IR satellites see the boost and the radar sees the coast, minutes apart', () => {
    expect(ir.length).toBeGreaterThan(15);
    expect(radar.length).toBeGreaterThan(100);
    expect(radar[0]!.timeS - ir[ir.length - 1]!.timeS).toBeGreaterThan(120);
  });

  it('yields one fused track whose lineage names both satellites and the radar', () => {
    const summary = centre.summary();
    expect(summary).toHaveLength(1);
    expect(summary[0]!.sensors).toEqual(['geo-a', 'geo-b', 'thule:1']);
    const track = picture.tracks.find((t) => t.id === summary[0]!.id)!;
    expect(track.lineage.ir!.firstTimeS).toBe(ir[0]!.timeS);
    expect(track.lineage.radar!.lastTimeS).toBe(end);
    // Every report of the run is in its lineage (the track started from the angle-only
    // tracks of both satellites and absorbed the radar's own track).
    expect(track.lineage.reportIds.length + track.lineage.lateReportIds.length).toBeGreaterThanOrEqual(
      reports.length - 2,
    );
  });

  it('records the agreement of the two phenomenologies with its test statistic', () => {
    const track = picture.tracks[0]!;
    expect(track.lineage.agreements.length).toBeGreaterThan(0);
    const a = track.lineage.agreements[0]!;
    expect(a.pValue).toBeGreaterThan(1e-3);
    expect(a.timeS).toBeGreaterThanOrEqual(radar[0]!.timeS);
    expect(a.timeS).toBeLessThan(radar[0]!.timeS + 60);
  });

  it('keeps the id the IR picture first gave the launch', () => {
    const ids = centre.summary().map((s) => s.id);
    expect(ids).toEqual(['T1']);
  });

  it('ends within 2 km of the true re-entry vehicle, consistently with its covariance', () => {
    const r = new Float64Array(3);
    const v = new Float64Array(3);
    stateAt(rv, end, r, v);
    const p = picture.tracks[0]!.positionEciM;
    expect(Math.hypot(p[0] - r[0]!, p[1] - r[1]!, p[2] - r[2]!)).toBeLessThan(2000);
    // χ²(6) at 99.9 % is 22.5.
    expect(trackNees(picture.tracks[0]!, r, v)).toBeLessThan(22.5);
  });
});

describe('an IR-only glint next to a radar track', () => {
  const gmst = gmstFunction(0.7);
  // A sun glint on a cloud top 10 km up over Montana (the 1983 geometry), seen for 90 s.
  const glintLat = 47.5 * DEG;
  const glintLon = -111 * DEG;
  const usSats: Geo[] = [
    { id: 'geo-w', lonRad: -135 * DEG, revisitS: 10, phaseS: 0, sigmaRad: 30e-6 },
    { id: 'geo-e', lonRad: -75 * DEG, revisitS: 10, phaseS: 5, sigmaRad: 30e-6 },
  ];
  const rng = createRng(11, 'glint');
  const reports: SensorReport[] = [];
  for (const sat of usSats) {
    let seq = 0;
    for (let t = sat.phaseS; t <= 90; t += sat.revisitS) {
      const source = earthFixedEci(glintLat, glintLon, 10e3, gmst(t));
      reports.push(
        irReport(
          `${sat.id}#${seq++}`,
          sat.id,
          t,
          geoPosition(sat.lonRad, gmst(t)),
          source,
          sat.sigmaRad,
          rng,
        ),
      );
    }
  }
  // A real object in coast 400 km above the same region, crossing it during the glint.
  const over = earthFixedEci(glintLat - 3 * DEG, glintLon - 3 * DEG, 400e3, gmst(0));
  const up = over.map((c) => c / Math.hypot(...over));
  const north = [-up[0]! * up[2]!, -up[1]! * up[2]!, 1 - up[2]! * up[2]!];
  const nn = Math.hypot(...north);
  const v = north.map((c, i) => (6500 * c) / nn + 300 * up[i]!);
  const body = flyBallistic(over, v, 0, 120, 5, 0.05);
  const site = { latRad: 48.72 * DEG, lonRad: -97.9 * DEG, hM: 300 };
  const noise = { sigmaRangeM: 30, sigmaAngleRad: 1e-3, sigmaRangeRateMps: 5 };
  let seq = 0;
  for (const s of body)
    reports.push(radarPlot(`cav:1#${seq++}`, 'cav:1', s.t + 2, site, s.r, s.v, gmst(s.t + 2), noise, rng));
  const centre = createCentreTracker({ gmst });
  for (const r of inTimeOrder(reports)) centre.ingest(r);
  const picture = centre.picture(120);

  it('both the glint (in stereo, near its cloud top) and the radar object are tracked', () => {
    const ir = picture.tracks.filter((t) => t.lineage.ir !== null);
    const radar = picture.tracks.filter((t) => t.lineage.radar !== null && t.status !== 'tentative');
    expect(ir).toHaveLength(1);
    expect(ir[0]!.origin).toBe('ir-stereo');
    expect(ir[0]!.lineage.sensors.map((s) => s.sensorId)).toEqual(['geo-e', 'geo-w']);
    expect(radar).toHaveLength(1);
  });

  it('no track is both IR- and radar-associated, and no IR–radar association is reported', () => {
    for (const t of picture.tracks) expect(t.lineage.ir !== null && t.lineage.radar !== null).toBe(false);
    for (const t of picture.tracks) expect(t.lineage.agreements).toEqual([]);
    expect(picture.associations).toEqual([]);
    for (const row of centre.summary()) {
      const phenomenologies = new Set(row.sensors.map((s) => (s.startsWith('geo') ? 'ir' : 'radar')));
      expect(phenomenologies.size).toBe(1);
    }
  });

  it('asked directly, the glint and the radar track disagree', () => {
    const ir = picture.tracks.find((t) => t.lineage.ir !== null)!;
    const radar = picture.tracks.find((t) => t.lineage.radar !== null && t.status !== 'tentative')!;
    const verdict = centre.agreement(ir.id, radar.id, 120)!;
    expect(verdict.consistent).toBe(false);
    expect(verdict.pValue).toBeLessThan(1e-6);
  });
});
