// The import direction of DESIGN.md §2, checked on the source text: a module may
// import modules listed before it, never after; physics imports nothing of ours;
// the warning centre never imports the world (truth stays out of the centre).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const CORE_ORDER = ['physics', 'orbits', 'scenario', 'world', 'sensors', 'centre', 'exchange', 'analysis'];
const EDGES = ['store', 'bus', 'server', 'cli'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function topFolder(file: string): string {
  return relative(SRC, file).split(sep)[0] ?? '';
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const spec = m[1] ?? m[2];
    if (spec?.startsWith('.')) found.push(resolve(dirname(file), spec));
  }
  return found;
}

const files = walk(SRC);
const edges = files.flatMap((f) =>
  importsOf(f)
    .filter((target) => target.startsWith(SRC + sep))
    .map((target) => ({ from: topFolder(f), to: topFolder(target), file: relative(SRC, f) })),
);

describe('import direction (DESIGN.md §2)', () => {
  it('finds source files and imports to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('physics imports nothing of ours', () => {
    expect(edges.filter((e) => e.from === 'physics' && e.to !== 'physics')).toEqual([]);
  });

  it('the centre never imports the world', () => {
    expect(edges.filter((e) => e.from === 'centre' && e.to === 'world')).toEqual([]);
  });

  it('core modules import only modules listed before them, never an edge', () => {
    const bad = edges.filter((e) => {
      const from = CORE_ORDER.indexOf(e.from);
      if (from < 0) return false;
      const to = CORE_ORDER.indexOf(e.to);
      return to < 0 || to > from;
    });
    expect(bad).toEqual([]);
  });

  it('every source file lives in a known folder', () => {
    const known = new Set([...CORE_ORDER, ...EDGES]);
    expect(files.map(topFolder).filter((t) => !known.has(t))).toEqual([]);
  });
});
