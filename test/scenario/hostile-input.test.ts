// Hostile shapes the scenario loader must refuse cleanly: nesting and alias bombs,
// oversize files, and prototype pollution through __proto__ / constructor keys. (The
// random fuzzing of the loader is test/reliability/fuzz-scenario.test.ts.)
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/input-error.ts';
import { MAX_SCENARIO_BYTES, parseScenario } from '../../src/scenario/load.ts';

const RICH = `name: Rich
epoch: 2026-05-01T12:00:00Z
duration: 1h
defended: [USA, {polygon: [[60, -10], [60, 10], [70, 0]]}]
events:
  - {type: launch, id: L1, class: mrbm, from: [30, 40], to: [32, 45], at: 0, count: 3, spacing: 30s}
  - {type: glint, id: G1, region: {center: [47.5, -111.2], radiusKm: 300}, from: 2m, until: 10m}
  - {type: sensor-fault, id: F1, sensor: GEO-1, kind: replay, source: exercise-attack}
network:
  satellites:
    - {id: GEO-1, orbit: {geo: {lonDeg: -100}}, sensor: {mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50}}
  radars:
    - id: R
      site: [76.57, -68.3]
      faces: [{boresightDeg: 357, halfWidthDeg: 60, minElevationDeg: 3, maxElevationDeg: 85, maxRangeKm: 5556, band: UHF, revisitS: 5, rangeSigmaM: 50, angleSigmaDeg: 0.1}]
notifications:
  - {id: N1, regime: HCoC, kind: pre-launch, issued: 2026-04-30T12:00:00Z, vehicleClass: SLV, window: {start: 2026-05-01T12:00:00Z, end: 2026-05-01T13:00:00Z}, launchArea: {center: [28.5, -80.6], radiusKm: 50}, channel: NRRC}
policy: {confirmRequires: any}
centres: [{id: A}]
`;
/** Loads text; returns 'ok' or the InputError, and fails the property on any other throw. */
function load(text: string, name: string): 'ok' | InputError {
  try {
    parseScenario(text, name);
    return 'ok';
  } catch (err) {
    if (!(err instanceof InputError))
      throw new Error(`not an InputError: ${String(err)}\n--- input ---\n${text.slice(0, 2000)}`);
    for (const p of err.problems) {
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.message).not.toContain('\n');
      if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
      if (p.column !== undefined) expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
      for (const k of p.path) expect(['string', 'number']).toContain(typeof k);
    }
    return err;
  }
}

describe('hostile scenario input', () => {
  it('resource-exhaustion shapes are refused as InputError', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      laughs.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    const shapes = [
      '['.repeat(50_000) + ']'.repeat(50_000),
      `${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`,
      `${'- '.repeat(50_000)}x\n`,
      laughs.join('\n'),
      `name: ${'x'.repeat(MAX_SCENARIO_BYTES + 1)}`,
      'a: 1\n'.repeat(1000),
    ];
    for (const text of shapes) expect(load(text, 'deep.yaml')).toBeInstanceOf(InputError);
  });

  it('never pollutes Object.prototype', () => {
    load(`${RICH}__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\n`, 'p.yaml');
    load('{"__proto__": {"polluted": 1}, "name": "x"}', 'p.json');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
