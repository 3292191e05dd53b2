// The vehicle catalogue: every class reaches into its public range band, burns for
// the times DOMAIN.md §2 gives, and its plume intensity follows its thrust.
import { describe, expect, it } from 'vitest';
import { greatCircleDistance } from '../../src/physics/geodesy.ts';
import { programWith, subPoint } from '../../src/world/flight/shaping.ts';
import { FlightSimulator } from '../../src/world/flight/simulate.ts';
import { totalBurnTimeS, VEHICLES } from '../../src/world/vehicles.ts';

const DEG = Math.PI / 180;
const sim = new FlightSimulator();

/** Greatest range at full energy over a scan of final pitch, launched north from the equator. */
function maxRangeKm(cls: keyof typeof VEHICLES): number {
  let best = 0;
  for (let pitch = -5; pitch <= 60; pitch += 2.5) {
    const f = sim.fly(VEHICLES[cls], { latRad: 0, lonRad: 0, hM: 0 }, programWith(0, pitch * DEG), {
      gmstAtLaunch: 0,
      maxFlightS: 9000,
    });
    if (!f.impacted) continue;
    const p = subPoint(f.end.r, f.end.t, 0);
    best = Math.max(best, greatCircleDistance(0, 0, p.latRad, p.lonRad) / 1000);
  }
  return best;
}

describe('vehicle classes', () => {
  for (const cls of ['icbm-solid', 'icbm-liquid', 'slbm', 'irbm', 'mrbm', 'srbm'] as const) {
    it(`${cls} reaches into its range band but not far beyond it`, () => {
      const [lo, hi] = VEHICLES[cls].rangeBandKm;
      const reach = maxRangeKm(cls);
      expect(reach).toBeGreaterThan(Math.max(lo, 0.6 * hi));
      expect(reach).toBeLessThan(1.1 * hi);
    });
  }

  it('boost durations follow DOMAIN.md §2: liquid ICBM ≈250 s, solid ≈170 s, IRBM/MRBM 1–2 min', () => {
    expect(totalBurnTimeS(VEHICLES['icbm-liquid'])).toBe(250);
    expect(totalBurnTimeS(VEHICLES['icbm-solid'])).toBe(170);
    for (const cls of ['irbm', 'mrbm'] as const) {
      expect(totalBurnTimeS(VEHICLES[cls])).toBeGreaterThanOrEqual(60);
      expect(totalBurnTimeS(VEHICLES[cls])).toBeLessThanOrEqual(120);
    }
    expect(VEHICLES['sounding-rocket'].stages).toHaveLength(4);
  });

  it('first-stage plume intensity is proportional to first-stage thrust (solid ICBM = 1)', () => {
    const thrust = (cls: keyof typeof VEHICLES) => {
      const s = VEHICLES[cls].stages[0]!;
      return (s.propellantKg / s.burnTimeS) * s.ispS;
    };
    for (const cls of Object.keys(VEHICLES) as Array<keyof typeof VEHICLES>) {
      const expected = thrust(cls) / thrust('icbm-solid');
      expect(Math.abs(VEHICLES[cls].plumeIntensity / expected - 1), cls).toBeLessThan(0.2);
    }
  });
});
