// Classification from features: each hypothesis wins on the evidence that should
// drive it, and the drivers say why.
import { describe, expect, it } from 'vitest';
import { classify, type TrackEvidence } from '../../../src/centre/assessment/classify.ts';

const base: TrackEvidence = {
  kind: '3d',
  hasIr: true,
  hasRadar: true,
  burnTimeS: null,
  boosting: false,
  maxThrustAccelMps2: 0,
  burnoutSpeedMps: null,
  altitudeM: 800_000,
  earthSpeedMps: 6500,
  flightPathAngleRad: 0.2,
  orbital: false,
  rangeKm: null,
  apogeeKm: null,
  groundMotionMps: null,
};

describe('classification', () => {
  it('a solid ICBM: powered 170 s to 6.9 km/s on a 10,000 km ballistic path', () => {
    const c = classify({
      ...base,
      burnTimeS: 170,
      maxThrustAccelMps2: 40,
      burnoutSpeedMps: 6900,
      rangeKm: 10_000,
      apogeeKm: 1300,
    });
    expect(c.label).toBe('ballistic-missile');
    expect(c.probabilities['ballistic-missile']).toBeGreaterThan(0.8);
    expect(c.classEstimate?.id).toBe('icbm-solid');
    expect(c.drivers.join(' ')).toMatch(/ballistic path: 10000 km range/);
  });

  it('a liquid ICBM burns longer (250 s) and is told apart from a solid one', () => {
    const c = classify({
      ...base,
      burnTimeS: 250,
      maxThrustAccelMps2: 30,
      burnoutSpeedMps: 7000,
      rangeKm: 11_000,
      apogeeKm: 1400,
    });
    expect(c.classEstimate?.id).toBe('icbm-liquid');
  });

  it('the launch surface separates a sea-launched missile from a land-launched one of like burn and range', () => {
    // 165 s to 6.5 km/s over 8,000 km fits an SLBM and a solid ICBM alike.
    const flight = {
      ...base,
      burnTimeS: 165,
      maxThrustAccelMps2: 40,
      burnoutSpeedMps: 6500,
      rangeKm: 8_000,
      apogeeKm: 1200,
    };
    expect(classify({ ...flight, launchAtSea: true }).classEstimate?.id).toBe('slbm');
    expect(classify({ ...flight, launchAtSea: false }).classEstimate?.id).toBe('icbm-solid');
    // Without a launch estimate the surface says nothing: the fit alone decides.
    const unknown = classify({ ...flight, launchAtSea: null }).classEstimate!;
    const atSea = classify({ ...flight, launchAtSea: true }).classEstimate!;
    expect(atSea.probability).toBeGreaterThan(unknown.id === 'slbm' ? unknown.probability : 0);
  });

  it('a sounding rocket: near-vertical, apogee above its short range, modest burnout speed', () => {
    const c = classify({
      ...base,
      burnTimeS: 80,
      maxThrustAccelMps2: 40,
      burnoutSpeedMps: 4700,
      rangeKm: 1000,
      apogeeKm: 1500,
    });
    expect(c.label).toBe('sounding-rocket');
  });

  it('a space launch: orbital', () => {
    const c = classify({
      ...base,
      burnTimeS: 500,
      maxThrustAccelMps2: 30,
      burnoutSpeedMps: 7400,
      orbital: true,
    });
    expect(c.label).toBe('space-launch');
    expect(c.drivers.join(' ')).toMatch(/orbital/);
  });

  it('a glint or fire seen by one satellite: a source that stays put is false', () => {
    const c = classify({
      ...base,
      kind: 'angle-only',
      hasRadar: false,
      burnTimeS: 300,
      groundMotionMps: 40,
      altitudeM: null,
    });
    expect(c.label).toBe('false');
    expect(c.probabilities.false).toBeGreaterThan(0.9);
  });

  it('a radar track hanging high without thrust (a folded Moon echo) is false', () => {
    const c = classify({ ...base, hasIr: false, altitudeM: 1_200_000, earthSpeedMps: 300 });
    expect(c.label).toBe('false');
    expect(c.drivers.join(' ')).toMatch(/not a body in free flight/);
  });

  it('probabilities sum to one', () => {
    const c = classify(base);
    const sum = Object.values(c.probabilities).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1)).toBeLessThan(0.003);
  });
});
