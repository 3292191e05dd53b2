// Every bundled scenario loads, explains itself in a comment block, and says what it
// claims to; and the DESIGN.md §5 scenario core keeps loading as written there.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, parseScenario } from '../../src/scenario/load.ts';
import type { LaunchSpec } from '../../src/scenario/scenario.ts';

const DIR = resolve(import.meta.dirname, '../../scenarios');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const D = Math.PI / 180;

const launches = (file: string) =>
  loadScenarioFile(join(DIR, file)).events.filter((e): e is LaunchSpec => e.type === 'launch');

/** Initial great-circle azimuth on a sphere, degrees (standard forward-azimuth formula). */
function initialAzimuthDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const y = Math.sin(lon2 - lon1) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(lon2 - lon1);
  return (((Math.atan2(y, x) / D) % 360) + 360) % 360;
}

describe('bundled scenarios', () => {
  it('has the four scenarios the README promises', () => {
    expect(files).toEqual(
      expect.arrayContaining(['polar-icbm.yaml', 'salvo.yaml', 'sounding-rocket.yaml', 'space-launch.yaml']),
    );
  });

  it.each(files)('%s validates and opens with a comment block explaining it', (file) => {
    const scenario = loadScenarioFile(join(DIR, file));
    expect(scenario.events.length).toBeGreaterThan(0);
    const text = readFileSync(join(DIR, file), 'utf8');
    const lines = text.split('\n');
    const comment = lines.slice(
      0,
      lines.findIndex((l) => !l.startsWith('#')),
    );
    expect(comment.length).toBeGreaterThanOrEqual(8);
    expect(comment.join('\n')).toMatch(/Where the numbers come from/);
  });

  it('polar-icbm flies one solid ICBM, min-energy, northward across the Arctic', () => {
    const [l1, ...rest] = launches('polar-icbm.yaml');
    expect(rest).toEqual([]);
    expect(l1!.vehicleClass).toBe('icbm-solid');
    expect(l1!.profile).toBe('min-energy');
    expect(l1!.aim.kind).toBe('target');
    if (l1!.aim.kind !== 'target') return;
    const az = initialAzimuthDeg(l1!.from.latRad, l1!.from.lonRad, l1!.aim.to.latRad, l1!.aim.to.lonRad);
    expect(Math.min(az, 360 - az)).toBeLessThan(20);
  });

  it('salvo mixes ICBMs and SLBMs at staggered times against the defended USA', () => {
    const scenario = loadScenarioFile(join(DIR, 'salvo.yaml'));
    expect(scenario.defended).toEqual([{ kind: 'country', name: 'USA' }]);
    const all = launches('salvo.yaml');
    const classes = new Set(all.map((l) => l.vehicleClass));
    expect([...classes].some((c) => c.startsWith('icbm'))).toBe(true);
    expect(classes.has('slbm')).toBe(true);
    expect(new Set(all.map((l) => l.atS)).size).toBeGreaterThanOrEqual(4);
    expect(all.reduce((n, l) => n + l.count, 0)).toBeGreaterThanOrEqual(6);
    for (const l of all) expect(l.aim.kind).toBe('target');
  });

  it('space-launch is an slv from Baikonur on azimuth 65°', () => {
    const [s1] = launches('space-launch.yaml');
    expect(s1!.vehicleClass).toBe('slv');
    expect(s1!.from.latRad).toBeCloseTo(45.9 * D, 12);
    expect(s1!.from.lonRad).toBeCloseTo(63.3 * D, 12);
    expect(s1!.aim).toEqual({ kind: 'azimuth', azimuthRad: 65 * D });
  });

  it('sounding-rocket goes north from Andøya to an apogee of about 1,450 km', () => {
    const [r1] = launches('sounding-rocket.yaml');
    expect(r1!.vehicleClass).toBe('sounding-rocket');
    expect(r1!.from.latRad).toBeCloseTo(69.29 * D, 12);
    expect(r1!.from.lonRad).toBeCloseTo(16.02 * D, 12);
    expect(r1!.aim).toEqual({ kind: 'azimuth', azimuthRad: 0 });
    expect(r1!.apogeeM).toBe(1_450_000);
  });
});

describe('the scenario core of DESIGN.md §5', () => {
  const core = `name: Polar shot
epoch: 2026-05-01T12:00:00Z
duration: 40m            # or seconds as a number
seed: 7
defended: [USA]          # ISO 3166-1 alpha-3 codes, country names, or polygons
events:
  - type: launch
    id: L1
    class: icbm-solid    # icbm-liquid | icbm-solid | slbm | irbm | mrbm | srbm | slv | sounding-rocket
    from: [55.0, 90.0]   # [latDeg, lonDeg]
    to: [35.0, -90.0]
    at: 60s              # after epoch; or seconds as a number
    profile: min-energy  # lofted | depressed; or apogeeKm: 1200 instead
  - type: launch
    id: S1
    class: slv           # space launches take an azimuth instead of 'to'
    from: [45.9, 63.3]
    azimuth: 65
    at: 10m
`;

  it('loads as written, with the defaults the contract names', () => {
    const s = parseScenario(core, 'core.yaml');
    expect(s.name).toBe('Polar shot');
    expect(s.epochUnixMs).toBe(Date.UTC(2026, 4, 1, 12, 0, 0));
    expect(s.durationS).toBe(2400);
    expect(s.seed).toBe(7);
    expect(s.network.preset).toBe('default');
    expect(s.policy.confirmRequires).toBe('dual-phenomenology');
    const [l1, s1] = s.events as LaunchSpec[];
    expect(l1).toMatchObject({
      id: 'L1',
      vehicleClass: 'icbm-solid',
      atS: 60,
      profile: 'min-energy',
      count: 1,
    });
    expect(l1!.aim).toEqual({ kind: 'target', to: { latRad: 35 * D, lonRad: -90 * D } });
    expect(s1).toMatchObject({ id: 'S1', vehicleClass: 'slv', atS: 600, profile: null, apogeeM: null });
  });

  it('takes duration and times as plain seconds, and apogeeKm instead of a profile', () => {
    const s = parseScenario(
      core
        .replace('duration: 40m', 'duration: 2400')
        .replace('at: 60s', 'at: 60')
        .replace('profile: min-energy', 'apogeeKm: 1200'),
      'core.yaml',
    );
    expect(s.durationS).toBe(2400);
    expect(s.events[0]).toMatchObject({ atS: 60, profile: null, apogeeM: 1_200_000 });
  });
});
