import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peerBenchDir } from '../../../bench/peer-bench-dir.ts';
import { parsePeerBenchScenario, parsePeerBenchTracks } from '../../../src/analysis/metrics/peer-bench.ts';
import { trackerConfigFor, trackPeerBenchScans } from '../../../src/analysis/metrics/peer-bench-run.ts';
import { scorePeerBench } from '../../../src/analysis/metrics/peer-bench-score.ts';
import { formatPath, InputError } from '../../../src/scenario/input-error.ts';
import { runCli, tempDir, tempFile } from '../../cli/helpers.ts';

// The shared benchmark files, read in place. A missing file fails these tests.
const BENCH = peerBenchDir();
const REFERENCE_GOSPA: Record<string, number> = { '10x100': 522.3, '100x100': 5946.9, '500x100': 28254.8 };
const scenarioPath = (name: string) => join(BENCH, `scenario_${name}_lam20_s1.json`);

const minimal = {
  format: 'peer-bench-scenario/1',
  parameters: {
    dt: 1,
    pd: 0.9,
    clutter_lambda: 20,
    sigma: 100,
    q: 10,
    box: { x: [-5e5, 5e5], y: [-5e5, 5e5], z: [0, 1e6] },
  },
  times: [0, 1, 2, 3],
  scans: [0, 1, 2, 3].map((k) => ({
    scan: k,
    t: k,
    measurements: [
      [1000 * k, 2000 * k, 300_000],
      [-200_000 + 10 * k, 0, 600_000],
    ],
  })),
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
    throw err;
  }
  return [];
}

/** The scenario as the tracker may see it: format, parameters, times and scans only. */
function withoutTruth(text: string): string {
  const { format, parameters, times, scans } = JSON.parse(text);
  return JSON.stringify({ format, parameters, times, scans });
}

describe('peer benchmark files', () => {
  it('a file with only format, parameters, times and scans parses and tracks', () => {
    const scenario = parsePeerBenchScenario(JSON.stringify(minimal), 'minimal.json');
    expect(scenario.groundTruth).toBeNull();
    expect(scenario.parameters.box).toEqual({ min: [-5e5, -5e5, 0], max: [5e5, 5e5, 1e6] });
    const out = trackPeerBenchScans(scenario.scans, trackerConfigFor(scenario.parameters));
    expect(out.tracks.map((t) => t.states.length)).toEqual([3, 3]);
    expect(out.tracks[0]!.states[0]![0]).toBe(1);
    expect(out.trackingWallS).toBeGreaterThan(0);
  });

  it('names the field path of a malformed measurement', () => {
    const bad = structuredClone(minimal) as { scans: { measurements: unknown[] }[] };
    bad.scans[3]!.measurements[1] = [1, 2];
    expect(problemsOf(() => parsePeerBenchScenario(JSON.stringify(bad), 'bad.json'))).toEqual([
      'scans[3].measurements[1]: expected a position [x, y, z] in m (an array of 3 numbers), got an array of 2',
    ]);
    bad.scans[2]!.measurements[0] = [1, 'x', 3];
    expect(problemsOf(() => parsePeerBenchScenario(JSON.stringify(bad), 'bad.json'))[0]).toBe(
      'scans[2].measurements[0][1]: expected a finite number, got "x"',
    );
  });

  it('reports a wrong format, bad parameters, missing scans and a JSON syntax error with its line', () => {
    const doc = { ...minimal, format: 'other', parameters: { ...minimal.parameters, pd: 1.5 } } as Record<
      string,
      unknown
    >;
    delete doc['scans'];
    expect(problemsOf(() => parsePeerBenchScenario(JSON.stringify(doc), 'x.json'))).toEqual([
      'format: expected "peer-bench-scenario/1", got "other"',
      'parameters.pd: expected a detection probability in (0, 1), got 1.5',
      'scans: expected an array of scans, got undefined',
    ]);
    try {
      parsePeerBenchScenario('{\n  "format": "peer-bench-scenario/1",\n  "times": [1,,2]\n}', 'broken.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems[0]!.line).toBe(3);
    }
    try {
      parsePeerBenchScenario('{"format": "peer-bench-scenario/1",\n "times": [1, 2', 'cut.json');
      expect.unreachable();
    } catch (err) {
      expect((err as InputError).problems[0]).toMatchObject({ source: 'cut.json', line: 2 });
    }
  });

  it('the tracker configuration needs σ, q, Pd and the clutter density, and says which is missing', () => {
    expect(problemsOf(() => trackerConfigFor({ sigma: 100, q: 10 }))).toEqual([
      'parameters.pd: needed (or --pd)',
      'parameters.clutter_lambda: needed with parameters.box (or --clutter-density)',
    ]);
    const config = trackerConfigFor(
      { sigma: 100, q: 10 },
      { detectionProbability: 0.8, clutterDensity: 1e-17 },
    );
    expect(config.detectionProbability).toBe(0.8);
    expect(config.region).toBeNull();
  });

  it('tracks files parse, and a state whose time is no scan time is an error', () => {
    const tracks = parsePeerBenchTracks(
      JSON.stringify({
        format: 'peer-bench-tracks/1',
        tracks: [{ id: 3, states: [[1, 0, 0, 0]] }],
        timing: { trackingWallS: 0.5 },
      }),
      't.json',
    );
    expect(tracks.trackingWallS).toBe(0.5);
    const scenario = parsePeerBenchScenario(readFileSync(scenarioPath('10x100'), 'utf8'), 's.json');
    expect(
      problemsOf(() => scorePeerBench(scenario, [{ id: 1, states: Float64Array.of(0.5, 0, 0, 0) }])),
    ).toEqual(['tracks[0].states[0][0]: time 0.5 s is no scan time']);
  });

  for (const name of ['10x100', '100x100', '500x100']) {
    it(`on scenario_${name}, mean GOSPA from the scans alone is below the reference's ${REFERENCE_GOSPA[name]}`, () => {
      const text = readFileSync(scenarioPath(name), 'utf8');
      const input = parsePeerBenchScenario(withoutTruth(text), 'input');
      expect(input.groundTruth).toBeNull();
      const out = trackPeerBenchScans(input.scans, trackerConfigFor(input.parameters));
      const truth = parsePeerBenchScenario(text, scenarioPath(name));
      const tracks = out.tracks.map((t) => ({ id: t.id, states: Float64Array.from(t.states.flat()) }));
      const score = scorePeerBench(truth, tracks);
      expect(score.perScan).toHaveLength(100);
      expect(score.mean.gospa).toBeLessThanOrEqual(REFERENCE_GOSPA[name]!);
    });
  }
});

describe('vigil track and vigil score', () => {
  it('track writes a tracks file that score reads, and score prints GOSPA with its terms', async () => {
    const dir = tempDir();
    const out = join(dir, 'tracks.json');
    const input = tempFile('input.json', withoutTruth(readFileSync(scenarioPath('10x100'), 'utf8')));
    const tracked = await runCli('track', '--input', input, '--out', out);
    expect(tracked.code).toBe(0);
    expect(tracked.stdout).toMatch(/100 scans, 2379 measurements → \d+ tracks/);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.format).toBe('peer-bench-tracks/1');
    expect(doc.timing.trackingWallS).toBeGreaterThan(0);
    const scored = await runCli('score', '--truth', scenarioPath('10x100'), '--tracks', out, '--json');
    expect(scored.code).toBe(0);
    const score = JSON.parse(scored.stdout);
    expect(score.gospa).toBeLessThanOrEqual(522.3);
    expect(score.localisation + score.missed + score.false).toBeCloseTo(score.gospa, 9);
    expect(score.trackingWallS).toBe(doc.timing.trackingWallS);
    const text = await runCli('score', '--truth', scenarioPath('10x100'), '--tracks', out);
    expect(text.stdout).toMatch(/^mean GOSPA \d+\.\d m over 100 scans \(localisation/);
  });

  it('exits 2 naming the field of a malformed scenario, and on a missing file', async () => {
    const bad = structuredClone(minimal) as { scans: { measurements: unknown[] }[] };
    bad.scans[3]!.measurements[1] = [1, 2];
    const input = tempFile('bad.json', JSON.stringify(bad));
    const r = await runCli('track', '--input', input, '--out', join(tempDir(), 't.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scans[3].measurements[1]: expected a position');
    const missing = await runCli('track', '--input', join(tempDir(), 'none.json'), '--out', 'x.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--input: cannot read');
    const noTruth = await runCli(
      'score',
      '--truth',
      tempFile('m.json', JSON.stringify(minimal)),
      '--tracks',
      input,
    );
    expect(noTruth.code).toBe(2);
  });
});
