// `vigil run`: the summary document's contract (DESIGN.md §5), its determinism, the
// files --out writes, and the exit codes for bad input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, tempDir, tempFile } from './helpers.ts';

const SCENARIO = `
name: CLI test
epoch: 2026-05-01T12:00:00Z
duration: 45m
seed: 7
defended: [USA]
events:
  - { type: launch, id: L1, class: icbm-solid, from: [55.0, 90.0], to: [40.0, -100.0], at: 60s }
  - { type: launch, id: M1, class: slbm, from: [40, -40], to: [40, -75], at: 5m, count: 2, spacing: 20s }
`;

describe('vigil run', () => {
  const file = tempFile('scenario.yaml', SCENARIO);

  it('prints a summary document with the contract fields', async () => {
    const r = await runCli('run', file, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining([
        'scenario',
        'seed',
        'epoch',
        'durationS',
        'truth',
        'reports',
        'tracks',
        'alerts',
        'warning',
      ]),
    );
    expect(doc.scenario).toBe('CLI test');
    expect(doc.seed).toBe(7);
    expect(doc.durationS).toBe(2700);
    const rv = doc.truth.objects.find((o: { id: string }) => o.id === 'L1/rv');
    expect(Object.keys(rv)).toEqual(
      expect.arrayContaining([
        'id',
        'kind',
        'eventId',
        'launchTimeS',
        'impactTimeS',
        'launch',
        'impact',
        'apogeeKm',
        'rangeKm',
      ]),
    );
    expect(rv.kind).toBe('rv');
    expect(rv.launchTimeS).toBe(60);
    // Lands on its aim point (within 1 km ≈ 0.01°).
    expect(Math.abs(rv.impact.latDeg - 40)).toBeLessThan(0.01);
    expect(Math.abs(rv.impact.lonDeg + 100)).toBeLessThan(0.015);
    // Two salvo launches, each an RV and three spent stages.
    expect(doc.truth.objects.filter((o: { eventId: string }) => o.eventId.startsWith('M1#')).length).toBe(8);
    expect(doc.warning.firstImpactS).toBeGreaterThan(300);
  });

  it('scores the track picture against the truth in a separate section', async () => {
    const doc = JSON.parse((await runCli('run', file, '--json')).stdout);
    const s = doc.scoring;
    expect(s.launches.total).toBe(3);
    expect(s.launches.confirmed).toBe(3);
    expect(s.tracks.meanPurity).toBeGreaterThan(0.8);
    expect(s.gospa.meanKm).toBeCloseTo(s.gospa.localisationKm + s.gospa.missedKm + s.gospa.falseKm, 1);
    expect(s.rmsPositionErrorKm).toBeLessThan(50);
  });

  it('--seed overrides the scenario seed', async () => {
    const r = await runCli('run', file, '--json', '--seed', '42');
    expect(JSON.parse(r.stdout).seed).toBe(42);
  });

  it('gives byte-identical summary.json for the same scenario and seed', async () => {
    const a = tempDir();
    const b = tempDir();
    expect((await runCli('run', file, '--out', a, '--quiet')).code).toBe(0);
    expect((await runCli('run', file, '--out', b, '--quiet')).code).toBe(0);
    expect(readFileSync(join(a, 'summary.json'))).toEqual(readFileSync(join(b, 'summary.json')));
    expect(readFileSync(join(a, 'scene.czml'))).toEqual(readFileSync(join(b, 'scene.czml')));
  });

  it('--out writes a CZML scene and a GeoJSON scene', async () => {
    const dir = tempDir();
    await runCli('run', file, '--out', dir, '--quiet');
    const czml = JSON.parse(readFileSync(join(dir, 'scene.czml'), 'utf8'));
    expect(czml[0].id).toBe('document');
    const rv = czml.find((p: { id: string }) => p.id === 'L1/rv');
    expect(rv.position.referenceFrame).toBe('FIXED');
    expect(rv.position.cartesian.length % 4).toBe(0);
    // Positions are Earth-fixed metres: the first sample is the launch pad on the surface.
    const [, x, y, z] = rv.position.cartesian;
    expect(Math.hypot(x, y, z)).toBeGreaterThan(6.35e6);
    expect(Math.hypot(x, y, z)).toBeLessThan(6.39e6);
    const geo = JSON.parse(readFileSync(join(dir, 'scene.geojson'), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    const impacts = geo.features.filter(
      (f: { properties: { role: string } }) => f.properties.role === 'impact',
    );
    expect(impacts.length).toBeGreaterThan(0);
    const tracks = geo.features.filter(
      (f: { properties: { role: string } }) => f.properties.role === 'ground-track',
    );
    for (const t of tracks)
      for (const line of t.geometry.coordinates)
        for (let i = 1; i < line.length; i++) expect(Math.abs(line[i][0] - line[i - 1][0])).toBeLessThan(180);
  });

  it('prints a timeline naming every launch and impact', async () => {
    const r = await runCli('run', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/L1\s+launch from 55\.00°N 90\.00°E/);
    expect(r.stdout).toMatch(/M1#2\s+impact at 40\.00°N 75\.00°W/);
  });

  it('exits 2 with a located message when an aim point is out of reach', async () => {
    const bad = tempFile('far.yaml', SCENARIO.replace('class: slbm', 'class: srbm'));
    const r = await runCli('run', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /far\.yaml:\d+:\d+: events\[1\]\.to: aim point is \d+ km away, beyond the reach of class 'srbm'/,
    );
  });

  it('exits 2 on a bad flag, a missing file and a bad seed (real process exit codes)', () => {
    expect(spawnCli('run', file, '--seed', 'x').code).toBe(2);
    expect(spawnCli('run', '/no/such/file.yaml').code).toBe(2);
    expect(spawnCli('run', file, '--bogus').code).toBe(2);
    const ok = spawnCli('run', file, '--quiet');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
  });
});
