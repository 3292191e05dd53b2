// Loading a scenario: text → YAML document (JSON is parsed as YAML too, so both get
// line and column positions) → schema check → normalised Scenario. Every problem in
// the file is collected and thrown together as one InputError, each located at
// file:line:column with its field path; nothing else is ever thrown for bad input.
import { readFileSync, statSync } from 'node:fs';
import {
  type Document,
  isAlias,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import type { z } from 'zod';
import { describeValue, printable, typeName } from './describe-value.ts';
import { type FieldPath, InputError, type InputProblem } from './input-error.ts';
import { missingKeyMessage, NO_FORM_MATCHES, scenarioErrorMap } from './issue-messages.ts';
import { locate } from './locate.ts';
import { normaliseScenario } from './normalise.ts';
import type { Scenario } from './scenario.ts';
import { type ScenarioFile, scenarioFileSchema } from './schema.ts';
import { nearest } from './suggest.ts';

export type ScenarioFormat = 'yaml' | 'json';

/** Largest scenario file read, bytes. */
export const MAX_SCENARIO_BYTES = 1 << 20;

/** Most problems listed for one file; the rest are counted in a last line. */
const MAX_PROBLEMS = 100;

/** Aliases expanded at most this many times, against "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

/** Reads, checks and normalises a scenario file (`.json` as JSON, anything else as YAML). */
export function loadScenarioFile(path: string): Scenario {
  return parseScenario(readScenarioText(path), path);
}

/** Checks and normalises scenario text; `sourceName` labels problems and picks the format by extension. */
export function parseScenario(text: string, sourceName: string, format?: ScenarioFormat): Scenario {
  return normaliseScenario(parseScenarioFile(text, sourceName, format), { name: sourceName, text });
}

/** Checks scenario text and returns it as written, with the schema's defaults applied. */
export function parseScenarioFile(text: string, sourceName: string, format?: ScenarioFormat): ScenarioFile {
  const fail = (message: string): never => {
    throw new InputError({ source: sourceName, path: [], message });
  };
  if (typeof text !== 'string') fail('expected scenario text');
  if (text.length > MAX_SCENARIO_BYTES) fail(`too large: a scenario is at most ${MAX_SCENARIO_BYTES} bytes`);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = new LineCounter();
  const doc = readDocument(body, lines, format ?? formatOf(sourceName), fail);

  const syntax = [...doc.errors, ...doc.warnings].map((e) => syntaxProblem(e, lines, sourceName));
  if (syntax.length > 0) throw new InputError(capped(sorted(syntax), sourceName));
  if (doc.contents === null)
    fail('the file is empty: a scenario needs at least name, epoch, duration, defended and events');
  const keys = nonTextKeys(doc, lines, sourceName);
  if (keys.length > 0) throw new InputError(capped(keys, sourceName));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    fail(`cannot read the document: ${printable(err instanceof Error ? err.message : String(err))}`);
  }

  const result = scenarioFileSchema.safeParse(data, { error: scenarioErrorMap });
  if (result.success) return result.data;
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const found of withoutEchoes(result.error.issues.flatMap((issue) => expandIssue(issue, [], data)))) {
    const position = locate(doc, lines, found.path, found.atKey);
    const problem: InputProblem = {
      source: sourceName,
      ...position,
      path: found.path,
      message: found.message,
    };
    const key = `${position.line}:${position.column}:${found.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  throw new InputError(capped(sorted(problems), sourceName));
}

function readScenarioText(path: string): string {
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new InputError({ source: path, path: [], message: 'not a file' });
    if (info.size > MAX_SCENARIO_BYTES)
      throw new InputError({
        source: path,
        path: [],
        message: `too large (${info.size} bytes): a scenario is at most ${MAX_SCENARIO_BYTES} bytes`,
      });
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(err);
    throw new InputError({ source: path, path: [], message: `cannot read: ${reason}` });
  }
}

function formatOf(sourceName: string): ScenarioFormat {
  return /\.json$/i.test(sourceName) ? 'json' : 'yaml';
}

function readDocument(
  text: string,
  lines: LineCounter,
  format: ScenarioFormat,
  fail: (m: string) => never,
): Document {
  try {
    return parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      version: '1.2',
      // The JSON schema resolves only JSON scalars, so YAML-only syntax in a .json file is an error.
      schema: format === 'json' ? 'json' : 'core',
      uniqueKeys: true,
    });
  } catch (err) {
    return fail(`cannot parse: ${printable(err instanceof Error ? err.message : String(err))}`);
  }
}

/**
 * Keys that are lists, mappings or tagged binary (`? [a, b]: 1`, `!!binary aGk=: 1`):
 * YAML allows them, JavaScript objects do not — the reader would turn each into text
 * with a warning on the process's stderr.
 */
function nonTextKeys(doc: Document, lines: LineCounter, source: string): InputProblem[] {
  const problems: InputProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      const plain = key === null || key === undefined || (isScalar(key) && isPrimitive(key.value));
      if (!plain) {
        const pos = lines.linePos((pair.key as Node).range?.[0] ?? 0);
        problems.push({
          source,
          line: pos.line,
          column: pos.col,
          path: [],
          message: 'a key must be plain text, not a list, a mapping or binary data',
        });
      }
    },
  });
  return problems;
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value);
}

function syntaxProblem(e: YAMLError, lines: LineCounter, source: string): InputProblem {
  const pos = lines.linePos(e.pos[0]);
  const message = printable(e.message.split('\n')[0]!.replace(/\s+/g, ' ').slice(0, 200));
  return { source, line: pos.line, column: pos.col, path: [], message: `syntax error: ${message}` };
}

interface FoundProblem {
  path: FieldPath;
  message: string;
  /** Report at the key rather than its value (unknown keys). */
  atKey: boolean;
  /** For a problem about absent keys: the mapping's path and the keys it lacks. */
  absent?: { object: FieldPath; keys: readonly string[] };
}

/**
 * Drops "missing required key 'class'" (or "needs one of: geo, …") when the same
 * mapping has an unknown key that is a misspelling of a missing one ('clas', 'gep'):
 * the "did you mean" line already says it all.
 */
function withoutEchoes(found: FoundProblem[]): FoundProblem[] {
  const unknownByObject = new Map<string, string[]>();
  for (const f of found)
    if (f.atKey) {
      const object = JSON.stringify(f.path.slice(0, -1));
      unknownByObject.set(object, [
        ...(unknownByObject.get(object) ?? []),
        String(f.path[f.path.length - 1]),
      ]);
    }
  return found.filter((f) => {
    if (f.absent === undefined) return true;
    const { keys } = f.absent;
    const unknown = unknownByObject.get(JSON.stringify(f.absent.object)) ?? [];
    return !unknown.some((key) => nearest(key, keys) !== undefined);
  });
}

/** The keys a custom issue says are absent (`params.missing`), if it says so. */
function absentKeys(issue: z.core.$ZodIssue): readonly string[] | undefined {
  if (issue.code !== 'custom') return undefined;
  const missing = issue.params?.['missing'];
  return Array.isArray(missing) ? missing.map(String) : undefined;
}

/** One zod issue as located problems: unknown keys one by one, unions resolved to the branch that fits. */
function expandIssue(issue: z.core.$ZodIssue, prefix: FieldPath, data: unknown): FoundProblem[] {
  const path = [...prefix, ...issue.path.map((k) => (typeof k === 'number' ? k : String(k)))];
  if (issue.code === 'unrecognized_keys') {
    const messages = issue.message.split('\n');
    return issue.keys.map((key, i) => ({
      path: [...path, key],
      message: messages[i] ?? `unknown key '${key}'`,
      atKey: true,
    }));
  }
  if (issue.code === 'invalid_union' && !('discriminator' in issue)) {
    const value = valueAt(data, path);
    if (value === undefined)
      return [{ path, message: missingKeyMessage(path), atKey: false, absent: absentAt(path) }];
    // A branch fits when the value has its type; report that branch's own problems.
    const fitting = issue.errors
      .filter((branch) => !branch.some((i) => i.path.length === 0 && i.code === 'invalid_type'))
      .sort((a, b) => a.length - b.length);
    if (fitting[0] !== undefined) return fitting[0].flatMap((i) => expandIssue(i, path, data));
    const expected = [
      ...new Set(
        issue.errors.flatMap((branch) =>
          branch.flatMap((i) =>
            i.path.length === 0 && i.code === 'invalid_type' ? [typeName(i.expected)] : [],
          ),
        ),
      ),
    ];
    const message =
      issue.message !== NO_FORM_MATCHES || expected.length === 0
        ? issue.message
        : `expected ${expected.join(' or ')}, got ${describeValue(value)}`;
    return [{ path, message, atKey: false }];
  }
  const custom = absentKeys(issue);
  if (custom !== undefined) {
    // The issue sits at the mapping, or at the absent key inside it.
    const last = path[path.length - 1];
    const object = typeof last === 'string' && custom.includes(last) ? path.slice(0, -1) : path;
    return [{ path, message: issue.message, atKey: false, absent: { object, keys: custom } }];
  }
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(data, path) === undefined;
  return [{ path, message: issue.message, atKey: false, ...(missing ? { absent: absentAt(path) } : {}) }];
}

/** A missing key at `path`: the mapping that lacks it and the key's name. */
function absentAt(path: FieldPath): { object: FieldPath; keys: readonly string[] } {
  return { object: path.slice(0, -1), keys: [String(path[path.length - 1])] };
}

/** The value at `path` in parsed data, reading own properties only. */
function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function sorted(problems: InputProblem[]): InputProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

function capped(problems: InputProblem[], source: string): InputProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { source, path: [], message: `… and ${rest} more problem${rest === 1 ? '' : 's'}` },
  ];
}
