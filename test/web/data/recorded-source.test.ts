// A recorded run — the files `vigil run salvo --out DIR` writes — played by the
// console: the sensor network and the truth read from scene.czml agree with the
// features of scene.geojson written beside it, the alerts stand at each time as the
// summary's warning block says, the centre's tracks are where the scene's track
// packets put them, and the defended territory is the scenario's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { networkOfCzml, truthPackets } from '../../../web/src/data/czml-scene.ts';
import { HISTORY_POINTS } from '../../../web/src/data/picture-model.ts';
import { RecordedSource, trackCountSeries } from '../../../web/src/data/recorded-source.ts';
import { RECORDED_STEP_S } from '../../../web/src/data/recorded-tracks.ts';
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

  it("shows at each time the tracks the scene's track packets hold at the last assessment, where they hold them", async () => {
    const source = new RecordedSource(summary, czml);
    const packets = (czml as TrackPacket[]).filter((p) => p.id.startsWith('track/'));
    const epochMs = Date.parse(summary.epoch);
    let shown = 0;
    for (const tS of [0, 117, 301, 602.5, 1203, summary.durationS]) {
      await source.seek(tS);
      const stepS = Math.floor(tS / RECORDED_STEP_S) * RECORDED_STEP_S;
      const expected = new Map<string, [number, number, number]>();
      for (const p of packets) {
        const t0 = (Date.parse(p.position.epoch) - epochMs) / 1000;
        const c = p.position.cartographicDegrees;
        for (let i = 0; i < c.length; i += 4)
          if (Math.abs(t0 + c[i]! - stepS) < 1e-6)
            expected.set(p.id.slice(6), [c[i + 2]!, c[i + 1]!, c[i + 3]!]);
      }
      expect([...source.model.tracks.keys()].sort(), `at ${tS}`).toEqual([...expected.keys()].sort());
      for (const [id, [latDeg, lonDeg, altM]] of expected) {
        const t = source.model.tracks.get(id)!;
        const at = t.position ?? { ...t.groundPoint!, altKm: 0 };
        expect([at.latDeg, at.lonDeg]).toEqual([latDeg, lonDeg]);
        expect(at.altKm * 1000).toBeCloseTo(altM, 6);
        const trail = source.model.history.get(id)!;
        expect(trail.length).toBeLessThanOrEqual(4 * HISTORY_POINTS);
        expect(trail.slice(-4)).toEqual([stepS, latDeg, lonDeg, at.altKm]);
      }
      shown += expected.size;
    }
    expect(shown).toBeGreaterThan(10);
    source.close();
  });

  it('holds every track the summary lists, and a track of the first attack warning when it is raised', async () => {
    const ids = new Set(
      (czml as TrackPacket[]).filter((p) => p.id.startsWith('track/')).map((p) => p.id.slice(6)),
    );
    for (const t of summary.tracks) expect(ids.has(t.id), t.id).toBe(true);
    const source = new RecordedSource(summary, czml);
    const first = summary.warning['firstAttackWarningS']!;
    await source.seek(first);
    const warning = [...source.model.alerts.values()].find((a) => a.level === 'attack-warning')!;
    expect(warning.trackIds.some((id) => source.model.tracks.has(id))).toBe(true);
    source.close();
  });

  it("draws the scenario's defended territory", async () => {
    const scenario = parse(readFileSync(join(REPO, 'scenarios/salvo.yaml'), 'utf8')) as {
      defended: string[];
    };
    const source = new RecordedSource(summary, czml);
    await expect(source.defended()).resolves.toEqual({ countries: scenario.defended, polygons: [] });
    source.close();
  });
});

interface TrackPacket {
  id: string;
  position: { epoch: string; cartographicDegrees: number[] };
}
