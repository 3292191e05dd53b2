// `vigil warning-time`: the single-launch answer (text and JSON), maps to files, and
// bad input with exit status 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../cli/helpers.ts';

describe('vigil warning-time', () => {
  it('prints the times after launch and the sensors behind each step', async () => {
    const r = await runCli('warning-time', '--launch', '55,90', '--target', '40,-95');
    expect(r.code).toBe(0);
    for (const step of ['first detection', 'launch-detected', 'launch-confirmed', 'attack-warning', 'impact'])
      expect(r.stdout).toContain(step);
    expect(r.stdout).toMatch(/Warning margin: \d+:\d\d \(\d+ s\)/);
    expect(r.stdout).toContain('defended USA');
  });

  it('--json gives the result with levels, margin and sensors', async () => {
    const r = await runCli(
      'warning-time',
      '--launch',
      '72,10',
      '--target',
      '55.75,37.6',
      '--class',
      'slbm',
      '--json',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ vehicleClass: 'slbm', network: 'default', defended: 'RUS', seed: 1 });
    expect(Object.keys(doc.levels)).toEqual([
      'event',
      'launch-detected',
      'launch-confirmed',
      'attack-warning',
    ]);
    expect(doc.warningMarginS).toBeCloseTo(doc.flightTimeS - doc.levels['attack-warning'].afterLaunchS, 6);
    expect(doc.levels['launch-confirmed'].sensors.length).toBeGreaterThan(0);
  });

  it('--map writes a PNG, an SVG with both maps, and GeoJSON cells', async () => {
    const dir = tempDir();
    for (const ext of ['png', 'svg', 'geojson']) {
      const out = join(dir, `map.${ext}`);
      const r = await runCli(
        'warning-time',
        '--map',
        '--target',
        '40,-95',
        '--grid',
        '30',
        '--workers',
        '2',
        '--out',
        out,
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`wrote ${out}`);
    }
    expect(readFileSync(join(dir, 'map.png')).subarray(1, 4).toString()).toBe('PNG');
    const svg = readFileSync(join(dir, 'map.svg'), 'utf8');
    expect(svg).toContain('Warning margin');
    expect(svg).toContain('Time from launch to launch-confirmed');
    const geo = JSON.parse(readFileSync(join(dir, 'map.geojson'), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(10);
    expect(Object.keys(geo.features[0].properties)).toEqual(
      expect.arrayContaining(['warningMarginMin', 'launch', 'confirmedS', 'attackWarningS', 'flightTimeS']),
    );
  }, 180_000);

  it.each([
    [['--launch', '55,90'], /needs --launch and --target/],
    [['--launch', '55,90', '--target', '40,-95', '--class', 'slv'], /--class: expected one of/],
    [['--launch', '55,90', '--target', '40,-95', '--network', 'nato'], /--network: expected one of/],
    [['--launch', '95,90', '--target', '40,-95'], /--launch: latitude 95/],
    [['--launch', '55,90', '--target', '40,-95', '--out', 'x.png'], /--out goes with --map/],
    [
      ['--map', '--target', '40,-95', '--launch-area', '55,90', '--out', 'x.png'],
      /exactly one of --target and --launch-area/,
    ],
    [['--map', '--target', '40,-95', '--out', 'x.pdf'], /\.png, \.svg or \.geojson/],
    [['--launch', '55,90', '--target', '55.1,90', '--class', 'icbm-solid'], /events\[0\]\.to/],
  ])('refuses %j with exit status 2', async (args, message) => {
    const r = await runCli('warning-time', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
