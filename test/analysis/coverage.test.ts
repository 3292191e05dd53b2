// Coverage maps: who sees what where, from the sensors' own geometry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/analysis/coverage.ts';
import { parseUtcIso } from '../../src/physics/time.ts';
import { resolveNetwork } from '../../src/sensors/network.ts';
import { runCli, tempDir } from '../cli/helpers.ts';

const epochUnixMs = parseUtcIso('2026-05-01T12:00:00Z');
const net = (preset: string) =>
  resolveNetwork({ preset, satellites: [], radars: [], disabled: [], degraded: [] });

function cellIndex(r: ReturnType<typeof computeCoverage>, latDeg: number, lonDeg: number): number {
  const i = r.grid.latsDeg.findIndex((s) => latDeg >= s && latDeg < s + r.grid.cellDeg);
  const j = r.grid.lonsDeg.findIndex((w) => lonDeg >= w && lonDeg < w + r.grid.cellDeg);
  return i * r.grid.lonsDeg.length + j;
}

describe('coverage', () => {
  const r = computeCoverage(net('us-uk'), {
    epochUnixMs,
    atS: 0,
    altitudeM: 300_000,
    cloudTopM: 10_000,
    cellDeg: 5,
  });

  it('a geostationary scanner sees a rocket below it and not on the far side of the Earth', () => {
    // dsp-w35 sits over 35°W on the equator.
    expect(r.sensorsAt[cellIndex(r, 1, -36)]).toContain('dsp-w35');
    expect(r.sensorsAt[cellIndex(r, 1, 144)]).not.toContain('dsp-w35');
  });

  it('a radar face sees a rocket at 300 km in front of it and not behind it', () => {
    // Thule face 1 looks north (357°); 1,000 km north of Thule is over the Arctic Ocean.
    expect(r.sensorsAt[cellIndex(r, 84, -70)]).toContain('thule:1');
    expect(r.sensorsAt[cellIndex(r, 50, -70)]).not.toContain('thule:1');
    // 300 km up is seen by a radar only within ≈1,600–2,000 km (DOMAIN.md §5.5, 3° elevation).
    expect(r.sensorsAt[cellIndex(r, 30, 100)]!.some((id) => id.includes(':'))).toBe(false);
  });

  it('counts add up', () => {
    for (let k = 0; k < r.sensorCount.length; k++) {
      expect(r.sensorCount[k]).toBe(r.irCount[k]! + r.radarCount[k]!);
      expect(r.sensorsAt[k]!.length).toBe(r.sensorCount[k]);
    }
  });

  it('IR first sees a launch only after the plume clears the cloud top, later under higher clouds', () => {
    const low = computeCoverage(net('us-uk'), {
      epochUnixMs,
      atS: 0,
      altitudeM: 300_000,
      cloudTopM: 2_000,
      cellDeg: 10,
    });
    const high = computeCoverage(net('us-uk'), {
      epochUnixMs,
      atS: 0,
      altitudeM: 300_000,
      cloudTopM: 15_000,
      cellDeg: 10,
    });
    const k = cellIndex(low, 1, -36);
    expect(high.irDelayS[k]!).toBeGreaterThan(low.irDelayS[k]!);
    // DOMAIN.md §3.5: tens of seconds to about a minute, plus half a 10 s revisit.
    expect(low.irDelayS[k]!).toBeGreaterThan(5);
    expect(high.irDelayS[k]!).toBeLessThan(90);
  });

  it('vigil coverage writes a PNG map, an SVG map and GeoJSON cells', async () => {
    const dir = tempDir();
    for (const f of ['c.png', 'c.svg', 'c.geojson']) {
      const res = await runCli(
        'coverage',
        '--network',
        'us-uk',
        '--step',
        '10',
        '--out',
        join(dir, f),
        '--quiet',
      );
      expect(res.code, res.stderr).toBe(0);
    }
    expect(readFileSync(join(dir, 'c.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(dir, 'c.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*Sensors that see a rocket/);
    const geo = JSON.parse(readFileSync(join(dir, 'c.geojson'), 'utf8'));
    expect(geo.features.length).toBe(18 * 36);
    expect(geo.features[0].properties).toHaveProperty('irDelayS');
  });

  it('rejects an unknown network and a bad output type with exit 2', async () => {
    expect((await runCli('coverage', '--network', 'defualt')).stderr).toMatch(/did you mean 'default'/);
    expect((await runCli('coverage', '--out', 'x.bmp')).code).toBe(2);
  });
});
