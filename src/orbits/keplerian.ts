// Propagation of mean Keplerian elements with the secular J2 drift of the node, the
// argument of perigee and the mean anomaly (Vallado, Fundamentals of Astrodynamics and
// Applications, §9.6; rates from physics/kepler.ts `j2SecularRates`, WGS-84 μ, J2 and
// equatorial radius, DOMAIN.md §3.4, §9.1). Periodic J2 terms, drag and third bodies
// are left out: over a scenario's hours they move an early-warning satellite by a few
// km at most, far below what the sensor models resolve.
// Position from Kepler's equation (physics/kepler.ts `solveKepler`) in the perifocal
// frame, rotated by (Ω, i, ω). The velocity is the exact time derivative of that
// position, the drifting frame included, so finite differences of `state` agree with it.
import { RAD } from '../physics/constants.ts';
import { j2SecularRates, orbitalPeriodS, solveKepler } from '../physics/kepler.ts';
import type { KeplerianElements, SatelliteOrbit } from './orbit.ts';

export interface KeplerianOrbitOptions {
  /** Apply the J2 secular rates (default true); false gives the pure two-body orbit. */
  j2?: boolean;
  /** What describe() calls the orbit (default 'Keplerian'). */
  name?: string;
}

export class KeplerianOrbit implements SatelliteOrbit {
  readonly elements: Readonly<KeplerianElements>;
  readonly periodS: number;
  /** Secular rates used, rad/s: node, argument of perigee, mean anomaly. */
  readonly raanRateRadPerS: number;
  readonly argpRateRadPerS: number;
  readonly meanAnomalyRateRadPerS: number;
  private readonly name: string;
  private readonly cosI: number;
  private readonly sinI: number;
  /** Semi-minor axis b = a√(1 − e²), m. */
  private readonly bM: number;

  /** Throws RangeError unless a > 0, 0 ≤ e < 1 and every element is finite. */
  constructor(elements: KeplerianElements, options: KeplerianOrbitOptions = {}) {
    const { aM, e, incRad, raanRad, argpRad, meanAnomalyRad, elementsEpochS } = elements;
    const finite = [aM, e, incRad, raanRad, argpRad, meanAnomalyRad, elementsEpochS].every(Number.isFinite);
    if (!finite || !(aM > 0) || !(e >= 0 && e < 1)) {
      throw new RangeError(
        `Keplerian elements need finite values with a > 0 and 0 <= e < 1, got a = ${aM} m, e = ${e}`,
      );
    }
    this.elements = { aM, e, incRad, raanRad, argpRad, meanAnomalyRad, elementsEpochS };
    this.name = options.name ?? 'Keplerian';
    this.periodS = orbitalPeriodS(aM);
    const rates = j2SecularRates(aM, e, incRad);
    const j2 = options.j2 ?? true;
    this.raanRateRadPerS = j2 ? rates.raanDotRadPerS : 0;
    this.argpRateRadPerS = j2 ? rates.argpDotRadPerS : 0;
    this.meanAnomalyRateRadPerS = j2 ? rates.meanMotionRadPerS : rates.keplerMeanMotionRadPerS;
    this.cosI = Math.cos(incRad);
    this.sinI = Math.sin(incRad);
    this.bM = aM * Math.sqrt(1 - e * e);
  }

  state(outPos: Float64Array, outVel: Float64Array | null, tS: number): boolean {
    if (!Number.isFinite(tS)) return false;
    const el = this.elements;
    const dt = tS - el.elementsEpochS;
    const raan = el.raanRad + this.raanRateRadPerS * dt;
    const argp = el.argpRad + this.argpRateRadPerS * dt;
    const e = el.e;
    const a = el.aM;
    const eccAnomaly = solveKepler(el.meanAnomalyRad + this.meanAnomalyRateRadPerS * dt, e);
    const cosE = Math.cos(eccAnomaly);
    const sinE = Math.sin(eccAnomaly);
    // Perifocal coordinates: x towards perigee, y along the motion at perigee.
    const xp = a * (cosE - e);
    const yp = this.bM * sinE;
    const cosO = Math.cos(raan);
    const sinO = Math.sin(raan);
    const cosW = Math.cos(argp);
    const sinW = Math.sin(argp);
    const cosI = this.cosI;
    const px = cosO * cosW - sinO * sinW * cosI;
    const py = sinO * cosW + cosO * sinW * cosI;
    const pz = sinW * this.sinI;
    const qx = -cosO * sinW - sinO * cosW * cosI;
    const qy = -sinO * sinW + cosO * cosW * cosI;
    const qz = cosW * this.sinI;
    const rx = xp * px + yp * qx;
    const ry = xp * py + yp * qy;
    outPos[0] = rx;
    outPos[1] = ry;
    outPos[2] = xp * pz + yp * qz;
    if (outVel !== null) {
      const eDot = this.meanAnomalyRateRadPerS / (1 - e * cosE);
      // In-plane motion plus the turn of the line of apsides (ω̇ ĥ × r in perifocal form)...
      const argpDot = this.argpRateRadPerS;
      const vxp = -a * sinE * eDot - argpDot * yp;
      const vyp = this.bM * cosE * eDot + argpDot * xp;
      // ...plus the regression of the node, Ω̇ ẑ × r.
      const raanDot = this.raanRateRadPerS;
      outVel[0] = vxp * px + vyp * qx - raanDot * ry;
      outVel[1] = vxp * py + vyp * qy + raanDot * rx;
      outVel[2] = vxp * pz + vyp * qz;
    }
    return true;
  }

  describe(): string {
    const el = this.elements;
    return (
      `${this.name}: a ${(el.aM / 1000).toFixed(1)} km, e ${el.e.toFixed(4)}, i ${(el.incRad * RAD).toFixed(2)}°, ` +
      `RAAN ${(el.raanRad * RAD).toFixed(2)}°, argp ${(el.argpRad * RAD).toFixed(2)}°, ` +
      `M ${(el.meanAnomalyRad * RAD).toFixed(2)}° at t = ${el.elementsEpochS} s`
    );
  }
}
