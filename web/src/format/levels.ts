// The alert ladder of DESIGN.md §4 as the console shows it: the fixed level names in
// order, a label each, and a colour each (the same on the panel, the globe and the
// timeline marks).
import type { Level } from '../data/types.ts';

export const LEVELS: readonly Level[] = ['event', 'launch-detected', 'launch-confirmed', 'attack-warning'];

const LABELS: Record<Level, string> = {
  event: 'Event',
  'launch-detected': 'Launch detected',
  'launch-confirmed': 'Launch confirmed',
  'attack-warning': 'ATTACK WARNING',
};

/** CSS colours, dim to alarming. */
export const LEVEL_COLOURS: Record<Level, string> = {
  event: '#8fa3b8',
  'launch-detected': '#f2c14e',
  'launch-confirmed': '#f08a3c',
  'attack-warning': '#ff3b3b',
};

export function levelLabel(level: Level): string {
  return LABELS[level];
}

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The level an alert stood at at time tS by its level history; null before it was raised. */
export function levelAt(history: ReadonlyArray<{ level: Level; timeS: number }>, tS: number): Level | null {
  let level: Level | null = null;
  for (const h of history) if (h.timeS <= tS) level = h.level;
  return level;
}
