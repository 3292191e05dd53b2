import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, nearest } from '../../src/scenario/suggest.ts';

describe('damerauLevenshtein', () => {
  it('is 0 for equal words and the length of the other for an empty word', () => {
    expect(damerauLevenshtein('class', 'class')).toBe(0);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('abc', '')).toBe(3);
  });

  it('counts the textbook kitten → sitting distance as 3', () => {
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(damerauLevenshtein('calss', 'class')).toBe(1);
    expect(damerauLevenshtein('abcd', 'acbd')).toBe(1);
  });

  it('allows edits between transposed characters (true distance: ca → abc is 2, not the restricted 3)', () => {
    expect(damerauLevenshtein('ca', 'abc')).toBe(2);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['apogee', 'apogeeKm'],
      ['icbm-sold', 'icbm-solid'],
      ['lanch', 'launch'],
    ] as const)
      expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
  });
});

describe('nearest', () => {
  const keys = ['type', 'id', 'class', 'from', 'to', 'azimuth', 'at', 'profile', 'apogeeKm'];

  it('finds the intended key for one-edit misspellings', () => {
    expect(nearest('clas', keys)).toBe('class');
    expect(nearest('profil', keys)).toBe('profile');
    expect(nearest('azimuht', keys)).toBe('azimuth');
  });

  it('ignores case', () => {
    expect(nearest('Class', keys)).toBe('class');
  });

  it('suggests a name with its unit when the unit was left off', () => {
    expect(nearest('apogee', keys)).toBe('apogeeKm');
  });

  it('suggests nothing for a word unlike every candidate', () => {
    expect(nearest('velocity', keys)).toBeUndefined();
    expect(nearest('x'.repeat(1000), keys)).toBeUndefined();
  });
});
