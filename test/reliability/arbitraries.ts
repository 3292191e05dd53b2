// Shared pieces of the fuzz suite (issue 9): how many cases each property tries and
// with which seed, a runner that counts the cases, bounds each one in time (a hang
// check, not a speed test) and says how to replay a failure, and the generators of
// hostile input every decoder meets — mutated text, strange values, and structural
// mutations (delete, rename, retype, insert) of a valid document.
//
// VIGIL_FUZZ_SEED fixes every property's seed (default: a fixed one per property, so
// a run is repeatable); VIGIL_FUZZ_RUNS scales every property's number of cases
// (default 1: the whole suite in well under a minute on one core).
import fc from 'fast-check';

const BASE_SEED = 20_260_509;

/** A generous bound on one case, ms: beyond it the decoder is taken to hang. */
export const CASE_LIMIT_MS = 2_000;

function envNumber(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${name}: expected a number, got '${text}'`);
  return value;
}

/** 32-bit FNV-1a of a property's name: each property its own fixed seed. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export function fuzzSeed(property: string): number {
  const fixed = envNumber('VIGIL_FUZZ_SEED');
  return fixed !== undefined ? Math.trunc(fixed) : (BASE_SEED ^ hashName(property)) | 0;
}

export function fuzzRuns(defaultRuns: number): number {
  return Math.max(1, Math.round(defaultRuns * (envNumber('VIGIL_FUZZ_RUNS') ?? 1)));
}

export interface FuzzResult {
  /** Cases tried, shrinking not counted. */
  count: number;
  seed: number;
  /** The slowest case, ms. */
  slowestMs: number;
}

function caseTimer(property: string) {
  let slowestMs = 0;
  return {
    measure(startMs: number, input: unknown) {
      const ms = performance.now() - startMs;
      slowestMs = Math.max(slowestMs, ms);
      if (ms > CASE_LIMIT_MS)
        throw new Error(`${property}: one case took ${ms.toFixed(0)} ms (hang?): ${preview(input)}`);
    },
    get slowestMs() {
      return slowestMs;
    },
  };
}

/** A short printable form of an input, for failure messages. */
export function preview(input: unknown): string {
  let text: string;
  if (typeof input === 'string') text = JSON.stringify(input);
  else if (input instanceof Uint8Array) text = `bytes ${Buffer.from(input).toString('base64')}`;
  else {
    try {
      text = JSON.stringify(input) ?? String(input);
    } catch {
      text = String(input);
    }
  }
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
}

/**
 * Runs `check` on `runs` generated inputs (scaled by VIGIL_FUZZ_RUNS) with the
 * property's seed. `check` throws on a wrong answer; a case slower than CASE_LIMIT_MS
 * fails too. fast-check's failure report carries the seed and path to replay it.
 */
export function fuzz<T>(
  property: string,
  arb: fc.Arbitrary<T>,
  check: (input: T) => void,
  runs: number,
): FuzzResult {
  const seed = fuzzSeed(property);
  const timer = caseTimer(property);
  let count = 0;
  fc.assert(
    fc.property(arb, (input) => {
      count++;
      const start = performance.now();
      check(input);
      timer.measure(start, input);
    }),
    { seed, numRuns: fuzzRuns(runs), endOnFailure: true },
  );
  return { count, seed, slowestMs: timer.slowestMs };
}

export async function fuzzAsync<T>(
  property: string,
  arb: fc.Arbitrary<T>,
  check: (input: T) => Promise<void>,
  runs: number,
): Promise<FuzzResult> {
  const seed = fuzzSeed(property);
  const timer = caseTimer(property);
  let count = 0;
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      count++;
      const start = performance.now();
      await check(input);
      timer.measure(start, input);
    }),
    { seed, numRuns: fuzzRuns(runs), endOnFailure: true },
  );
  return { count, seed, slowestMs: timer.slowestMs };
}

/** The figure's detail line: the seed to replay with and the slowest case. */
export function fuzzDetail(results: readonly FuzzResult[]): string {
  const seeds = [...new Set(results.map((r) => r.seed))].join(', ');
  const slowest = Math.max(0, ...results.map((r) => r.slowestMs));
  return `seeds ${seeds}; slowest case ${slowest.toFixed(0)} ms`;
}

export const total = (results: readonly FuzzResult[]) => results.reduce((n, r) => n + r.count, 0);

// --- hostile values ---

/** Text that parsers and number readers trip on. */
export const NASTY_STRINGS = [
  '',
  ' ',
  'NaN',
  '.nan',
  '-.inf',
  'Infinity',
  '-Infinity',
  '1e999',
  '-1e999',
  '0x7fffffff',
  '1_000',
  '9007199254740993',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'true',
  '~',
  '2026-02-30T25:61:61Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.001Z',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\u202E',
  '\u2028',
  '\u0085',
  '\u001b[31m',
  '😀',
  'Ω≈ç√',
  '../../etc/passwd',
  '%s%n',
  '$' + '{x}',
  "'; DROP TABLE runs; --",
];

/** Numbers at and past the edges. */
export const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1e-320,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 32 + 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** A value nested `depth` deep in arrays or objects. */
export const deepValue = fc.tuple(fc.integer({ min: 1, max: 400 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
});

/** A value a decoder may find where it expects another: any JSON, the edges, deep or long. */
export const strangeValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], {}, null, true, false) },
  { weight: 1, arbitrary: deepValue },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('x', 'é', '😀', '\u0000'))
      .map(([n, c]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.array(fc.double(), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Key names to rename to or insert: typos, prototype names, random. */
export const strangeKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'type',
    'id',
    'kind',
    '',
    'a\u2028b',
    'k\u0085',
    '\u001b[2J',
  ),
);

// --- mutations of text ---

const JUNK = [
  '- [',
  '? ',
  '&a ',
  '*a',
  '!!binary x',
  '!!js/function f',
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
  '\r',
  '\u2028',
  '__proto__: {a: 1}',
  '? [a]\n: 1\n',
  '{[x]: 1}',
  '.nan',
  '1e999',
];

export type TextMutation = (text: string) => string;

const at = (n: number, text: string) => n % (text.length + 1);

/** One edit of text: cut, insert random or junk, delete a run, overwrite characters, swap lines, repeat a slice. */
export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.nat().map((n) => (t: string) => t.slice(0, at(n, t))),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 30 })).map(([n, s]) => (t: string) => {
    const i = at(n, t);
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...JUNK)).map(([n, s]) => (t: string) => {
    const i = at(n, t);
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 60 })).map(([n, k]) => (t: string) => {
    const i = at(n, t);
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
  fc
    .tuple(fc.nat(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2, max: 50 }))
    .map(([n, k, times]) => (t: string) => {
      const i = at(n, t);
      return t.slice(0, i) + t.slice(i, i + k).repeat(times) + t.slice(i);
    }),
);

/** Applies one to four text mutations. */
export const mutatedText = (texts: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...texts), fc.array(textMutation, { minLength: 1, maxLength: 4 }))
    .map(([text, ms]) => ms.reduce((t, m) => m(t), text));

/** Flips one to eight bits of a byte string. */
export const bitFlips = (bytes: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 })
    .map((flips) => {
      const copy = Uint8Array.from(bytes);
      for (const [n, bit] of flips) if (copy.length > 0) copy[n % copy.length]! ^= 1 << bit;
      return copy;
    });

// --- mutations of structure ---

type Path = Array<string | number>;

/** Every path to a value inside `value`, own enumerable keys only. */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(path);
      pathsOf(v, path, out);
    }
  return out;
}

export interface StructuralMutation {
  /** Which path, modulo the number of paths. */
  pick: number;
  op: 'delete' | 'rename' | 'replace' | 'insert';
  key: string;
  value: unknown;
}

export const structuralMutation: fc.Arbitrary<StructuralMutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'rename', 'replace', 'insert'),
  key: strangeKey,
  value: strangeValue,
});

/**
 * A deep copy of `data` with one mutation applied at a chosen path: the value
 * deleted, its key renamed, the value replaced, or a key inserted beside it. Keys are
 * defined as own data properties, so `__proto__` becomes a real key as JSON.parse makes it.
 */
export function mutateData(data: unknown, m: StructuralMutation): unknown {
  const copy = structuredClone(data) as object;
  const paths = pathsOf(copy);
  if (paths.length === 0) return m.op === 'delete' ? copy : m.value;
  const path = paths[m.pick % paths.length]!;
  let parent: unknown = copy;
  for (const k of path.slice(0, -1)) parent = Reflect.get(parent as object, k);
  const last = path[path.length - 1]!;
  const define = (k: PropertyKey, v: unknown) =>
    Reflect.defineProperty(parent as object, k, {
      value: v,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  // Reflect only: a mutated array may carry an own 'constructor' key, which breaks its methods.
  if (m.op === 'delete') Reflect.deleteProperty(parent as object, last);
  else if (m.op === 'rename' && !Array.isArray(parent)) {
    const moved = Reflect.get(parent as object, last);
    Reflect.deleteProperty(parent as object, last);
    define(m.key, moved);
  } else if (m.op === 'replace') define(last, m.value);
  else define(Array.isArray(parent) ? (parent as unknown[]).length : m.key, m.value);
  return copy;
}

/** One to four structural mutations of one of `documents`. */
export const mutatedData = (documents: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc
    .tuple(fc.constantFrom(...documents), fc.array(structuralMutation, { minLength: 1, maxLength: 4 }))
    .map(([doc, ms]) => ms.reduce((d, m) => mutateData(d, m), doc));
