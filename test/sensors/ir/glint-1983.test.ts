// The 1983 Oko false alarm geometry (DOMAIN.md §6.3): sunlight off high clouds over the
// US northern missile fields into a Molniya-orbit limb-viewing satellite, around 20:15
// UTC on 25 Sep 1983 (00:15 Moscow summer time, 26 Sep).
//
// Phasing. At 20:15 UTC the sun stands ≈40° above Malmstrom at azimuth ≈199°, so a
// horizontal cloud top reflects it towards NNE at ≈40° elevation; along that ray a
// satellite at 39,700 km would be over ≈77°N, 22°W (§6.3) — north of anything a
// Molniya orbit reaches (its ground track turns at the inclination, 63.4°N). The
// closest a Molniya satellite gets is its apogee in the same azimuth plane: with the
// apogee pass over 3°W at 20:15 (mean anomaly 172.5° at the 20:00 epoch, 0.5°/min to
// apogee at 180°) it sits over ≈63.4°N, 3°W at ≈39,770 km, seen from the glint field
// (centre 47°N, 105°W, radius 600 km: Malmstrom, Minot, Grand Forks, Ellsworth) at
// ≈33° elevation and ≈3° from the specular direction — inside a 3° glint width. From
// there the field lies ≈1.3° inside the Earth's edge, in the band a limb sensor's
// field of view covers (src/sensors/ir/view-rules.ts). Six hours later the same
// satellite is back over the same point of the Earth but the sun has set on the field.
import { describe, expect, it } from 'vitest';
import { makeOrbit } from '../../../src/orbits/presets.ts';
import { ecefToEci, geodeticToEcef } from '../../../src/physics/frames.ts';
import { greatCircleDistance } from '../../../src/physics/geodesy.ts';
import { createRng } from '../../../src/physics/random.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { irSensor } from '../../../src/sensors/ir/satellite-sensor.ts';
import { WorldView } from '../../../src/sensors/world-view.ts';
import { generateTruth } from '../../../src/world/generate.ts';
import { phenomenaOf } from '../../../src/world/phenomena.ts';
import { collect, DEG, KM, uniformWeather } from './fixtures.ts';

const FIELD = { latDeg: 47, lonDeg: -105, radiusKm: 600 };

function scenarioText(epoch: string): string {
  return `
name: Oko 1983 geometry
epoch: ${epoch}
duration: 30m
seed: 1983
defended: [RUS]
events:
  - type: glint
    id: G1983
    region: { center: [${FIELD.latDeg}, ${FIELD.lonDeg}], radiusKm: ${FIELD.radiusKm} }
    cloudTopKm: 12
    angularWidthDeg: 3
network:
  preset: none
  satellites:
    - id: oko-1
      orbit: { molniya: { apogeeLonDeg: -3, meanAnomalyDeg: 172.5 } }
      sensor: { mode: limb, kind: scanner, revisitS: 10, sigmaMicrorad: 100 }
`;
}

function run(epoch: string) {
  const scenario = parseScenario(scenarioText(epoch), 'test.yaml');
  const world = new WorldView(generateTruth(scenario), phenomenaOf(scenario), uniformWeather(10 * KM));
  const spec = scenario.network.satellites[0]!;
  const reports = collect(
    irSensor(spec, makeOrbit(spec.orbit, scenario.epochUnixMs)),
    world,
    createRng(scenario.seed).split(spec.id),
  );
  return { world, reports };
}

/** Where a line of sight meets the 12 km cloud-top sphere (mean radius), as [latRad, lonRad] at GMST g. */
function cloudHit(observer: number[], los: number[], gmst: number): [number, number] {
  const r = 6371e3 + 12 * KM;
  const b = observer[0]! * los[0]! + observer[1]! * los[1]! + observer[2]! * los[2]!;
  const c = observer[0]! ** 2 + observer[1]! ** 2 + observer[2]! ** 2 - r * r;
  const s = -b - Math.sqrt(b * b - c);
  const p = observer.map((o, k) => o + s * los[k]!);
  const lon = Math.atan2(p[1]!, p[0]!) - gmst;
  return [Math.asin(p[2]! / r), Math.atan2(Math.sin(lon), Math.cos(lon))];
}

describe('sun glint in the 1983 geometry', () => {
  const at2000 = run('1983-09-25T20:00:00Z');

  it("the world's sun stands ≈40° above Malmstrom at azimuth ≈199° at 20:15 UTC (DOMAIN.md §6.3)", () => {
    const t = 15 * 60;
    const lat = 47.5 * DEG;
    const lon = -111.18 * DEG;
    const g = at2000.world.gmst(t);
    const sun = at2000.world.sunDirection(new Float64Array(3), t);
    const up = ecefToEci(
      new Float64Array(3),
      [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)],
      g,
    );
    const north = ecefToEci(
      new Float64Array(3),
      [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)],
      g,
    );
    const east = ecefToEci(new Float64Array(3), [-Math.sin(lon), Math.cos(lon), 0], g);
    const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
    expect(Math.abs(Math.asin(dot(sun, up)) / DEG - 40)).toBeLessThan(1.5);
    let az = Math.atan2(dot(sun, east), dot(sun, north)) / DEG;
    if (az < 0) az += 360;
    expect(Math.abs(az - 199)).toBeLessThan(2);
  });

  it('a Molniya-orbit limb sensor reports glints over the northern missile fields within minutes of 20:15 UTC', () => {
    const glints = at2000.reports.filter((r) => r.label.cause === 'glint');
    expect(glints.length).toBe(at2000.reports.length);
    const nearOnset = glints.filter((r) => r.report.timeS >= 10 * 60 && r.report.timeS <= 20 * 60);
    expect(nearOnset.length).toBeGreaterThanOrEqual(5);
    for (const { report, label } of glints) {
      expect(label.eventId).toBe('G1983');
      expect(label.objectId).toBeNull();
      // The line of sight points into the cloud field (its edge blurred by the 100 µrad noise, ~4 km here).
      const [lat, lon] = cloudHit(report.observerEci, report.losEci, at2000.world.gmst(report.timeS));
      expect(greatCircleDistance(lat, lon, FIELD.latDeg * DEG, FIELD.lonDeg * DEG) / KM).toBeLessThan(
        FIELD.radiusKm + 20,
      );
    }
  });

  it('the same field with the sun moved six hours on produces no glint', () => {
    const later = run('1983-09-26T02:00:00Z');
    expect(later.reports).toHaveLength(0);
  });

  it('and geometry alone explains it: the sun has set on the field', () => {
    const later = run('1983-09-26T02:00:00Z');
    const lat = FIELD.latDeg * DEG;
    const lon = FIELD.lonDeg * DEG;
    const up = ecefToEci(
      new Float64Array(3),
      geodeticToEcef(new Float64Array(3), lat, lon, 0),
      later.world.gmst(15 * 60),
    );
    const sun = later.world.sunDirection(new Float64Array(3), 15 * 60);
    expect(up[0]! * sun[0]! + up[1]! * sun[1]! + up[2]! * sun[2]!).toBeLessThan(0);
  });
});
