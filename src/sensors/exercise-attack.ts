// The "exercise tape" a replay fault feeds into a sensor (1979: a training scenario
// of a full-scale attack run on an operational computer, DOMAIN.md §6.2). A canned,
// physically flown raid — ICBMs from the Soviet-era fields region and SLBMs off the
// US coasts — starting when the fault starts. Each replaying sensor sees it through
// its own model, so the fake picture is self-consistent for that sensor alone.

import { isoFromUnixMs } from '../physics/time.ts';
import { parseScenario } from '../scenario/load.ts';
import { generateTruth } from '../world/generate.ts';
import type { Truth } from '../world/truth.ts';

/** Replay sources a `sensor-fault` of kind `replay` may name. */
export const REPLAY_SOURCES = ['exercise-attack'] as const;

const cache = new Map<string, Truth>();

/** The exercise raid as truth, launched from `startS` after the epoch, watched until `durationS`. */
export function exerciseAttackTruth(epochUnixMs: number, startS: number, durationS: number): Truth {
  const key = `${epochUnixMs}:${startS}:${durationS}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const at = (s: number) => Math.max(0, Math.round(startS + s));
  const text = `name: exercise attack (replayed data)
epoch: ${isoFromUnixMs(epochUnixMs).replace('.000Z', 'Z')}
duration: ${Math.ceil(durationS)}
defended: []
events:
  - { type: launch, id: X-ICBM-A, class: icbm-liquid, from: [51.1, 59.8], to: [41.2, -96.0], at: ${at(0)}, count: 6, spacing: 10s }
  - { type: launch, id: X-ICBM-B, class: icbm-solid, from: [55.0, 90.0], to: [47.5, -111.2], at: ${at(20)}, count: 6, spacing: 10s }
  - { type: launch, id: X-SLBM-W, class: slbm, from: [45.0, -140.0], to: [38.5, -121.5], at: ${at(40)}, count: 3, spacing: 15s }
  - { type: launch, id: X-SLBM-E, class: slbm, from: [38.0, -60.0], to: [38.9, -77.0], at: ${at(50)}, count: 3, spacing: 15s }
`;
  const truth = generateTruth(parseScenario(text, 'exercise-attack'));
  cache.set(key, truth);
  return truth;
}
