// A delayed feed: reports arriving out of time order. Within the reorder buffer's delay
// the picture must be the in-order picture; reports later than that must leave every
// track as it would be without them, and be recorded in the lineage as late.
import { describe, expect, it } from 'vitest';
import { createCentreTracker } from '../../../src/centre/fusion/centre-tracker.ts';
import type { TrackPicture } from '../../../src/centre/fusion/picture.ts';
import { createRng } from '../../../src/physics/random.ts';
import type { SensorReport } from '../../../src/sensors/report.ts';
import { DEG, type Face, type Geo, gmstOf, inTimeOrder, irReports, radarReports, truthOf } from './scenes.ts';

const truth = truthOf(`  - type: launch
    id: L1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [35.0, -90.0]
    at: 60s
`);
const gmst = gmstOf(truth);
const rv = truth.objects.find((o) => o.kind === 'rv')!;
const sats: Geo[] = [
  { id: 'geo-a', lonRad: 60 * DEG, revisitS: 10, phaseS: 0, sigmaRad: 30e-6 },
  { id: 'geo-b', lonRad: 130 * DEG, revisitS: 10, phaseS: 5, sigmaRad: 30e-6 },
];
const face: Face = {
  id: 'near:1',
  site: { latRad: 56.5 * DEG, lonRad: 91.5 * DEG, hM: 200 },
  scanS: 2,
  phaseS: 0.5,
  noise: { sigmaRangeM: 30, sigmaAngleRad: 5e-4, sigmaRangeRateMps: 5 },
  maxRangeM: 4e6,
  minElevationRad: 1 * DEG,
};
const rng = createRng(8, 'order');
const reports = inTimeOrder<SensorReport>([
  ...irReports(truth, sats, gmst, 60, 400, rng),
  ...radarReports(truth, [face], gmst, 60, 400, rng, (o) => o === rv),
]);
const END = 400;

function run(feed: readonly SensorReport[]): { picture: TrackPicture; late: number } {
  const centre = createCentreTracker({ gmst });
  for (const r of feed) centre.ingest(r);
  return { picture: centre.picture(END), late: centre.stats().lateReports };
}

/** Arrival order when each report is delayed by a random time in [0, maxDelay). */
function shuffled(maxDelayS: number, seed: number): SensorReport[] {
  const delay = createRng(seed, 'delay');
  return reports
    .map((r) => ({ r, arrival: r.timeS + maxDelayS * delay.uniform() }))
    .sort((a, b) => a.arrival - b.arrival)
    .map((x) => x.r);
}

describe('out-of-order reports', () => {
  const inOrder = run(reports);

  it('the feed really arrives out of order', () => {
    const feed = shuffled(1.9, 1);
    let inversions = 0;
    for (let i = 1; i < feed.length; i++) if (feed[i]!.timeS < feed[i - 1]!.timeS) inversions++;
    expect(inversions).toBeGreaterThan(5);
  });

  it('within the reorder delay, the picture equals the in-order picture', () => {
    for (const seed of [1, 2, 3]) {
      const { picture, late } = run(shuffled(1.9, seed));
      expect(late).toBe(0);
      expect(picture.tracks.map((t) => t.id)).toEqual(inOrder.picture.tracks.map((t) => t.id));
      picture.tracks.forEach((t, i) => {
        const ref = inOrder.picture.tracks[i]!;
        expect(t.lineage.reportIds).toEqual(ref.lineage.reportIds);
        for (let k = 0; k < 3; k++) {
          expect(t.positionEciM[k]).toBeCloseTo(ref.positionEciM[k]!, 6);
          expect(t.velocityEciMps[k]).toBeCloseTo(ref.velocityEciMps[k]!, 9);
        }
        expect(t.covariance[0]).toBeCloseTo(ref.covariance[0]!, 6);
      });
    }
  });

  it('reports later than the buffer leave the tracks as they would be without them, and are recorded as late', () => {
    const pick = createRng(9, 'late');
    const delayed = new Set<SensorReport>();
    const radar = reports.filter((r) => r.kind === 'radar' && r.timeS > 250 && r.timeS < 380);
    while (delayed.size < 8) delayed.add(radar[pick.integer(radar.length)]!);
    const without = run(reports.filter((r) => !delayed.has(r)));
    // The delayed reports arrive 15 s after their time.
    const feed = reports
      .map((r) => ({ r, arrival: r.timeS + (delayed.has(r) ? 15 : 0) }))
      .sort((a, b) => a.arrival - b.arrival)
      .map((x) => x.r);
    const withLate = run(feed);
    expect(withLate.late).toBe(8);
    expect(withLate.picture.tracks.map((t) => t.id)).toEqual(without.picture.tracks.map((t) => t.id));
    withLate.picture.tracks.forEach((t, i) => {
      const ref = without.picture.tracks[i]!;
      expect(t.positionEciM).toEqual(ref.positionEciM);
      expect(t.covariance).toEqual(ref.covariance);
    });
    const lateIds = withLate.picture.tracks.flatMap((t) => t.lineage.lateReportIds);
    expect(new Set(lateIds)).toEqual(new Set([...delayed].map((r) => r.id)));
  });

  it('garbled reports are counted and set aside, leaving the picture as it was', () => {
    const garbled: SensorReport[] = reports
      .slice(0, 3)
      .map((r, i) =>
        r.kind === 'radar'
          ? { ...r, id: `bad${i}`, rangeM: Number.NaN }
          : { ...r, id: `bad${i}`, losEci: [0, 0, 0] as [number, number, number] },
      );
    const centre = createCentreTracker({ gmst });
    for (const r of inTimeOrder([...reports, ...garbled])) centre.ingest(r);
    const picture = centre.picture(END);
    expect(centre.stats().reportsRejected).toBe(3);
    expect(picture.tracks.map((t) => t.positionEciM)).toEqual(
      inOrder.picture.tracks.map((t) => t.positionEciM),
    );
  });
});
