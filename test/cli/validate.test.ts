// `vigil validate`: in-process through main(argv) with stdout/stderr captured, and
// once as a real child process to check the exit status the shell sees.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { positionOf } from '../scenario/position-of.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const POLAR = join(ROOT, 'scenarios/polar-icbm.yaml');
const SALVO = join(ROOT, 'scenarios/salvo.yaml');
const dir = mkdtempSync(join(tmpdir(), 'vigil-validate-'));

const BROKEN_TEXT = `name: Broken
epoch: 2026-05-01T12:00:00Z
duration: 40m
defended: [USA]
events:
  - type: launch
    id: L1
    clas: icbm-solid
    from: [95.0, 90.0]
    to: [35.0, -90.0]
    at: 60s
`;
const BROKEN = join(dir, 'broken.yaml');
writeFileSync(BROKEN, BROKEN_TEXT);

const where = (token: string) => {
  const p = positionOf(BROKEN_TEXT, token);
  return `${BROKEN}:${p.line}:${p.column}`;
};
const BROKEN_LINES = [
  `${where('clas')}: events[0].clas: unknown key 'clas' — did you mean 'class'?`,
  `${where('95.0')}: events[0].from[0]: latitude must be between -90 and 90, got 95`,
];

let out = '';
let err = '';

beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => main(['node', 'vigil', 'validate', ...args]);

describe('vigil validate (in process)', () => {
  it('exits 0 and says how many events a valid file has', async () => {
    expect(await run(POLAR, SALVO)).toBe(0);
    expect(out).toBe(`${POLAR}: valid (1 event)\n${SALVO}: valid (6 events)\n`);
    expect(err).toBe('');
  });

  it('exits 2 with one located line per problem on stderr', async () => {
    expect(await run(BROKEN)).toBe(2);
    expect(err.split('\n').filter(Boolean)).toEqual(BROKEN_LINES);
    expect(out).toBe('');
  });

  it('exits 2 with a located line when an aim point is beyond the class reach', async () => {
    const text = BROKEN_TEXT.replace('clas:', 'class:')
      .replace('icbm-solid', 'srbm')
      .replace('[95.0, 90.0]', '[55.0, 90.0]');
    const file = join(dir, 'far.yaml');
    writeFileSync(file, text);
    expect(await run(file)).toBe(2);
    const p = positionOf(text, '[35.0, -90.0]');
    expect(err).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${p.line}:${p.column}: events\\[0\\]\\.to: aim point is \\d+ km away, beyond the reach of class 'srbm' \\(at most about \\d+ km on this bearing\\)\\n$`,
      ),
    );
  });

  it('checks every file given, reporting the valid ones too', async () => {
    expect(await run(POLAR, BROKEN)).toBe(2);
    expect(out).toBe(`${POLAR}: valid (1 event)\n`);
    expect(err.split('\n').filter(Boolean)).toEqual(BROKEN_LINES);
  });

  it('prints machine-readable results with --json', async () => {
    expect(await run('--json', POLAR, BROKEN)).toBe(2);
    const doc = JSON.parse(out);
    expect(doc.files[0]).toEqual({ file: POLAR, valid: true, events: 1, problems: [] });
    expect(doc.files[1]).toMatchObject({ file: BROKEN, valid: false, events: null });
    expect(doc.files[1].problems[0]).toEqual({
      source: BROKEN,
      ...positionOf(BROKEN_TEXT, 'clas'),
      path: ['events', 0, 'clas'],
      message: "unknown key 'clas' — did you mean 'class'?",
    });
  });

  it('reports a missing file as bad input', async () => {
    const missing = join(dir, 'nope.yaml');
    expect(await run(missing)).toBe(2);
    expect(err).toBe(`${missing}: cannot read: no such file\n`);
  });

  it('refuses a directory', async () => {
    expect(await run(dir)).toBe(2);
    expect(err).toBe(`${dir}: not a file\n`);
  });

  it('needs at least one file', async () => {
    expect(await run()).toBe(2);
    expect(err).toContain("missing required argument 'file'");
  });

  it('shows help with an example', async () => {
    expect(await run('--help')).toBe(0);
    expect(out).toContain('Usage: vigil validate');
    expect(out).toContain('$ vigil validate scenarios/polar-icbm.yaml');
  });
});

describe('vigil validate (child process)', () => {
  const vigil = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/vigil.js'), 'validate', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('exits with status 2 and the located problems on stderr for a broken file', () => {
    const r = vigil(BROKEN);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(BROKEN_LINES);
    expect(r.stdout).toBe('');
  });

  it('exits with status 0 for a valid file', () => {
    const r = vigil('scenarios/polar-icbm.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('scenarios/polar-icbm.yaml: valid (1 event)\n');
  });
});
