// Fuzzing the loader with random mutations of valid scenario files: whatever the
// input, it returns a Scenario or throws InputError with well-formed problems —
// never another exception, never a hang (sizes are bounded), never a polluted prototype.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { InputError } from '../../src/scenario/input-error.ts';
import { MAX_SCENARIO_BYTES, parseScenario } from '../../src/scenario/load.ts';

const DIR = resolve(import.meta.dirname, '../../scenarios');
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
const VALID_TEXTS = [
  RICH,
  ...readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(DIR, f), 'utf8')),
];
const VALID_DATA = VALID_TEXTS.map((t) => parse(t) as unknown);

const JUNK = [
  '- [',
  '? ',
  '&a ',
  '*a',
  '!!binary x',
  '<<: *x',
  '{',
  ']',
  '\t',
  ': :',
  '"',
  "'",
  '#',
  '---',
  '...',
  '%YAML 1.1',
  '!foo',
  '|',
  '>-',
  '\u0000',
  '\uFEFF',
  '__proto__: {a: 1}',
  'constructor: {prototype: {x: 1}}',
];

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

const textMutation = fc.oneof(
  fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 30 })).map(([n, s]) => (t: string) => {
    const i = n % (t.length + 1);
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...JUNK)).map(([n, s]) => (t: string) => {
    const i = n % (t.length + 1);
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 60 })).map(([n, k]) => (t: string) => {
    const i = n % (t.length + 1);
    return t.slice(0, i) + t.slice(i + k);
  }),
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0xffff })), { minLength: 1, maxLength: 8 })
    .map((edits) => (t: string) => {
      const chars = [...t];
      for (const [n, code] of edits)
        if (chars.length > 0) chars[n % chars.length] = String.fromCharCode(code);
      return chars.join('');
    }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  }),
);

const strangeValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1e308,
    1e308,
    2 ** 53 + 1,
    -0,
    '',
    '__proto__',
    'x'.repeat(5000),
    [],
    {},
    null,
  ),
  fc.integer({ min: 1, max: 200 }).map((depth) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
);

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(path);
      pathsOf(v, path, out);
    }
  return out;
}

function mutateData(data: unknown, pick: number, op: number, key: string, value: unknown): unknown {
  const copy = structuredClone(data) as object;
  const paths = pathsOf(copy);
  const path = paths.length > 0 ? paths[pick % paths.length]! : [key];
  let parent: unknown = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return copy;
    parent = Reflect.get(parent, k);
  }
  if (typeof parent !== 'object' || parent === null) return copy;
  const last = path[path.length - 1]!;
  const define = (k: PropertyKey, v: unknown) =>
    Reflect.defineProperty(parent as object, k, {
      value: v,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  // Reflect only: a mutated array may carry an own 'constructor' key, which breaks splice.
  if (op === 0) Reflect.deleteProperty(parent, last);
  else if (op === 1 && !Array.isArray(parent)) {
    const moved = Reflect.get(parent, last);
    Reflect.deleteProperty(parent, last);
    define(key, moved);
  } else if (op === 2) define(last, value);
  else define(key, value);
  return copy;
}

describe('loader fuzzing', () => {
  it('random text mutations of valid files give a Scenario or an InputError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_TEXTS),
        fc.array(textMutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (text, mutations, asJson) => {
          const mutated = mutations.reduce((t, m) => m(t), text);
          load(mutated, asJson ? 'fuzz.json' : 'fuzz.yaml');
        },
      ),
      { numRuns: 600 },
    );
  });

  it('random structural mutations (delete, rename, retype, insert) give a Scenario or an InputError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_DATA),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.integer({ min: 0, max: 3 }),
            fc.oneof(
              fc.string({ maxLength: 12 }),
              fc.constantFrom('__proto__', 'constructor', 'prototype', 'clas', 'to', 'type'),
            ),
            strangeValue,
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.boolean(),
        (data, mutations, asJson) => {
          const mutated = mutations.reduce(
            (d, [pick, op, key, value]) => mutateData(d, pick, op, key, value),
            data,
          );
          const text = asJson ? JSON.stringify(mutated) : stringify(mutated);
          load(text, asJson ? 'fuzz.json' : 'fuzz.yaml');
        },
      ),
      { numRuns: 600 },
    );
  });

  it('arbitrary JSON values give a Scenario or an InputError', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        load(JSON.stringify(value) ?? 'null', 'any.json');
      }),
      { numRuns: 300 },
    );
  });

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
