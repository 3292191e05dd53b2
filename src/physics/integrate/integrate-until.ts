// The driver of one flight phase: steps a Dopri5 to tEnd (reached exactly, e.g. a
// burnout or staging time), samples a shared SampleGrid from the dense output, and
// watches events, stopping at the first terminal one. A multi-phase flight chains
// calls, resetting the integrator with the next phase's right-hand side from the
// returned state:
//
//   const grid = new SampleGrid(1);
//   integrator.reset(stage1, 0, y0);
//   let end = integrateUntil(integrator, { tEnd: burnout1, grid, onSample });
//   integrator.reset(coast, end.t, end.y);
//   end = integrateUntil(integrator, { tEnd: tMax, grid, onSample, events: [apogee, impact] });
//
// Per step it allocates nothing; per call it allocates a few small arrays and the result.
import type { Dopri5 } from './dopri5.ts';
import { crosses, locateCrossing } from './events.ts';
import type { SampleGrid } from './sample-grid.ts';
import type { EventSpec } from './types.ts';

/** Receives a state at time t (s); `y` is a scratch view, valid only during the call. */
export type StateListener = (t: number, y: Float64Array) => void;

export interface IntegrateUntilOptions {
  /** End of the phase (s), reached exactly unless a terminal event comes first. */
  tEnd: number;
  /** Output grid; grid times in [t0, stop time] not yet sampled are passed to onSample in order. */
  grid?: SampleGrid;
  onSample?: StateListener;
  events?: readonly EventSpec[];
  /** Called for every event that fires, terminal or not, in time order; `y` is a scratch view. */
  onEvent?: (index: number, t: number, y: Float64Array) => void;
}

export interface IntegrateUntilResult {
  /** Index in `events` of the terminal event that stopped the phase, or -1 when tEnd was reached. */
  event: number;
  /** Stop time (s): tEnd, or the event time. */
  t: number;
  /** State at t, a new array owned by the caller (pass it to reset to continue). */
  y: Float64Array;
}

const noEvents: readonly EventSpec[] = [];

/**
 * Integrates from the integrator's current (t, y) — set by reset — to options.tEnd.
 * After a terminal event the integrator has stepped past the event: reset it from the
 * result before integrating further.
 */
export function integrateUntil(integrator: Dopri5, options: IntegrateUntilOptions): IntegrateUntilResult {
  const { tEnd, grid, onSample, onEvent } = options;
  const events = options.events ?? noEvents;
  if (tEnd < integrator.t) throw new RangeError(`tEnd ${tEnd} s is before t = ${integrator.t} s`);
  const n = integrator.dimension;
  const m = events.length;
  const scratch = new Float64Array(n);
  const gBefore = new Float64Array(m);
  const gAfter = new Float64Array(m);
  const eventTimes = new Float64Array(m);
  const eventOrder = new Int32Array(m);

  const sampleUpTo = (t: number): void => {
    if (grid === undefined) return;
    for (let ts = grid.nextTime; ts <= t; ts = grid.nextTime) {
      onSample?.(ts, integrator.interpolate(ts, scratch));
      grid.next++;
    }
  };

  for (let i = 0; i < m; i++) gBefore[i] = events[i]!.g(integrator.t, integrator.y);
  if (grid !== undefined) {
    // Grid times before the start are out of reach: skip them.
    while (grid.nextTime < integrator.t) grid.next++;
  }
  sampleUpTo(integrator.t);

  while (integrator.t < tEnd) {
    integrator.step(tEnd);
    let found = 0;
    for (let i = 0; i < m; i++) {
      const event = events[i]!;
      const g = event.g(integrator.t, integrator.y);
      gAfter[i] = g;
      if (!crosses(gBefore[i]!, g, event.direction)) continue;
      const te = locateCrossing(integrator, event.g, gBefore[i]!, g, scratch);
      // Insertion into the time-ordered list of this step's events (ties keep list order).
      let j = found++;
      for (; j > 0 && eventTimes[j - 1]! > te; j--) {
        eventTimes[j] = eventTimes[j - 1]!;
        eventOrder[j] = eventOrder[j - 1]!;
      }
      eventTimes[j] = te;
      eventOrder[j] = i;
    }
    for (let j = 0; j < found; j++) {
      const te = eventTimes[j]!;
      const index = eventOrder[j]!;
      sampleUpTo(te);
      onEvent?.(index, te, integrator.interpolate(te, scratch));
      if (events[index]!.terminal) {
        return { event: index, t: te, y: integrator.interpolate(te, new Float64Array(n)) };
      }
    }
    gBefore.set(gAfter);
    sampleUpTo(integrator.t);
  }
  return { event: -1, t: integrator.t, y: Float64Array.from(integrator.y) };
}
