// An infrared line of sight as an angles-only measurement of the ECI state. The report
// gives the observer (satellite) position o and the measured unit line of sight û; the
// two measured angles are taken in the tangent plane of û (gnomonic projection, the
// "tangent-plane" or "standard coordinates" of astrometry): with e₁, e₂ an orthonormal
// pair perpendicular to û and d = r − o,
//   h(x) = [e₁·d, e₂·d] / (û·d),    z = [0, 0]  (the measurement in its own frame),
//   ∂hᵢ/∂r = (eᵢ·(û·d) − (eᵢ·d)·û)ᵀ / (û·d)²,    ∂h/∂v = 0,
// noise σ² per axis (the report's sigmaRad; near û the projection is an angle to
// second order). The frame follows the measurement, so there is no wrap and no
// singularity anywhere on the sphere; the residual is 0 − h(x). The report's LOS is
// taken as geometric at its time (no light-time: ρ/c ≈ 0.13 s from GEO).

import type { MeasurementModel } from './measurement-model.ts';

/** The observer and frame of the line of sight being processed; set per report. */
export class LosGeometry {
  /** Observer position, ECI m. */
  readonly observer = new Float64Array(3);
  /** Measured unit line of sight û, and the tangent-plane axes e₁, e₂ ⟂ û. */
  readonly los = new Float64Array(3);
  readonly e1 = new Float64Array(3);
  readonly e2 = new Float64Array(3);
  sigmaRad = 1e-4;
}

/** Fills `g` from an observer position and a line of sight (normalised here). */
export function setLosGeometry(
  g: LosGeometry,
  observer: ArrayLike<number>,
  los: ArrayLike<number>,
  sigmaRad: number,
): LosGeometry {
  const lx = los[0]!;
  const ly = los[1]!;
  const lz = los[2]!;
  const inv = 1 / Math.sqrt(lx * lx + ly * ly + lz * lz);
  const u0 = lx * inv;
  const u1 = ly * inv;
  const u2 = lz * inv;
  for (let k = 0; k < 3; k++) g.observer[k] = observer[k]!;
  g.los[0] = u0;
  g.los[1] = u1;
  g.los[2] = u2;
  tangentBasis(g.e1, g.e2, u0, u1, u2);
  g.sigmaRad = sigmaRad;
  return g;
}

/** e₁, e₂: an orthonormal pair perpendicular to the unit vector u, right-handed with u (e₁ × e₂ = u). */
export function tangentBasis(e1: Float64Array, e2: Float64Array, u0: number, u1: number, u2: number): void {
  // Cross with the coordinate axis least aligned with u, for a well-conditioned e₁.
  const a0 = Math.abs(u0);
  const a1 = Math.abs(u1);
  const a2 = Math.abs(u2);
  let x: number;
  let y: number;
  let z: number;
  if (a0 <= a1 && a0 <= a2) {
    x = 0;
    y = u2;
    z = -u1;
  } else if (a1 <= a2) {
    x = -u2;
    y = 0;
    z = u0;
  } else {
    x = u1;
    y = -u0;
    z = 0;
  }
  const inv = 1 / Math.sqrt(x * x + y * y + z * z);
  e1[0] = x * inv;
  e1[1] = y * inv;
  e1[2] = z * inv;
  e2[0] = u1 * e1[2]! - u2 * e1[1]!;
  e2[1] = u2 * e1[0]! - u0 * e1[2]!;
  e2[2] = u0 * e1[1]! - u1 * e1[0]!;
}

/** Tangent-plane coordinates far outside any gate, for a point behind the observer. */
const BEHIND = 1e3;

export function createLosMeasurementModel(geometry: LosGeometry, stateDim = 8): MeasurementModel {
  const g = geometry;
  const n = stateDim;
  return {
    measDim: 2,
    stateDim: n,
    measure(out, x) {
      const dx = x[0]! - g.observer[0]!;
      const dy = x[1]! - g.observer[1]!;
      const dz = x[2]! - g.observer[2]!;
      const c = g.los[0]! * dx + g.los[1]! * dy + g.los[2]! * dz;
      if (!(c > 0)) {
        out[0] = BEHIND;
        out[1] = BEHIND;
        return out;
      }
      out[0] = (g.e1[0]! * dx + g.e1[1]! * dy + g.e1[2]! * dz) / c;
      out[1] = (g.e2[0]! * dx + g.e2[1]! * dy + g.e2[2]! * dz) / c;
      return out;
    },
    jacobian(out, x) {
      out.fill(0, 0, 2 * n);
      const dx = x[0]! - g.observer[0]!;
      const dy = x[1]! - g.observer[1]!;
      const dz = x[2]! - g.observer[2]!;
      const u = g.los;
      const c = u[0]! * dx + u[1]! * dy + u[2]! * dz;
      if (!(c > 0)) return out;
      const c2 = c * c;
      const p1 = g.e1[0]! * dx + g.e1[1]! * dy + g.e1[2]! * dz;
      const p2 = g.e2[0]! * dx + g.e2[1]! * dy + g.e2[2]! * dz;
      for (let k = 0; k < 3; k++) {
        out[k] = (g.e1[k]! * c - p1 * u[k]!) / c2;
        out[n + k] = (g.e2[k]! * c - p2 * u[k]!) / c2;
      }
      return out;
    },
    noise(out) {
      const s2 = g.sigmaRad * g.sigmaRad;
      out[0] = s2;
      out[1] = 0;
      out[2] = 0;
      out[3] = s2;
      return out;
    },
    residual(out, z, zPredicted) {
      out[0] = z[0]! - zPredicted[0]!;
      out[1] = z[1]! - zPredicted[1]!;
      return out;
    },
  };
}
