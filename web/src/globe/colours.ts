// Colours of the globe, shared by its layers (Cesium colours made once).
import { Color } from 'cesium';
import type { Level } from '../data/types.ts';
import { LEVEL_COLOURS } from '../format/levels.ts';

export const TRACK_COLOURS = {
  ballistic: Color.fromCssColorString('#ff5a5a'),
  space: Color.fromCssColorString('#7fd1ff'),
  false: Color.fromCssColorString('#9a9a9a'),
  other: Color.fromCssColorString('#ffd166'),
} as const;

export type TrackColourKey = keyof typeof TRACK_COLOURS;

/** The colour class of a track from the centre's classification. */
export function trackColourKey(classification: string): TrackColourKey {
  if (classification === 'ballistic-missile') return 'ballistic';
  if (classification === 'false') return 'false';
  if (classification.includes('space') || classification === 'slv') return 'space';
  return 'other';
}

export const SENSOR_COLOURS = {
  idle: Color.fromCssColorString('#4f6d86'),
  active: Color.fromCssColorString('#3ee07a'),
  quiet: Color.fromCssColorString('#7fb2d9'),
  flagged: Color.fromCssColorString('#ff3b3b'),
} as const;

export const FAN_FILL = Color.fromCssColorString('#00c8ff').withAlpha(0.12);
export const FAN_EDGE = Color.fromCssColorString('#00c8ff').withAlpha(0.55);
export const SATELLITE_COLOUR = Color.fromCssColorString('#c6f0ff');
export const ORBIT_COLOUR = Color.fromCssColorString('#c6f0ff').withAlpha(0.35);
export const REGARD_COLOUR = Color.fromCssColorString('#c6f0ff').withAlpha(0.5);
export const TERRITORY_COLOUR = Color.fromCssColorString('#5fe0a0').withAlpha(0.85);
export const TRUTH_COLOUR = Color.WHITE.withAlpha(0.9);

const levelColours = new Map<Level, Color>();
export function levelColour(level: Level): Color {
  let c = levelColours.get(level);
  if (!c) {
    c = Color.fromCssColorString(LEVEL_COLOURS[level]);
    levelColours.set(level, c);
  }
  return c;
}
