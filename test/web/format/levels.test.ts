import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS, LEVELS, levelAt, levelLabel, levelRank } from '../../../web/src/format/levels.ts';

describe('the alert ladder (DESIGN.md §4)', () => {
  it('has the four fixed levels in rising order', () => {
    expect(LEVELS).toEqual(['event', 'launch-detected', 'launch-confirmed', 'attack-warning']);
    expect(levelRank('attack-warning')).toBeGreaterThan(levelRank('launch-confirmed'));
  });

  it('labels each level, the attack warning in capitals', () => {
    expect(LEVELS.map(levelLabel)).toEqual([
      'Event',
      'Launch detected',
      'Launch confirmed',
      'ATTACK WARNING',
    ]);
  });

  it('gives each level its own colour', () => {
    expect(new Set(LEVELS.map((l) => LEVEL_COLOURS[l])).size).toBe(4);
  });

  it('reads the level at a time from the level history', () => {
    const history = [
      { level: 'event' as const, timeS: 115 },
      { level: 'launch-detected' as const, timeS: 115 },
      { level: 'launch-confirmed' as const, timeS: 275 },
      { level: 'attack-warning' as const, timeS: 275 },
    ];
    expect(levelAt(history, 100)).toBeNull();
    expect(levelAt(history, 115)).toBe('launch-detected');
    expect(levelAt(history, 274.9)).toBe('launch-detected');
    expect(levelAt(history, 275)).toBe('attack-warning');
  });
});
