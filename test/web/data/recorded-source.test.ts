// A recorded run — the files `vigil run salvo --out DIR` writes — played by the
// console: the sensor network and the truth read from scene.czml agree with the
// features of scene.geojson written beside it, and the alerts stand at each time as
// the summary's warning block says.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkOfCzml, truthPackets } from '../../../web/src/data/czml-scene.ts';
import { RecordedSource, trackCountSeries } from '../../../web/src/data/recorded-source.ts';
import type { RunSummary } from '../../../web/src/data/summary-types.ts';

const REPO = resolve(import.meta.dirname, '../../..');
let dir: string;
let summary: RunSummary & { warning: Record<string, number | null> };
let czml: unknown[];
let geojsonRoles: Map<string, number>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-recorded-'));
  execFileSync(process.execPath, [join(REPO, 'bin/vigil.js'), 'run', 'salvo', '--out', dir, '--quiet'], {
    cwd: REPO,
  });
  summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  czml = JSON.parse(readFileSync(join(dir, 'scene.czml'), 'utf8'));
  const geojson = JSON.parse(readFileSync(join(dir, 'scene.geojson'), 'utf8')) as {
    features: Array<{ properties: { role: string; kind?: string } }>;
  };
  geojsonRoles = new Map();
  for (const f of geojson.features) {
    const key = f.properties.role === 'ground-track' ? 'flight' : f.properties.role;
    geojsonRoles.set(key, (geojsonRoles.get(key) ?? 0) + 1);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a recorded run in the console', () => {
  it('reads the sensor network of scene.czml: every satellite, radar and face of scene.geojson', () => {
    const network = networkOfCzml(czml);
    expect(network.satellites).toHaveLength(geojsonRoles.get('satellite-track')!);
    expect(network.radars).toHaveLength(geojsonRoles.get('radar-site')!);
    expect(network.radars.flatMap((r) => r.faces)).toHaveLength(geojsonRoles.get('radar-fan')!);
    const geo = network.satellites.find((s) => s.id === 'geo-e10')!;
    // A geostationary satellite stays over 10°E at 35,786 km.
    expect(geo.track[0]!.slice(1)).toEqual([0, 10, 35786.036]);
  });

  it('takes the truth of scene.czml: every flight, and the true launch and impact points', () => {
    const ids = (truthPackets(czml) as Array<{ id: string }>).map((p) => p.id);
    expect(ids[0]).toBe('document');
    expect(ids.filter((id) => id.startsWith('launch/'))).toHaveLength(geojsonRoles.get('launch')!);
    expect(ids.filter((id) => !/^(document|launch\/|impact\/)/.test(id))).toHaveLength(
      geojsonRoles.get('flight')!,
    );
    expect(ids.some((id) => id.startsWith('sensor/') || id.startsWith('fan/'))).toBe(false);
  });

  it('shows no attack warning just before the summary’s first one, and one from it on', async () => {
    const source = new RecordedSource(summary, czml);
    const first = summary.warning['firstAttackWarningS']!;
    await source.seek(first - 1);
    expect([...source.model.alerts.values()].some((a) => a.level === 'attack-warning')).toBe(false);
    await source.seek(first);
    expect([...source.model.alerts.values()].some((a) => a.level === 'attack-warning')).toBe(true);
    await source.seek(summary.durationS);
    expect(source.model.alerts.size).toBe(summary.alerts.length);
    source.close();
  });

  it('holds no tracks before the first detection', () => {
    const series = trackCountSeries(summary, 10);
    const before = series.filter(([t]) => t < summary.warning['firstDetectionS']! - 30);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every(([, n]) => n === 0)).toBe(true);
    expect(Math.max(...series.map(([, n]) => n))).toBeGreaterThan(0);
  });
});
