// Range ambiguity (DOMAIN.md §6.1, the 1960 Moon echo). A pulsed radar times each echo
// from the latest pulse, so an echo from beyond the unambiguous range R_u = c/(2·PRF)
// arrives after the next pulse has gone out and is read at the folded range R mod R_u.
// Default R_u [E]: 1.1 × the face's maximum instrumented range, a listening window with
// a 10 % guard (a PRF of c/(2 R_u): 24.5 Hz for a 5,556 km face). A face that rejects
// folded echoes (pulse-to-pulse frequency or code agility, the post-1960 fix) drops
// every echo from beyond R_u.
import { SPEED_OF_LIGHT } from '../../physics/constants.ts';

export const UNAMBIGUOUS_RANGE_FACTOR = 1.1;

export function defaultUnambiguousRangeM(maxRangeM: number): number {
  return UNAMBIGUOUS_RANGE_FACTOR * maxRangeM;
}

/** Pulse repetition frequency that gives an unambiguous range, Hz. */
export function prfForUnambiguousRangeHz(unambiguousRangeM: number): number {
  return SPEED_OF_LIGHT / (2 * unambiguousRangeM);
}

/**
 * The range the face reads for an echo from true range R, m, or −1 when the echo is
 * not reported: beyond the instrumented range after folding, or folded and rejected.
 */
export function apparentRangeM(
  rangeM: number,
  maxRangeM: number,
  unambiguousRangeM: number,
  rejectFolded: boolean,
): number {
  if (rangeM < unambiguousRangeM) return rangeM <= maxRangeM ? rangeM : -1;
  if (rejectFolded) return -1;
  const folded = rangeM % unambiguousRangeM;
  return folded <= maxRangeM ? folded : -1;
}
