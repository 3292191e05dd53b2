// Equations of motion of a rocket or a coasting body in ECI: point-mass + J2 gravity,
// drag in a co-rotating US Standard Atmosphere 1976, and thrust along a programmed
// pitch in a fixed inertial plane. State y = [x, y, z, vx, vy, vz, m] (m, m/s, kg);
// time is seconds after launch. One instance per simulation; a phase change only
// sets fields, and `derivative` allocates nothing.

import { ussa76, ussa76Density } from '../../physics/atmosphere.ts';
import { airRelativeVelocity, DRAG_CEILING_M, radialAltitude } from '../../physics/ballistic.ts';
import { gravityJ2 } from '../../physics/gravity.ts';
import type { Derivative } from '../../physics/integrate/index.ts';
import { rocketDragCoefficient } from '../vehicles.ts';
import type { PitchProgram } from './program.ts';
import { pitchAt } from './program.ts';

/** Above this altitude a powered rocket is hypersonic and Mach no longer changes its drag coefficient. */
const MACH_FREE_ALTITUDE_M = 60_000;

export class FlightDynamics {
  /** Thrust, N (0 while coasting). */
  thrustN = 0;
  /** Propellant mass flow, kg/s (0 while coasting). */
  massFlowKgS = 0;
  /** Reference area while powered, m² (drag coefficient from Mach). */
  areaM2 = 0;
  /** Ballistic coefficient while coasting, kg/m² (Infinity: no drag). */
  betaKgM2 = Number.POSITIVE_INFINITY;
  /** Include the atmosphere (drag) at all. */
  atmosphere = true;
  /** Pitch programme steering the thrust while powered. */
  program: PitchProgram | null = null;
  /** Unit normal of the inertial steering plane (thrust lies in it). */
  readonly planeNormal = new Float64Array(3);

  private readonly gravity = new Float64Array(3);
  private readonly air = new Float64Array(4);
  private readonly relative = new Float64Array(3);

  readonly derivative: Derivative = (t, y, dydt) => {
    const x = y[0]!;
    const yy = y[1]!;
    const z = y[2]!;
    const vx = y[3]!;
    const vy = y[4]!;
    const vz = y[5]!;
    const m = y[6]!;
    const g = gravityJ2(this.gravity, y);
    let ax = g[0]!;
    let ay = g[1]!;
    let az = g[2]!;

    if (this.atmosphere) {
      const h = radialAltitude(x, yy, z);
      if (h < DRAG_CEILING_M) {
        const rel = this.relative;
        const speed = airRelativeVelocity(rel, x, yy, vx, vy, vz);
        let k: number; // drag acceleration = −k · |v_rel| · v_rel
        if (this.thrustN > 0) {
          // Above MACH_FREE_ALTITUDE_M a rocket is far past Mach 3, where the drag
          // coefficient is flat: the density alone will do.
          let rho: number;
          let cd: number;
          if (h < MACH_FREE_ALTITUDE_M) {
            const air = ussa76(this.air, h);
            rho = air[2]!;
            cd = rocketDragCoefficient(air[3]! > 0 ? speed / air[3]! : 10);
          } else {
            rho = ussa76Density(h);
            cd = rocketDragCoefficient(10);
          }
          k = (0.5 * rho * cd * this.areaM2) / m;
        } else {
          k = (0.5 * ussa76Density(h)) / this.betaKgM2;
        }
        ax -= k * speed * rel[0]!;
        ay -= k * speed * rel[1]!;
        az -= k * speed * rel[2]!;
      }
    }

    if (this.thrustN > 0 && this.program !== null) {
      // Thrust direction: cos θ · (plane tangent) + sin θ · (local vertical), where the
      // tangent is normal × r̂, i.e. downrange in the fixed launch plane.
      const r = Math.sqrt(x * x + yy * yy + z * z);
      const ux = x / r;
      const uy = yy / r;
      const uz = z / r;
      const n = this.planeNormal;
      let hx = n[1]! * uz - n[2]! * uy;
      let hy = n[2]! * ux - n[0]! * uz;
      let hz = n[0]! * uy - n[1]! * ux;
      const hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
      hx /= hn;
      hy /= hn;
      hz /= hn;
      const theta = pitchAt(this.program, t);
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      const f = this.thrustN / m;
      ax += f * (c * hx + s * ux);
      ay += f * (c * hy + s * uy);
      az += f * (c * hz + s * uz);
    }

    dydt[0] = vx;
    dydt[1] = vy;
    dydt[2] = vz;
    dydt[3] = ax;
    dydt[4] = ay;
    dydt[5] = az;
    dydt[6] = -this.massFlowKgS;
  };

  setPowered(thrustN: number, massFlowKgS: number, areaM2: number): void {
    this.thrustN = thrustN;
    this.massFlowKgS = massFlowKgS;
    this.areaM2 = areaM2;
  }

  setCoasting(betaKgM2: number): void {
    this.thrustN = 0;
    this.massFlowKgS = 0;
    this.betaKgM2 = betaKgM2;
  }
}
