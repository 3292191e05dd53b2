import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOrbit } from '../../../src/orbits/presets.ts';
import { geodeticToEcef } from '../../../src/physics/frames.ts';
import { createRng } from '../../../src/physics/random.ts';
import { angleBetween } from '../../../src/physics/vec3.ts';
import type { GlintSpec, HeatSourceSpec } from '../../../src/scenario/scenario.ts';
import { SUN_EXCLUSION_HALF_ANGLE_RAD } from '../../../src/sensors/ir/geometry.ts';
import { irSensor } from '../../../src/sensors/ir/satellite-sensor.ts';
import {
  bruteForceMinAltitudeM,
  collect,
  DEG,
  eciAbove,
  fixedOrbit,
  KM,
  satelliteSpec,
  staticPlume,
  worldOf,
} from './fixtures.ts';

const GEO_R = 42_164.17e3;
const AT_GEO_0 = [GEO_R, 0, 0];

describe('IR satellite sensor: geometry', () => {
  it('never reports a target behind the Earth, in either mode', () => {
    const world = worldOf([staticPlume('B/rv', [-(6371e3 + 300 * KM), 0, 0], 0, 600, 50)], 600);
    for (const mode of ['look-down', 'limb'] as const) {
      const sensor = irSensor(satelliteSpec('s', { mode }), fixedOrbit(AT_GEO_0));
      expect(collect(sensor, world, createRng(1, 's'))).toHaveLength(0);
    }
  });

  it('reports the same target in front of the Earth (look-down) or above the limb (limb)', () => {
    const front = worldOf([staticPlume('F/rv', [6371e3 + 300 * KM, 0, 0], 0, 600)], 600);
    expect(
      collect(
        irSensor(satelliteSpec('s', { mode: 'look-down' }), fixedOrbit(AT_GEO_0)),
        front,
        createRng(1, 's'),
      ).length,
    ).toBeGreaterThan(50);
    // Seen from GEO over (0, 0), a plume 300 km above (0, 90°E) is silhouetted against space.
    const side = worldOf([staticPlume('S/rv', [0, 6371e3 + 300 * KM, 0], 0, 600)], 600);
    const limb = collect(
      irSensor(satelliteSpec('s', { mode: 'limb' }), fixedOrbit(AT_GEO_0)),
      side,
      createRng(1, 's'),
    );
    expect(limb.length).toBeGreaterThan(50);
    expect(
      limb.every((r) => r.label.cause === 'object' && r.label.objectId === 'S/rv' && r.label.eventId === 'S'),
    ).toBe(true);
  });

  it('a limb sensor reports a plume exactly when the ray beyond it clears limb + margin (brute-force check)', () => {
    let seen = 0;
    let hidden = 0;
    fc.assert(
      fc.property(
        // Integers (m, and 1e-4 °): fast-check draws doubles evenly over their bit patterns, i.e. mostly near 0.
        fc.integer({ min: -800_000, max: 800_000 }).map((x) => x / 1e4),
        fc.integer({ min: -1_800_000, max: 1_800_000 }).map((x) => x / 1e4),
        fc.integer({ min: -50 * KM, max: 250 * KM }),
        fc.integer({ min: 0, max: 3_600_000 }).map((x) => x / 1e4),
        fc.integer({ min: 0, max: 1500 * KM }),
        fc.integer({ min: 20_000 * KM, max: 46_000 * KM }),
        (latDeg, lonDeg, tangentHM, azDeg, backM, rangeM) => {
          // A ray through a chosen tangent point; the plume backM before it, the satellite rangeM further back.
          const lat = latDeg * DEG;
          const lon = lonDeg * DEG;
          const az = azDeg * DEG;
          const tangent = geodeticToEcef(new Float64Array(3), lat, lon, tangentHM);
          const north = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
          const east = [-Math.sin(lon), Math.cos(lon), 0];
          const dir = north.map((c, k) => c * Math.cos(az) + east[k]! * Math.sin(az));
          const target = tangent.map((c, k) => c - backM * dir[k]!);
          const sat = target.map((c, k) => c - rangeM * dir[k]!);
          const world = worldOf([staticPlume('P/rv', target, 0, 30, 20)], 30);
          const sun = world.sunDirection(new Float64Array(3), 0);
          fc.pre(angleBetween(dir, sun) > SUN_EXCLUSION_HALF_ANGLE_RAD + 1 * DEG);
          const beyond = bruteForceMinAltitudeM(target, dir, 0, backM + 3000 * KM);
          fc.pre(Math.abs(beyond - 100 * KM) > 1 * KM);
          const sensor = irSensor(satelliteSpec('limb', { mode: 'limb', kind: 'starer' }), fixedOrbit(sat));
          const reports = collect(sensor, world, createRng(3, 'limb'));
          if (reports.length > 0) seen++;
          else hidden++;
          expect(reports.length > 0).toBe(beyond >= 100 * KM);
        },
      ),
      { numRuns: 200, seed: 17, unbiased: true },
    );
    expect(seen).toBeGreaterThan(20);
    expect(hidden).toBeGreaterThan(20);
  });

  it('never reports a target with the sun within the exclusion angle behind it', () => {
    const probe = worldOf([], 60);
    const sun = probe.sunDirection(new Float64Array(3), 0);
    // A plume on the terminator 300 km up, and a satellite 36,000 km anti-sunward of it:
    // the line of sight points at the sun and grazes nothing (it runs along the horizon).
    const horizontal = [sun[1]!, -sun[0]!, 0].map((c) => c / Math.hypot(sun[0]!, sun[1]!));
    const target = horizontal.map((c) => c * (6371e3 + 300 * KM));
    const toward = (offRad: number) => {
      // Line of sight turned by offRad from the sun, within the plane of sun and z.
      const side = [
        sun[1]! * horizontal[2]! - sun[2]! * horizontal[1]!,
        sun[2]! * horizontal[0]! - sun[0]! * horizontal[2]!,
        sun[0]! * horizontal[1]! - sun[1]! * horizontal[0]!,
      ];
      return sun.map((c, k) => c * Math.cos(offRad) + side[k]! * Math.sin(offRad));
    };
    const run = (offRad: number) => {
      const u = toward(offRad);
      const sat = target.map((c, k) => c - 36_000 * KM * u[k]!);
      const world = worldOf([staticPlume('X/rv', target, 0, 60, 20)], 60);
      return collect(
        irSensor(satelliteSpec('s', { mode: 'look-down' }), fixedOrbit(sat)),
        world,
        createRng(2, 's'),
      ).length;
    };
    expect(run(0)).toBe(0);
    expect(run(0.5 * SUN_EXCLUSION_HALF_ANGLE_RAD)).toBe(0);
    expect(run(2 * SUN_EXCLUSION_HALF_ANGLE_RAD)).toBeGreaterThan(0);
  });

  it('only reports plumes inside its field of regard', () => {
    const field = { center: { latRad: 0, lonRad: 0 }, radiusM: 1000 * KM };
    const probe = worldOf([], 60);
    const world = worldOf(
      [
        staticPlume('IN/rv', eciAbove(probe, 3, 3, 200 * KM), 0, 60, 5),
        staticPlume('OUT/rv', eciAbove(probe, 15, 0, 200 * KM), 0, 60, 5),
      ],
      60,
    );
    const orbit = makeOrbit({ kind: 'geo', lonRad: 0 }, world.epochUnixMs);
    const reports = collect(
      irSensor(satelliteSpec('st', { mode: 'look-down', kind: 'starer', revisitS: 1 }, field), orbit),
      world,
      createRng(4, 'st'),
    );
    expect(reports.length).toBeGreaterThan(30);
    expect(reports.every((r) => r.label.objectId === 'IN/rv')).toBe(true);
  });

  it('hides a plume below the cloud top and shows it above', () => {
    const probe = worldOf([], 60);
    const plume = [staticPlume('C/rv', eciAbove(probe, 0, 0, 10 * KM), 0, 60, 5)];
    const orbit = makeOrbit({ kind: 'geo', lonRad: 0 }, probe.epochUnixMs);
    const sensor = irSensor(satelliteSpec('s', { mode: 'look-down' }), orbit);
    expect(collect(sensor, worldOf(plume, 60, { cloudTopM: 12 * KM }), createRng(1, 's'))).toHaveLength(0);
    expect(
      collect(sensor, worldOf(plume, 60, { cloudTopM: 8 * KM }), createRng(1, 's')).length,
    ).toBeGreaterThan(3);
  });
});

describe('IR satellite sensor: timing and reports', () => {
  it('a scanner sees each point once per revisit, at a phase set by its azimuth about nadir', () => {
    const revisitS = 10;
    const north = [6371e3 * Math.cos(20 * DEG) + 200 * KM, 0, 6371e3 * Math.sin(20 * DEG)];
    const east = [6371e3 * Math.cos(25 * DEG) + 200 * KM, 6371e3 * Math.sin(25 * DEG), 0];
    const world = worldOf([staticPlume('N/rv', north, 0, 300, 5), staticPlume('E/rv', east, 0, 300, 5)], 300);
    const reports = collect(
      irSensor(satelliteSpec('s', { mode: 'look-down', revisitS }), fixedOrbit(AT_GEO_0)),
      world,
      createRng(6, 's'),
    );
    for (const [id, target] of [
      ['N/rv', north],
      ['E/rv', east],
    ] as const) {
      const times = reports.filter((r) => r.label.objectId === id).map((r) => r.report.timeS);
      expect(times.length).toBeGreaterThan(25);
      // Expected azimuth, read off the geometry: frame north = +z, east = +y over (0, 0).
      const u = target.map((c, k) => c - AT_GEO_0[k]!);
      let az = Math.atan2(u[1]!, u[2]!);
      if (az < 0) az += 2 * Math.PI;
      for (const t of times) expect(t % revisitS).toBeCloseTo((az / (2 * Math.PI)) * revisitS, 6);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(revisitS, 6);
    }
  });

  it('a starer looks at its whole field at once, every frame', () => {
    const world = worldOf([staticPlume('A/rv', [6371e3 + 200 * KM, 0, 0], 0, 100, 5)], 100);
    const reports = collect(
      irSensor(satelliteSpec('s', { mode: 'look-down', kind: 'starer', revisitS: 2 }), fixedOrbit(AT_GEO_0)),
      world,
      createRng(6, 's'),
    );
    expect(reports.length).toBeGreaterThan(45);
    for (const r of reports) expect(r.report.timeS % 2).toBe(0);
  });

  it('reports a body only while it burns', () => {
    const world = worldOf([staticPlume('B/rv', [6371e3 + 200 * KM, 0, 0], 0, 600, 5, 100, 250)], 600);
    const reports = collect(
      irSensor(satelliteSpec('s', { mode: 'look-down' }), fixedOrbit(AT_GEO_0)),
      world,
      createRng(6, 's'),
    );
    expect(reports.length).toBeGreaterThan(10);
    for (const r of reports) {
      expect(r.report.timeS).toBeGreaterThanOrEqual(100);
      expect(r.report.timeS).toBeLessThan(250);
    }
  });

  it('emits well-formed reports in time order: unit lines of sight near the truth, intensity, σ, count 1', () => {
    const target = [6371e3 + 200 * KM, 1000 * KM, 500 * KM];
    const world = worldOf(
      [
        staticPlume('A/rv', target, 0, 300, 1),
        staticPlume('B/rv', [6371e3 + 100 * KM, -900 * KM, 0], 0, 300, 1),
      ],
      300,
    );
    const reports = collect(
      irSensor(satelliteSpec('geo', { mode: 'look-down' }), fixedOrbit(AT_GEO_0)),
      world,
      createRng(8, 'geo'),
    );
    expect(reports.length).toBeGreaterThan(40);
    const ids = new Set<string>();
    let last = -1;
    for (const { report, label } of reports) {
      expect(report.timeS).toBeGreaterThanOrEqual(last);
      last = report.timeS;
      expect(ids.has(report.id)).toBe(false);
      ids.add(report.id);
      expect(label.reportId).toBe(report.id);
      expect(report.sensorId).toBe('geo');
      expect(Math.hypot(...report.losEci)).toBeCloseTo(1, 12);
      expect(report.sigmaRad).toBe(50e-6);
      expect(report.count).toBe(1);
      if (label.objectId === 'A/rv') {
        const u = target.map((c, k) => c - AT_GEO_0[k]!);
        expect(angleBetween(report.losEci, u)).toBeLessThan(6 * 50e-6);
        // The sensor scales by the range to the ground along its line of sight: a plume
        // 200 km up reads a little brighter than 1, well within the detection noise.
        expect(report.intensity).toBeGreaterThan(0.4);
        expect(report.intensity).toBeLessThan(1.8);
      }
    }
  });

  it('a degraded sensor detects less and reports its larger noise', () => {
    const world = worldOf([staticPlume('A/rv', [6371e3 + 200 * KM, 0, 0], 0, 300, 5)], 300);
    const spec = satelliteSpec('s', { mode: 'look-down' });
    expect(
      collect(
        irSensor(spec, fixedOrbit(AT_GEO_0), { pdFactor: 0, sigmaFactor: 1 }),
        world,
        createRng(1, 's'),
      ),
    ).toHaveLength(0);
    const noisy = collect(
      irSensor(spec, fixedOrbit(AT_GEO_0), { pdFactor: 1, sigmaFactor: 3 }),
      world,
      createRng(1, 's'),
    );
    expect(noisy.length).toBeGreaterThan(20);
    expect(noisy[0]!.report.sigmaRad).toBeCloseTo(150e-6, 15);
  });
});

describe('IR satellite sensor: sun glint', () => {
  it('a look-down sensor sees a glint under it; a limb sensor, looking only near the Earth edge, does not', () => {
    // Near the March equinox at 12:00 UTC the sun is over (0°, ~0°): a GEO satellite over
    // (0, 0) sees the sun's reflection straight below it, at α ≈ 0.
    const epochUnixMs = Date.UTC(2026, 2, 20, 12);
    const glint: GlintSpec = {
      type: 'glint',
      id: 'G',
      region: { center: { latRad: 0, lonRad: 0 }, radiusM: 800 * KM },
      fromS: 0,
      untilS: 300,
      cloudTopM: 10 * KM,
      angularWidthRad: 3 * DEG,
      intensity: null,
    };
    const world = worldOf([], 300, { epochUnixMs, phenomena: { glints: [glint], heatSources: [] } });
    const orbit = makeOrbit({ kind: 'geo', lonRad: 0 }, epochUnixMs);
    const lookDown = collect(
      irSensor(satelliteSpec('dsp', { mode: 'look-down' }), orbit),
      world,
      createRng(1, 'dsp'),
    );
    expect(lookDown.length).toBeGreaterThan(20);
    expect(lookDown.every((r) => r.label.cause === 'glint' && r.label.eventId === 'G')).toBe(true);
    expect(
      collect(irSensor(satelliteSpec('oko', { mode: 'limb' }), orbit), world, createRng(1, 'oko')),
    ).toHaveLength(0);
  });
});

describe('IR satellite sensor: heat sources', () => {
  it('a look-down sensor sees a fire; a limb sensor never does, though it sees a plume above it', () => {
    const probe = worldOf([], 1200);
    const site = { latRad: 10 * DEG, lonRad: 5 * DEG };
    const fire: HeatSourceSpec = {
      type: 'heat-source',
      id: 'FIRE',
      site,
      fromS: 0,
      untilS: 1200,
      intensity: 2,
    };
    const world = worldOf([staticPlume('P/rv', eciAbove(probe, 10, 5, 300 * KM), 0, 1200, 5)], 1200, {
      phenomena: { glints: [], heatSources: [fire] },
    });
    const lookDown = collect(
      irSensor(
        satelliteSpec('dsp', { mode: 'look-down' }),
        makeOrbit({ kind: 'geo', lonRad: 0 }, world.epochUnixMs),
      ),
      world,
      createRng(1, 'dsp'),
    );
    const fires = lookDown.filter((r) => r.label.cause === 'heat-source');
    expect(fires.length).toBeGreaterThan(60);
    expect(fires.every((r) => r.label.eventId === 'FIRE' && r.label.objectId === null)).toBe(true);
    // From GEO over 80°E the site lies 75° of arc away, near the limb.
    const limb = collect(
      irSensor(
        satelliteSpec('oko', { mode: 'limb' }),
        makeOrbit({ kind: 'geo', lonRad: 80 * DEG }, world.epochUnixMs),
      ),
      world,
      createRng(1, 'oko'),
    );
    expect(limb.filter((r) => r.label.cause === 'object').length).toBeGreaterThan(60);
    expect(limb.filter((r) => r.label.cause === 'heat-source')).toHaveLength(0);
  });
});

describe('IR satellite sensor: determinism', () => {
  const probe = worldOf([], 600);
  const world = worldOf(
    [
      staticPlume('A/rv', eciAbove(probe, 10, 0, 200 * KM), 0, 600, 1),
      staticPlume('B/rv', eciAbove(probe, -20, 30, 150 * KM), 0, 600, 0.8),
    ],
    600,
    {
      phenomena: {
        glints: [],
        heatSources: [
          {
            type: 'heat-source',
            id: 'H',
            site: { latRad: 0, lonRad: -0.3 },
            fromS: 0,
            untilS: 600,
            intensity: null,
          },
        ],
      },
    },
  );
  const orbitA = makeOrbit({ kind: 'geo', lonRad: 0 }, world.epochUnixMs);
  const orbitB = makeOrbit({ kind: 'geo', lonRad: 20 * DEG }, world.epochUnixMs);
  const a = irSensor(satelliteSpec('geo-a', { mode: 'look-down' }), orbitA);
  const b = irSensor(satelliteSpec('geo-b', { mode: 'look-down' }), orbitB);

  it('the same seed gives identical reports', () => {
    const first = collect(a, world, createRng(42).split('geo-a'));
    const second = collect(a, world, createRng(42).split('geo-a'));
    expect(first.length).toBeGreaterThan(50);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const other = collect(a, world, createRng(43).split('geo-a'));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
  });

  it("adding a sensor leaves another sensor's reports unchanged (one stream per sensor id)", () => {
    const alone = collect(a, world, createRng(42).split('geo-a'));
    const root = createRng(42);
    const withB = collect(b, world, root.split('geo-b'));
    const aBeside = collect(a, world, root.split('geo-a'));
    expect(withB.length).toBeGreaterThan(50);
    expect(JSON.stringify(aBeside)).toBe(JSON.stringify(alone));
  });
});
