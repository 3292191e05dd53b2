// Event detection and location, against the analytic crossing times of a body thrown
// up under constant gravity: h(t) = h0 + v0·t − g·t²/2.
import { describe, expect, it } from 'vitest';
import { Dopri5 } from '../../../src/physics/integrate/dopri5.ts';
import { crosses, locateCrossing } from '../../../src/physics/integrate/events.ts';
import { integrateUntil } from '../../../src/physics/integrate/integrate-until.ts';
import type { Derivative, EventDirection, EventSpec } from '../../../src/physics/integrate/types.ts';

const G = 9.80665;
const H0 = 100;
const V0 = 20;
const fall: Derivative = (_t, y, dydt) => {
  dydt[0] = y[1]!;
  dydt[1] = -G;
};
/** Times at which h(t) = level, rising then falling (the later one only if level < H0). */
function crossingTimes(level: number): [number, number] {
  const root = Math.sqrt(V0 * V0 - 2 * G * (level - H0));
  return [(V0 - root) / G, (V0 + root) / G];
}
const above = (level: number) => (_t: number, y: Float64Array) => y[0]! - level;

function thrown(options: { rtol?: number; hInitial?: number } = {}): Dopri5 {
  const integrator = new Dopri5(2, { rtol: options.rtol ?? 1e-9, atol: 1e-9, hInitial: options.hInitial });
  integrator.reset(fall, 0, Float64Array.of(H0, V0));
  return integrator;
}

describe('crosses', () => {
  it('counts a change of sign only in the wanted direction', () => {
    const cases: [number, number, EventDirection, boolean][] = [
      [-1, 1, 'rising', true],
      [-1, 1, 'falling', false],
      [-1, 1, 'either', true],
      [1, -1, 'falling', true],
      [1, -1, 'rising', false],
      [1, -1, 'either', true],
      [1, 2, 'either', false],
      [-1, 0, 'rising', true],
      [1, 0, 'falling', true],
    ];
    for (const [before, after, direction, expected] of cases) {
      expect(crosses(before, after, direction)).toBe(expected);
    }
  });

  it('does not count a start exactly on zero, so a restart from an event does not fire it again', () => {
    expect(crosses(0, 1, 'either')).toBe(false);
    expect(crosses(0, -1, 'either')).toBe(false);
  });
});

describe('locateCrossing', () => {
  it('returns a time at most 1e-9 s past the crossing, where g already has its new sign', () => {
    const integrator = thrown({ hInitial: 10 });
    integrator.step(5);
    const [, tDown] = crossingTimes(90);
    const g = above(90);
    const t = locateCrossing(
      integrator,
      g,
      g(0, Float64Array.of(H0, V0)),
      g(integrator.t, integrator.y),
      new Float64Array(2),
    );
    expect(integrator.steps).toBe(1);
    expect(t - tDown).toBeGreaterThanOrEqual(0);
    expect(t - tDown).toBeLessThan(1e-9);
    expect(g(t, integrator.interpolate(t, new Float64Array(2)))).toBeLessThanOrEqual(0);
  });
});

describe('event location through integrateUntil', () => {
  it('finds ground impact at the analytic time to better than 1e-6 s and stops there', () => {
    const integrator = thrown();
    const [, tImpact] = crossingTimes(0);
    const result = integrateUntil(integrator, {
      tEnd: 100,
      events: [{ g: above(0), direction: 'falling', terminal: true }],
    });
    expect(result.event).toBe(0);
    expect(Math.abs(result.t - tImpact)).toBeLessThan(1e-6);
    expect(result.y[0]).toBeLessThanOrEqual(0);
    expect(result.y[0]).toBeGreaterThan(-1e-6);
    expect(Math.abs(result.y[1]! - (V0 - G * tImpact))).toBeLessThan(1e-6);
  });

  it('reports only the crossings in each event’s direction', () => {
    const [tUp, tDown] = crossingTimes(110);
    const g = above(110);
    const events: EventSpec[] = [
      { g, direction: 'rising', terminal: false },
      { g, direction: 'falling', terminal: false },
      { g, direction: 'either', terminal: false },
    ];
    const seen: [number, number][] = [];
    const result = integrateUntil(thrown(), { tEnd: 6, events, onEvent: (i, t) => seen.push([i, t]) });
    expect(result.event).toBe(-1);
    expect(result.t).toBe(6);
    expect(seen.map(([i]) => i).sort()).toEqual([0, 1, 2, 2]);
    for (const [i, t] of seen) {
      const expected =
        i === 0 ? tUp : i === 1 ? tDown : Math.abs(t - tUp) < Math.abs(t - tDown) ? tUp : tDown;
      expect(Math.abs(t - expected)).toBeLessThan(1e-6);
    }
  });

  it('finds two events inside one step and reports them in time order', () => {
    const [, tDown] = crossingTimes(85);
    const tApex = V0 / G;
    // Listed latest first, to show the order comes from the times.
    const events: EventSpec[] = [
      { g: above(85), direction: 'falling', terminal: false },
      { g: (_t, y) => y[1]!, direction: 'falling', terminal: false },
    ];
    const seen: [number, number][] = [];
    const integrator = thrown({ hInitial: 10 });
    integrateUntil(integrator, { tEnd: 5, events, onEvent: (i, t) => seen.push([i, t]) });
    expect(integrator.steps).toBe(1);
    expect(seen.map(([i]) => i)).toEqual([1, 0]);
    expect(Math.abs(seen[0]![1] - tApex)).toBeLessThan(1e-6);
    expect(Math.abs(seen[1]![1] - tDown)).toBeLessThan(1e-6);
  });

  it('stops at the earliest terminal event, after reporting the earlier non-terminal ones only', () => {
    const [, tDown90] = crossingTimes(90);
    const [, tImpact] = crossingTimes(0);
    const events: EventSpec[] = [
      { g: above(-5), direction: 'falling', terminal: false },
      { g: above(0), direction: 'falling', terminal: true },
      { g: above(90), direction: 'falling', terminal: false },
    ];
    const seen: number[] = [];
    // One step of 100 s holds all three crossings.
    const integrator = thrown({ rtol: 1e-3, hInitial: 100 });
    const result = integrateUntil(integrator, {
      tEnd: 100,
      events,
      onEvent: (i) => seen.push(i),
    });
    expect(integrator.steps).toBe(1);
    expect(seen).toEqual([2, 1]);
    expect(result.event).toBe(1);
    expect(Math.abs(result.t - tImpact)).toBeLessThan(1e-6);
    expect(tDown90).toBeLessThan(tImpact);
  });

  it('does not fire a terminal event again after a restart from its located state', () => {
    const integrator = thrown();
    const events: EventSpec[] = [{ g: above(110), direction: 'falling', terminal: true }];
    const first = integrateUntil(integrator, { tEnd: 10, events });
    expect(first.event).toBe(0);
    integrator.reset(fall, first.t, first.y);
    const second = integrateUntil(integrator, { tEnd: 10, events });
    expect(second.event).toBe(-1);
    expect(second.t).toBe(10);
  });
});
