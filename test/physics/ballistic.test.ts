// The coasting-body model shared by the world and the centre.
import { describe, expect, it } from 'vitest';
import { airRelativeVelocity, ballisticDerivative, radialAltitude } from '../../src/physics/ballistic.ts';
import { geodeticToEcef } from '../../src/physics/frames.ts';

const OMEGA = 7.292115e-5;

describe('ballistic model', () => {
  it('radial altitude is within a metre of the geodetic height below 100 km', () => {
    for (const lat of [0, 30, 45, 60, 89]) {
      for (const h of [0, 5_000, 50_000, 100_000]) {
        const p = geodeticToEcef(new Float64Array(3), (lat * Math.PI) / 180, 1, h);
        expect(Math.abs(radialAltitude(p[0]!, p[1]!, p[2]!) - h)).toBeLessThan(1);
      }
    }
  });

  it('air-relative velocity removes the co-rotating air (ω × r)', () => {
    const out = new Float64Array(3);
    // A body at rest with the Earth on the equator: no wind.
    const speed = airRelativeVelocity(out, 6_378_137, 0, 0, OMEGA * 6_378_137, 0);
    expect(speed).toBeCloseTo(0, 9);
  });

  it('without drag the derivative is gravity alone; with drag it opposes the airspeed with ½ρv²/β', () => {
    // 5 km over the equator, moving 1 km/s straight up relative to the air.
    const r = 6_378_137 + 5_000;
    const y = Float64Array.of(r, 0, 0, 1000, OMEGA * r, 0);
    const free = new Float64Array(6);
    const dragged = new Float64Array(6);
    ballisticDerivative(Number.POSITIVE_INFINITY)(0, y, free);
    ballisticDerivative(1000)(0, y, dragged);
    expect(free[0]).toBe(1000);
    // USSA76 density at 5 km is 0.73643 kg/m³ (DOMAIN.md §9.4): a = ½·ρ·v²/β.
    const expected = (0.5 * 0.73643 * 1000 * 1000) / 1000;
    expect((free[3]! - dragged[3]!) / expected).toBeCloseTo(1, 3);
    expect(Math.abs(free[4]! - dragged[4]!)).toBeLessThan(1e-9);
  });
});
