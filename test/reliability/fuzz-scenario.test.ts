// Fuzzing the scenario decoder as `vigil validate` and the API run it (load, launches
// flyable, network resolvable): random text, random YAML and JSON structures, and
// mutations of every bundled scenario — fields deleted, renamed, retyped, huge or
// NaN-ish numbers, deep nesting, long strings, unicode, text cut and spliced. Every
// input must give a scenario (with finite numbers) or an InputError whose problems
// are located; never another exception, never a case slower than the hang bound.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  deepValue,
  type FuzzResult,
  fuzz,
  fuzzDetail,
  mutatedData,
  mutatedText,
  NASTY_STRINGS,
  strangeValue,
  total,
} from './arbitraries.ts';
import { checkScenarioInput, type Verdict } from './decoder-checks.ts';
import { reportFigure } from './figures.ts';

const DIR = resolve(import.meta.dirname, '../../scenarios');
const BUNDLED = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(join(DIR, f), 'utf8'));
const DOCUMENTS = BUNDLED.map((t) => parse(t) as unknown);
/** The keys a scenario file uses at any depth, so random structures resemble one. */
const KEYS = [
  ...new Set(BUNDLED.flatMap((t) => [...t.matchAll(/^\s*-?\s*([A-Za-z]+):/gm)].map((m) => m[1]!))),
];

/** Serialises a value as YAML or JSON; YAML's stringify refuses some values (then JSON). */
function serialise(value: unknown, asJson: boolean): string {
  if (!asJson)
    try {
      return stringify(value);
    } catch {
      // e.g. a key the YAML writer cannot emit: fall through to JSON.
    }
  return JSON.stringify(value) ?? 'null';
}

const format = fc.constantFrom('yaml', 'json');
const named = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, format).map(([t, f]) => ({ text: t, name: `fuzz.${f}` }));

const scenarioLike = fc.dictionary(fc.constantFrom(...KEYS), strangeValue, { maxKeys: 10 });

const PROPERTIES: Array<[string, fc.Arbitrary<{ text: string; name: string }>, number]> = [
  [
    'random text',
    named(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc
          .array(fc.constantFrom(...NASTY_STRINGS, ':', '- ', '\n', '  ', '{', '[', ',', '"'), {
            maxLength: 60,
          })
          .map((parts) => parts.join('')),
      ),
    ),
    400,
  ],
  [
    'random structures',
    fc
      .tuple(fc.oneof(fc.jsonValue({ maxDepth: 5 }), scenarioLike, deepValue), fc.boolean())
      .map(([v, asJson]) => ({ text: serialise(v, asJson), name: asJson ? 'fuzz.json' : 'fuzz.yaml' })),
    400,
  ],
  ['text mutations of the bundled scenarios', named(mutatedText(BUNDLED)), 700],
  [
    'structural mutations of the bundled scenarios',
    fc
      .tuple(mutatedData(DOCUMENTS), fc.boolean())
      .map(([v, asJson]) => ({ text: serialise(v, asJson), name: asJson ? 'fuzz.json' : 'fuzz.yaml' })),
    700,
  ],
];

describe('scenario decoder fuzzing', () => {
  const results: FuzzResult[] = [];
  const verdicts: Record<Verdict, number> = { accepted: 0, rejected: 0 };

  for (const [what, arb, runs] of PROPERTIES)
    it(`${what}: a scenario or a located InputError, nothing else`, () => {
      results.push(
        fuzz(
          `scenario: ${what}`,
          arb,
          ({ text, name }) => {
            verdicts[checkScenarioInput(text, name)]++;
          },
          runs,
        ),
      );
    });

  it('every bundled scenario is still accepted (the checks do not just reject everything)', () => {
    for (const text of BUNDLED) expect(checkScenarioInput(text, 'bundled.yaml')).toBe('accepted');
    // Mutations that keep a file valid exist among the cases tried: the decoder said yes as well as no.
    // Every property above passed (a failed one leaves no result): only then is the figure recorded.
    expect(results).toHaveLength(PROPERTIES.length);
    expect(verdicts.accepted).toBeGreaterThan(0);
    expect(verdicts.rejected).toBeGreaterThan(0);
    reportFigure({
      subject: 'scenario decoder',
      tried: 'fuzzed inputs',
      count: total(results),
      failure: 'crashes, hangs or unlocated rejections',
      failures: 0,
      detail: `${verdicts.accepted} accepted, ${verdicts.rejected} rejected; ${fuzzDetail(results)}`,
    });
  });
});
