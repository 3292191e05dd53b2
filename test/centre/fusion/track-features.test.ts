// Burn and burnout as the assessment reads them from a track's history: a track IR
// has seen burning is no longer in powered flight once its plume has gone unseen for
// PLUME_SILENCE_S, however high the boost mode rises on radar noise afterwards.
import { describe, expect, it } from 'vitest';
import { PLUME_SILENCE_S, TrackFeatures } from '../../../src/centre/fusion/track-features.ts';
import { STATE_DIM, THRUST } from '../../../src/centre/tracking/flight-state.ts';

/** A state 200 km up over the equator, moving east at 5 km/s, with thrust acceleration aT. */
function state(aT: number): Float64Array {
  const x = new Float64Array(STATE_DIM);
  x[0] = 6_578_137;
  x[4] = 5_000;
  x[THRUST] = aT;
  return x;
}

describe('TrackFeatures burnout', () => {
  it('a boost mode lifted by radar noise long after the last plume neither re-ignites nor stretches the burn', () => {
    const f = new TrackFeatures(64);
    for (let t = 0; t <= 100; t += 10) f.record(t, state(30), 0.95, true);
    // Coasting, radar only from well after the last plume: the boost mode swings high on noise.
    for (let t = 100 + PLUME_SILENCE_S + 5; t <= 400; t += 5) f.record(t, state(140), 0.9, false);
    expect(f.burnoutTimeS).toBe(100);
    expect(f.stagingTimesS).toEqual([]);
    expect(f.maxThrustAccelMps2).toBe(30);
  });

  it('within the silence a revisit gap does not end the burn; a plume seen again after staging does count', () => {
    const f = new TrackFeatures(64);
    for (let t = 0; t <= 60; t += 10) f.record(t, state(20), 0.95, true);
    f.record(60 + PLUME_SILENCE_S - 5, state(20), 0.95, false);
    expect(f.burnoutTimeS).toBeNull();
    f.record(60 + PLUME_SILENCE_S, state(0), 0.1, false); // staging: the mode falls
    expect(f.burnoutTimeS).toBe(60 + PLUME_SILENCE_S);
    f.record(100, state(40), 0.95, true); // the next stage's plume
    expect(f.burnoutTimeS).toBeNull();
    expect(f.stagingTimesS).toEqual([60 + PLUME_SILENCE_S]);
    expect(f.maxThrustAccelMps2).toBe(40);
  });
});
