import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gmstAt } from '../../../src/orbits/sidereal.ts';
import { ecefToEci, eciToEcef, geodeticToEcef } from '../../../src/physics/frames.ts';
import { createRng } from '../../../src/physics/random.ts';
import type { RadarFaceSpec } from '../../../src/scenario/scenario.ts';
import { dbToRatio, swerling1Pd, swerling3Pd } from '../../../src/sensors/radar/detection.ts';
import { RadarFace } from '../../../src/sensors/radar/face.ts';
import { HORIZONTAL_REFRACTION_RAD } from '../../../src/sensors/radar/horizon.ts';
import { radarFaces } from '../../../src/sensors/radar/radar.ts';
import type { TruthObject } from '../../../src/world/truth.ts';
import {
  collect,
  D,
  EPOCH_MS,
  faceSpec,
  fixedObject,
  type Plot,
  radarSpec,
  straightObject,
  worldOf,
} from './scene.ts';

const PLAIN_4_3 = { k: 4 / 3, layerTopM: Number.POSITIVE_INFINITY };

// ---- Independent geometry, written here (not the face's code) ----------------------

interface Geometry {
  rangeM: number;
  azRad: number;
  elRad: number;
  /** True central angle between site and target, and the target's height above the site's sphere. */
  thetaRad: number;
  heightM: number;
  sphereM: number;
}

function geometry(
  site: Float64Array,
  latRad: number,
  lonRad: number,
  hM: number,
  p: ArrayLike<number>,
): Geometry {
  const d = [p[0]! - site[0]!, p[1]! - site[1]!, p[2]! - site[2]!];
  const up = [Math.cos(latRad) * Math.cos(lonRad), Math.cos(latRad) * Math.sin(lonRad), Math.sin(latRad)];
  const east = [-Math.sin(lonRad), Math.cos(lonRad), 0];
  const north = [
    up[1]! * east[2]! - up[2]! * east[1]!,
    up[2]! * east[0]! - up[0]! * east[2]!,
    up[0]! * east[1]! - up[1]! * east[0]!,
  ];
  const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  const rangeM = Math.sqrt(dot(d, d));
  const az = Math.atan2(dot(d, east), dot(d, north));
  const s = [site[0]!, site[1]!, site[2]!];
  const q = [p[0]!, p[1]!, p[2]!];
  const sphereM = Math.sqrt(dot(s, s)) - hM;
  return {
    rangeM,
    azRad: az < 0 ? az + 2 * Math.PI : az,
    elRad: Math.asin(dot(d, up) / rangeM),
    thetaRad: Math.acos(Math.min(1, dot(s, q) / Math.sqrt(dot(s, s) * dot(q, q)))),
    heightM: Math.sqrt(dot(q, q)) - sphereM,
    sphereM,
  };
}

/** Off-boresight angle in [0, π]. */
function offBoresight(azRad: number, boresightRad: number): number {
  const x = Math.abs((((azRad - boresightRad) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI));
  return Math.min(x, 2 * Math.PI - x);
}

/**
 * Largest true central angle at which a target at height H clears elevation ε on the
 * k-Earth, by DOMAIN.md §5.5: slant range ρ, then the angle at the centre by the law of cosines.
 */
function maxCentralAngle(siteM: number, heightM: number, eps: number, k: number, sphereM: number): number {
  const re = k * sphereM;
  const a = re + siteM;
  const b = re + heightM;
  const rho = -a * Math.sin(eps) + Math.sqrt(a * a * Math.sin(eps) ** 2 + b * b - a * a);
  return k * Math.acos((a * a + b * b - rho * rho) / (2 * a * b));
}

/** A target at a true central angle and azimuth (on the site's geocentric sphere) and a height. */
function targetAt(
  site: Float64Array,
  hM: number,
  azRad: number,
  thetaRad: number,
  heightM: number,
): Float64Array {
  const r = Math.hypot(site[0]!, site[1]!, site[2]!);
  const s = [site[0]! / r, site[1]! / r, site[2]! / r];
  const eastLen = Math.hypot(s[0]!, s[1]!);
  const e = [-s[1]! / eastLen, s[0]! / eastLen, 0];
  const n = [s[1]! * e[2]! - s[2]! * e[1]!, s[2]! * e[0]! - s[0]! * e[2]!, s[0]! * e[1]! - s[1]! * e[0]!];
  const radius = r - hM + heightM;
  const out = new Float64Array(3);
  for (let i = 0; i < 3; i++) {
    const tangent = Math.cos(azRad) * n[i]! + Math.sin(azRad) * e[i]!;
    out[i] = radius * (Math.cos(thetaRad) * s[i]! + Math.sin(thetaRad) * tangent);
  }
  return out;
}

interface GeometryCase {
  latDeg: number;
  lonDeg: number;
  altM: number;
  boresightDeg: number;
  halfWidthDeg: number;
  minElDeg: number;
  maxElDeg: number;
  maxRangeKm: number;
  /** [azimuth rad, central angle rad, height m] per target. */
  targets: Array<[number, number, number]>;
}

// A case is drawn uniformly from a seed (fast-check's doubles crowd at the bounds, which
// would put most targets straight overhead); fast-check explores and shrinks the seed.
function geometryCaseOf(seed: number): GeometryCase {
  const rng = createRng(seed, 'geometry-case');
  const between = (lo: number, hi: number) => lo + (hi - lo) * rng.uniform();
  const c: GeometryCase = {
    latDeg: between(-80, 80),
    lonDeg: between(-180, 180),
    altM: between(0, 500),
    boresightDeg: between(0, 360),
    halfWidthDeg: between(10, 90),
    minElDeg: between(0, 6),
    maxElDeg: between(20, 85),
    maxRangeKm: between(1000, 6000),
    targets: [],
  };
  // Targets around the sector (± 1.3 half-widths) out to 1.2 × the maximum range, so
  // that many fall inside and many near each boundary.
  const spread = 1.3 * c.halfWidthDeg * D;
  const reach = Math.min(0.9, (1.2 * c.maxRangeKm) / 6371);
  for (let i = 0; i < 150; i++)
    c.targets.push([c.boresightDeg * D + between(-spread, spread), between(0, reach), between(10e3, 3000e3)]);
  return c;
}

const geometryCase = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map(geometryCaseOf);

function runGeometryCase(c: GeometryCase, refractionIsPlain: boolean) {
  const spec = faceSpec({
    boresightRad: c.boresightDeg * D,
    halfWidthRad: c.halfWidthDeg * D,
    minElevationRad: c.minElDeg * D,
    maxElevationRad: c.maxElDeg * D,
    maxRangeM: c.maxRangeKm * 1e3,
  });
  const lat = c.latDeg * D;
  const lon = c.lonDeg * D;
  const site = geodeticToEcef(new Float64Array(3), lat, lon, c.altM);
  const objects: TruthObject[] = [];
  const geometries = new Map<string, Geometry>();
  c.targets.forEach(([az, theta, height], i) => {
    const p = targetAt(site, c.altM, az, theta, height);
    // Huge RCS: every object in coverage is detected (Pd = 1 to machine precision).
    objects.push(fixedObject(`o${i}`, i % 2 === 0 ? 'rv' : 'booster-stage', 1e9, p, 0, 6));
    geometries.set(`o${i}`, geometry(site, lat, lon, c.altM, p));
  });
  const face = new RadarFace(radarSpec(c.latDeg, c.lonDeg, c.altM, [spec]), spec, {
    falsePlotsPerScan: 0,
    refraction: refractionIsPlain ? PLAIN_4_3 : undefined,
  });
  const plots = collect(face, worldOf(objects, 5), createRng(1, spec.id));
  return { spec, plots, geometries, altM: c.altM };
}

function checkNeverOutside(
  spec: RadarFaceSpec,
  plots: Plot[],
  geometries: Map<string, Geometry>,
  altM: number,
) {
  for (const { label } of plots) {
    expect(label.cause).toBe('object');
    const g = geometries.get(label.objectId!)!;
    expect(g.rangeM).toBeLessThanOrEqual(spec.maxRangeM + 1e-6);
    expect(offBoresight(g.azRad, spec.boresightRad)).toBeLessThanOrEqual(spec.halfWidthRad + 1e-9);
    expect(g.elRad).toBeLessThanOrEqual(spec.maxElevationRad + 1e-9);
    // Above the horizon: never beyond what even the plain 4/3 Earth would show.
    expect(g.thetaRad).toBeLessThanOrEqual(
      maxCentralAngle(altM, g.heightM, spec.minElevationRad, 4 / 3, g.sphereM) + 1e-9,
    );
  }
}

describe('a radar face never reports outside its coverage (property, independent geometry)', () => {
  let reportedInAll = 0;

  it('with the plain 4/3 Earth: reports exactly the objects inside sector, range, elevation limits and horizon', () => {
    fc.assert(
      fc.property(geometryCase, (c) => {
        const { spec, plots, geometries, altM } = runGeometryCase(c, true);
        reportedInAll += plots.length;
        checkNeverOutside(spec, plots, geometries, altM);
        const reported = new Set(plots.map((p) => p.label.objectId));
        for (const [id, g] of geometries) {
          const clearlyInside =
            g.rangeM < spec.maxRangeM - 1e3 &&
            offBoresight(g.azRad, spec.boresightRad) < spec.halfWidthRad - 0.01 * D &&
            g.elRad < spec.maxElevationRad - 0.01 * D &&
            g.thetaRad < maxCentralAngle(altM, g.heightM, spec.minElevationRad, 4 / 3, g.sphereM) - 1e-4;
          if (clearlyInside) expect(reported.has(id)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
    // The cases must exercise the face: on average a sizeable share of targets is seen.
    expect(reportedInAll).toBeGreaterThan(40 * 20);
  });

  it('with the default layered refraction: inside the 4/3 horizon, and sees all the geometric horizon shows', () => {
    fc.assert(
      fc.property(geometryCase, (c) => {
        const { spec, plots, geometries, altM } = runGeometryCase(c, false);
        checkNeverOutside(spec, plots, geometries, altM);
        const reported = new Set(plots.map((p) => p.label.objectId));
        for (const { label } of plots) {
          // Refraction lifts a target by at most the total bending (plus the 0.2° between
          // the geodetic and geocentric verticals).
          const g = geometries.get(label.objectId!)!;
          expect(g.elRad).toBeGreaterThan(spec.minElevationRad - HORIZONTAL_REFRACTION_RAD - 0.2 * D);
        }
        for (const [id, g] of geometries) {
          const clearlyInside =
            g.rangeM < spec.maxRangeM - 1e3 &&
            offBoresight(g.azRad, spec.boresightRad) < spec.halfWidthRad - 0.01 * D &&
            g.elRad < spec.maxElevationRad - 0.01 * D &&
            g.thetaRad < maxCentralAngle(altM, g.heightM, spec.minElevationRad, 1, g.sphereM) - 1e-4;
          if (clearlyInside) expect(reported.has(id)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

// ---- Detection statistics ------------------------------------------------------------

/** One object at a fixed place in the middle of a face, and a face whose reference SNR is `snrDb` at its range. */
function singleTargetSetup(kind: 'booster-stage' | 'rv', snrDb: number, scans: number, revisitS = 1) {
  const site = geodeticToEcef(new Float64Array(3), 50 * D, 10 * D, 0);
  const target = targetAt(site, 0, 0, 2000e3 / 6371e3, 800e3);
  const rangeM = Math.hypot(target[0]! - site[0]!, target[1]! - site[1]!, target[2]! - site[2]!);
  const spec = faceSpec({ revisitS, refSnrDb: snrDb, refRangeM: rangeM });
  const duration = scans * revisitS;
  const world = worldOf([fixedObject('T', kind, 1, target, 0, duration + 1)], duration);
  return { spec, world, radar: radarSpec(50, 10, 0, [spec]), rangeM };
}

/** Detections over scans, with the binomial 4σ band around the expected Pd. */
function expectRate(detections: number, looks: number, pd: number) {
  const sigma = Math.sqrt((pd * (1 - pd)) / looks);
  expect(Math.abs(detections / looks - pd)).toBeLessThan(4 * sigma);
}

describe('detection rate over many seeded scans', () => {
  const looks = 4000;

  it('matches Swerling I for a booster stage at 13 dB (Pd 0.5172, binomial 4σ)', () => {
    const { spec, world, radar } = singleTargetSetup('booster-stage', 13, looks);
    const plots = collect(
      new RadarFace(radar, spec, { falsePlotsPerScan: 0 }),
      world,
      createRng(11, spec.id),
    );
    expect(swerling1Pd(dbToRatio(13), 1e-6)).toBeCloseTo(0.5172, 4);
    expectRate(plots.length, looks, 0.5172);
  });

  it('matches Swerling III for a re-entry vehicle at 13 dB (binomial 4σ)', () => {
    const { spec, world, radar } = singleTargetSetup('rv', 13, looks);
    const plots = collect(
      new RadarFace(radar, spec, { falsePlotsPerScan: 0 }),
      world,
      createRng(12, spec.id),
    );
    expectRate(plots.length, looks, swerling3Pd(dbToRatio(13), 1e-6));
  });

  it('matches Swerling I at 20 dB with Pfa 1e-4 (binomial 4σ)', () => {
    const { spec, world, radar } = singleTargetSetup('booster-stage', 20, looks);
    const face = new RadarFace(radar, spec, { falsePlotsPerScan: 0, pfa: 1e-4 });
    expectRate(collect(face, world, createRng(13, spec.id)).length, looks, swerling1Pd(100, 1e-4));
  });

  it('a degraded face keeps detections with probability pdFactor', () => {
    const { spec, world, radar } = singleTargetSetup('booster-stage', 13, looks);
    const face = new RadarFace(radar, spec, {
      falsePlotsPerScan: 0,
      degrade: { pdFactor: 0.5, sigmaFactor: 1 },
    });
    expectRate(collect(face, world, createRng(14, spec.id)).length, looks, 0.5 * 0.5172);
  });
});

describe('measurements', () => {
  it('range, azimuth and elevation are unbiased with the face σ; range rate has σ 5 m/s on UHF', () => {
    const { spec, world, radar, rangeM } = singleTargetSetup('booster-stage', 60, 2000);
    const plots = collect(
      new RadarFace(radar, spec, { falsePlotsPerScan: 0 }),
      world,
      createRng(21, spec.id),
    );
    expect(plots.length).toBe(2000);
    const stats = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return { mean, sd: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) };
    };
    const range = stats(plots.map((p) => p.report.rangeM - rangeM));
    expect(Math.abs(range.mean)).toBeLessThan((4 * 150) / Math.sqrt(2000));
    expect(range.sd / 150).toBeGreaterThan(0.93);
    expect(range.sd / 150).toBeLessThan(1.07);
    const az = stats(
      plots.map((p) => (p.report.azRad > Math.PI ? p.report.azRad - 2 * Math.PI : p.report.azRad)),
    );
    expect(az.sd / spec.angleSigmaRad).toBeGreaterThan(0.93);
    expect(az.sd / spec.angleSigmaRad).toBeLessThan(1.07);
    // A target fixed over the ground has no range rate.
    const rate = stats(plots.map((p) => p.report.rangeRateMps!));
    expect(Math.abs(rate.mean)).toBeLessThan((4 * 5) / Math.sqrt(2000));
    expect(rate.sd / 5).toBeGreaterThan(0.93);
    expect(rate.sd / 5).toBeLessThan(1.07);
    for (const { report } of plots) {
      expect(report.sigmaRangeM).toBe(150);
      expect(report.sigmaRangeRateMps).toBe(5);
      expect(report.sensorId).toBe('r:1');
      expect(report.radarId).toBe('r');
      expect(report.snrDb).toBeGreaterThan(20);
    }
  });

  it('a VHF face reports no range rate', () => {
    const { spec, world, radar } = singleTargetSetup('booster-stage', 60, 10);
    const vhf = { ...spec, band: 'VHF' as const };
    const plots = collect(new RadarFace(radar, vhf, { falsePlotsPerScan: 0 }), world, createRng(22, spec.id));
    expect(plots.length).toBe(10);
    for (const { report } of plots) {
      expect(report.rangeRateMps).toBeNull();
      expect(report.sigmaRangeRateMps).toBeNull();
    }
  });

  it("a scenario face's measuresRangeRate, pfa and falsePlotsPerScan override the band's and the defaults", () => {
    const { spec, world, radar } = singleTargetSetup('booster-stage', 60, 10);
    const noDoppler = { ...spec, measuresRangeRate: false, pfa: 1e-4, falsePlotsPerScan: 0 };
    const face = new RadarFace(radar, noDoppler);
    expect(face.pfa).toBe(1e-4);
    expect(face.falsePlotsPerScan).toBe(0);
    const plots = collect(face, world, createRng(22, spec.id));
    expect(plots.length).toBe(10);
    for (const { report } of plots) expect(report.rangeRateMps).toBeNull();
    const doppler = { ...spec, band: 'VHF' as const, measuresRangeRate: true, falsePlotsPerScan: 0 };
    for (const { report } of collect(new RadarFace(radar, doppler), world, createRng(22, spec.id)))
      expect(report.rangeRateMps).not.toBeNull();
  });

  it('measures the range rate of an object climbing away from the site (finite-difference oracle, 5σ)', () => {
    const spec = faceSpec({ maxElevationRad: 90 * D, halfWidthRad: Math.PI });
    const face = new RadarFace(radarSpec(30, 40, 0, [spec]), spec, { falsePlotsPerScan: 0 });
    const site = face.site.ecef;
    // 1,000 km above the site at t = 0, moving at 3 km/s along the ECI direction of the zenith.
    const gmst0 = gmstAt(EPOCH_MS, 0);
    const up = ecefToEci(new Float64Array(3), site, gmst0);
    const upLen = Math.hypot(up[0]!, up[1]!, up[2]!);
    const p0 = up.map((x) => x * (1 + 1000e3 / upLen));
    const v = up.map((x) => (3000 * x) / upLen);
    const world = worldOf([straightObject('T', 'payload', 1e6, p0, v, 0, 60)], 50);
    const plots = collect(face, world, createRng(23, spec.id));
    expect(plots.length).toBe(10);
    const rangeAt = (t: number) => {
      const eci = [p0[0]! + v[0]! * t, p0[1]! + v[1]! * t, p0[2]! + v[2]! * t];
      const e = eciToEcef(new Float64Array(3), eci, gmstAt(EPOCH_MS, t));
      return Math.hypot(e[0]! - site[0]!, e[1]! - site[1]!, e[2]! - site[2]!);
    };
    for (const { report } of plots) {
      const expected = (rangeAt(report.timeS + 0.01) - rangeAt(report.timeS - 0.01)) / 0.02;
      expect(expected).toBeGreaterThan(2900);
      expect(Math.abs(report.rangeRateMps! - expected)).toBeLessThan(25);
    }
  });
});

describe('seeded runs and independent streams', () => {
  function movingWorld(n: number, durationS: number) {
    const rng = createRng(99, 'objects');
    const objects: TruthObject[] = [];
    for (let i = 0; i < n; i++) {
      const lat = (rng.uniform() * 2 - 1) * 1.2;
      const lon = rng.uniform() * 2 * Math.PI;
      const r = 6.6e6 + rng.uniform() * 3e6;
      const p0 = [r * Math.cos(lat) * Math.cos(lon), r * Math.cos(lat) * Math.sin(lon), r * Math.sin(lat)];
      const v = [(rng.uniform() * 2 - 1) * 6e3, (rng.uniform() * 2 - 1) * 6e3, (rng.uniform() * 2 - 1) * 6e3];
      const t0 = rng.uniform() * durationS * 0.5;
      objects.push(
        straightObject(
          `m${i}`,
          i % 3 === 0 ? 'rv' : 'booster-stage',
          0.1 + rng.uniform() * 5,
          p0,
          v,
          t0,
          durationS,
        ),
      );
    }
    return worldOf(objects, durationS);
  }

  const world = movingWorld(300, 1800);
  const radar = radarSpec(
    64.3,
    -149.2,
    100,
    [faceSpec({ id: 'c:1', boresightRad: 244 * D }), faceSpec({ id: 'c:2', boresightRad: 4 * D })],
    'c',
  );

  it('reports something to compare (the moving world crosses the faces)', () => {
    const plots = collect(new RadarFace(radar, radar.faces[0]!), world, createRng(5, 'c:1'));
    expect(plots.filter((p) => p.label.cause === 'object').length).toBeGreaterThan(50);
    expect(plots.filter((p) => p.label.cause === 'clutter').length).toBeGreaterThan(50);
  });

  it('the same seed gives identical reports; another seed does not', () => {
    const a = collect(new RadarFace(radar, radar.faces[0]!), world, createRng(5, 'c:1'));
    const b = collect(new RadarFace(radar, radar.faces[0]!), world, createRng(5, 'c:1'));
    const c = collect(new RadarFace(radar, radar.faces[0]!), world, createRng(6, 'c:1'));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('adding a face does not change this face’s reports (each face on rng.split(faceId))', () => {
    const alone = radarSpec(64.3, -149.2, 100, [radar.faces[0]!], 'c');
    const [only] = radarFaces(alone);
    const both = radarFaces(radar);
    const root = createRng(5);
    const a = collect(only!, world, root.split('c:1'));
    const b = collect(both[0]!, world, root.split(both[0]!.id));
    collect(both[1]!, world, root.split(both[1]!.id));
    expect(b).toEqual(a);
  });

  it('false plots draw from their own stream: object plots are unchanged by the false-plot rate', () => {
    const strip = (plots: Plot[]) =>
      plots.filter((p) => p.label.cause === 'object').map((p) => ({ ...p.report, id: '' }));
    const quiet = collect(
      new RadarFace(radar, radar.faces[0]!, { falsePlotsPerScan: 0 }),
      world,
      createRng(5, 'c:1'),
    );
    const noisy = collect(
      new RadarFace(radar, radar.faces[0]!, { falsePlotsPerScan: 20 }),
      world,
      createRng(5, 'c:1'),
    );
    expect(strip(quiet).length).toBeGreaterThan(50);
    expect(strip(noisy)).toEqual(strip(quiet));
  });

  it('visibility culling changes nothing: the same reports as looking at every object every scan', () => {
    for (const face of radar.faces) {
      const culled = collect(new RadarFace(radar, face), world, createRng(8, face.id));
      const brute = collect(new RadarFace(radar, face, { cull: false }), world, createRng(8, face.id));
      expect(culled).toEqual(brute);
    }
  });

  it('reports come in time order, labelled with their object and event', () => {
    const plots = collect(new RadarFace(radar, radar.faces[1]!), world, createRng(9, 'c:2'));
    for (let i = 1; i < plots.length; i++)
      expect(plots[i]!.report.timeS).toBeGreaterThanOrEqual(plots[i - 1]!.report.timeS);
    for (const { report, label } of plots) {
      expect(label.reportId).toBe(report.id);
      if (label.cause === 'object') expect(label.eventId).toBe(`E-${label.objectId}`);
      else expect(label.objectId).toBeNull();
    }
  });
});
