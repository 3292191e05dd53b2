// Event detection and location on the dense output of the last step. An event is a
// zero crossing of g(t, y); the crossing is detected from the signs of g at the two
// ends of a step and located by the Illinois variant of regula falsi (Dahlquist &
// Björck, Numerical Methods, 1974, §6.2.3) on g(t, interpolated y). Two crossings of
// the same g inside one step cancel out and are missed; bound hMax if that matters.
import type { Dopri5 } from './dopri5.ts';
import type { EventDirection, EventFunction } from './types.ts';

/** Events are located to within this time (s); far below the 1 ms the simulator needs. */
export const EVENT_TIME_TOLERANCE = 1e-9;

const MAX_ITERATIONS = 100;

/**
 * Whether g changed sign over a step in the wanted direction. g must be strictly on
 * the start side before the step, so an event that happened exactly at the start of an
 * integration (e.g. a restart from a located event) does not fire again.
 */
export function crosses(gBefore: number, gAfter: number, direction: EventDirection): boolean {
  const rising = gBefore < 0 && gAfter >= 0;
  const falling = gBefore > 0 && gAfter <= 0;
  return direction === 'rising' ? rising : direction === 'falling' ? falling : rising || falling;
}

/**
 * Time of the zero crossing of g inside the integrator's last step, given g at its
 * ends (opposite signs, or zero at the end). The returned time lies on the far side of
 * the crossing, at most EVENT_TIME_TOLERANCE after the crossing of the interpolant, so
 * g there already has its new sign. `scratch` (length = dimension) receives trial states.
 */
export function locateCrossing(
  integrator: Dopri5,
  g: EventFunction,
  gBefore: number,
  gAfter: number,
  scratch: Float64Array,
): number {
  // Invariant: g(a) has the start sign, g(b) the new sign (or is zero).
  let a = integrator.tPrev;
  let b = integrator.t;
  let ga = gBefore;
  let gb = gAfter;
  let side = 0;
  for (let i = 0; i < MAX_ITERATIONS && gb !== 0 && b - a > EVENT_TIME_TOLERANCE; i++) {
    let t = b - (gb * (b - a)) / (gb - ga);
    // Keep the trial strictly inside the bracket, so rounding cannot stall it at an end.
    if (!(t > a && t < b)) t = 0.5 * (a + b);
    const gt = g(t, integrator.interpolate(t, scratch));
    if (gt === 0 || gt > 0 === gb > 0) {
      b = t;
      gb = gt;
      // The same end moved twice: halve the other end's value (Illinois) to stop a one-sided crawl.
      if (side === 1) ga *= 0.5;
      side = 1;
    } else {
      a = t;
      ga = gt;
      if (side === -1) gb *= 0.5;
      side = -1;
    }
  }
  return b;
}
