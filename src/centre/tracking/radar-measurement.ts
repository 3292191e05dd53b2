// A radar plot as a measurement of the ECI state: range, azimuth (clockwise from
// north), elevation and, when the face measures it, range rate, from a site on the
// rotating Earth (the report's site, rotated into ECI by GMST at the report time:
// DOMAIN.md §9.2; the centre gets GMST as a function of time, so it never reads the
// world). With d = r − s, its east/north/up components (e, n, u), ρ = |d|, ℓ = √(e²+n²)
// and w = v − ṡ (ṡ = ω×s, the site's inertial velocity):
//   h(x) = [ρ, atan2(e, n), atan2(u, ℓ), d·w/ρ]
//   ∂ρ/∂r = dᵀ/ρ,   ∂az/∂r = (n·E − e·N)ᵀ/ℓ²,   ∂el/∂r = (ℓ·U − u·(e·E + n·N)/ℓ)ᵀ/ρ²,
//   ∂ρ̇/∂r = (w − ρ̇·d/ρ)ᵀ/ρ,   ∂ρ̇/∂v = dᵀ/ρ
// with E, N, U the site's ENU unit vectors in ECI (the AER of src/physics/frames.ts, in
// which frame they are expressed does not change the angles). Noise is diagonal:
// σ_range², σ_angle² on both angles, σ_rate². The azimuth residual is wrapped to
// (−π, π]. `radarPlotToEci` converts a plot to an ECI position with its covariance
// J·R·Jᵀ (the converted measurement used for initiation and the spatial index).

import { OMEGA_EARTH } from '../../physics/constants.ts';
import { enuBasis, geodeticToEcef } from '../../physics/frames.ts';
import type { RadarReport } from '../../sensors/report.ts';
import type { MeasurementModel } from './measurement-model.ts';

const TWO_PI = 2 * Math.PI;

/** The site geometry and noise of the plot being processed; set per report, read by the model. */
export class RadarGeometry {
  /** Site position (m) and velocity (m/s) in ECI. */
  readonly site = new Float64Array(3);
  readonly siteVelocity = new Float64Array(3);
  /** ENU unit vectors of the site, in ECI. */
  readonly east = new Float64Array(3);
  readonly north = new Float64Array(3);
  readonly up = new Float64Array(3);
  sigmaRangeM = 1;
  sigmaAngleRad = 1e-3;
  sigmaRangeRateMps = 1;
}

const ecef = new Float64Array(3);
const basisE = new Float64Array(3);
const basisN = new Float64Array(3);
const basisU = new Float64Array(3);

function rotateToEci(out: Float64Array, a: Float64Array, c: number, s: number): void {
  const x = a[0]!;
  const y = a[1]!;
  out[0] = c * x - s * y;
  out[1] = s * x + c * y;
  out[2] = a[2]!;
}

/** Fills `g` from a site (geodetic rad, m), the GMST at the report time (rad) and the plot's noise. */
export function setRadarGeometry(
  g: RadarGeometry,
  site: { latRad: number; lonRad: number; hM: number },
  gmst: number,
  sigmaRangeM: number,
  sigmaAngleRad: number,
  sigmaRangeRateMps: number | null,
): RadarGeometry {
  geodeticToEcef(ecef, site.latRad, site.lonRad, site.hM);
  enuBasis(basisE, basisN, basisU, site.latRad, site.lonRad);
  const c = Math.cos(gmst);
  const s = Math.sin(gmst);
  rotateToEci(g.site, ecef, c, s);
  rotateToEci(g.east, basisE, c, s);
  rotateToEci(g.north, basisN, c, s);
  rotateToEci(g.up, basisU, c, s);
  g.siteVelocity[0] = -OMEGA_EARTH * g.site[1]!;
  g.siteVelocity[1] = OMEGA_EARTH * g.site[0]!;
  g.siteVelocity[2] = 0;
  g.sigmaRangeM = sigmaRangeM;
  g.sigmaAngleRad = sigmaAngleRad;
  g.sigmaRangeRateMps = sigmaRangeRateMps ?? 1;
  return g;
}

/** Writes a radar report's measurement vector: [range m, az rad, el rad(, range rate m/s)]. */
export function radarMeasurementVector(out: Float64Array, report: RadarReport): Float64Array {
  out[0] = report.rangeM;
  out[1] = report.azRad;
  out[2] = report.elRad;
  if (report.rangeRateMps !== null) out[3] = report.rangeRateMps;
  return out;
}

/** An angle (e.g. a difference of two azimuths) wrapped to (−π, π]. */
export function wrapAngle(a: number): number {
  let d = a % TWO_PI;
  if (d > Math.PI) d -= TWO_PI;
  else if (d <= -Math.PI) d += TWO_PI;
  return d;
}

/** The radar model on states whose first six components are ECI position and velocity. */
export function createRadarMeasurementModel(
  geometry: RadarGeometry,
  withRangeRate: boolean,
  stateDim = 8,
): MeasurementModel {
  const g = geometry;
  const m = withRangeRate ? 4 : 3;
  const n = stateDim;
  return {
    measDim: m,
    stateDim: n,
    measure(out, x) {
      const dx = x[0]! - g.site[0]!;
      const dy = x[1]! - g.site[1]!;
      const dz = x[2]! - g.site[2]!;
      const e = g.east[0]! * dx + g.east[1]! * dy + g.east[2]! * dz;
      const nn = g.north[0]! * dx + g.north[1]! * dy + g.north[2]! * dz;
      const u = g.up[0]! * dx + g.up[1]! * dy + g.up[2]! * dz;
      const rho = Math.sqrt(dx * dx + dy * dy + dz * dz);
      let az = Math.atan2(e, nn);
      if (az < 0) az += TWO_PI;
      out[0] = rho;
      out[1] = az;
      out[2] = Math.atan2(u, Math.sqrt(e * e + nn * nn));
      if (withRangeRate) {
        const wx = x[3]! - g.siteVelocity[0]!;
        const wy = x[4]! - g.siteVelocity[1]!;
        const wz = x[5]! - g.siteVelocity[2]!;
        out[3] = (dx * wx + dy * wy + dz * wz) / rho;
      }
      return out;
    },
    jacobian(out, x) {
      out.fill(0, 0, m * n);
      const dx = x[0]! - g.site[0]!;
      const dy = x[1]! - g.site[1]!;
      const dz = x[2]! - g.site[2]!;
      const E = g.east;
      const Nv = g.north;
      const U = g.up;
      const e = E[0]! * dx + E[1]! * dy + E[2]! * dz;
      const nn = Nv[0]! * dx + Nv[1]! * dy + Nv[2]! * dz;
      const u = U[0]! * dx + U[1]! * dy + U[2]! * dz;
      const rho2 = dx * dx + dy * dy + dz * dz;
      const rho = Math.sqrt(rho2);
      const l2 = e * e + nn * nn;
      const l = Math.sqrt(l2);
      for (let k = 0; k < 3; k++) {
        const dk = k === 0 ? dx : k === 1 ? dy : dz;
        out[k] = dk / rho;
        out[n + k] = (nn * E[k]! - e * Nv[k]!) / l2;
        out[2 * n + k] = (l * U[k]! - (u * (e * E[k]! + nn * Nv[k]!)) / l) / rho2;
      }
      if (withRangeRate) {
        const wx = x[3]! - g.siteVelocity[0]!;
        const wy = x[4]! - g.siteVelocity[1]!;
        const wz = x[5]! - g.siteVelocity[2]!;
        const rate = (dx * wx + dy * wy + dz * wz) / rho;
        out[3 * n] = (wx - (rate * dx) / rho) / rho;
        out[3 * n + 1] = (wy - (rate * dy) / rho) / rho;
        out[3 * n + 2] = (wz - (rate * dz) / rho) / rho;
        out[3 * n + 3] = dx / rho;
        out[3 * n + 4] = dy / rho;
        out[3 * n + 5] = dz / rho;
      }
      return out;
    },
    noise(out) {
      out.fill(0, 0, m * m);
      out[0] = g.sigmaRangeM * g.sigmaRangeM;
      out[m + 1] = g.sigmaAngleRad * g.sigmaAngleRad;
      out[2 * m + 2] = g.sigmaAngleRad * g.sigmaAngleRad;
      if (withRangeRate) out[3 * m + 3] = g.sigmaRangeRateMps * g.sigmaRangeRateMps;
      return out;
    },
    residual(out, z, zPredicted) {
      out[0] = z[0]! - zPredicted[0]!;
      out[1] = wrapAngle(z[1]! - zPredicted[1]!);
      out[2] = z[2]! - zPredicted[2]!;
      if (withRangeRate) out[3] = z[3]! - zPredicted[3]!;
      return out;
    },
  };
}

/**
 * The plot's ECI position (out, m) and its covariance (cov, 3×3, m²) = J·diag(σρ², σ², σ²)·Jᵀ
 * with J = ∂p/∂(ρ, az, el), for the geometry set from the same report.
 */
export function radarPlotToEci(
  out: Float64Array,
  cov: Float64Array | null,
  g: RadarGeometry,
  rangeM: number,
  azRad: number,
  elRad: number,
): Float64Array {
  const ce = Math.cos(elRad);
  const se = Math.sin(elRad);
  const ca = Math.cos(azRad);
  const sa = Math.sin(azRad);
  for (let k = 0; k < 3; k++) {
    const dirK = ce * sa * g.east[k]! + ce * ca * g.north[k]! + se * g.up[k]!;
    out[k] = g.site[k]! + rangeM * dirK;
  }
  if (!cov) return out;
  const sr2 = g.sigmaRangeM * g.sigmaRangeM;
  const sa2 = g.sigmaAngleRad * g.sigmaAngleRad;
  const J = plotJacobian;
  for (let k = 0; k < 3; k++) {
    J[k * 3] = ce * sa * g.east[k]! + ce * ca * g.north[k]! + se * g.up[k]!;
    J[k * 3 + 1] = rangeM * (ce * ca * g.east[k]! - ce * sa * g.north[k]!);
    J[k * 3 + 2] = rangeM * (-se * sa * g.east[k]! - se * ca * g.north[k]! + ce * g.up[k]!);
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      cov[i * 3 + j] =
        J[i * 3]! * J[j * 3]! * sr2 + (J[i * 3 + 1]! * J[j * 3 + 1]! + J[i * 3 + 2]! * J[j * 3 + 2]!) * sa2;
    }
  }
  return out;
}

const plotJacobian = new Float64Array(9);
