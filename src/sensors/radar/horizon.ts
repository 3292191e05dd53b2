// Radar horizon with refraction (DOMAIN.md §5.5). Tropospheric bending is modelled by
// the effective Earth: rays are straight over an Earth of radius R_e = k·R⊕ (k = 4/3 for
// the standard refractivity gradient of −39e-9 per m). On that Earth, for a site at
// height h and a target at height H (a = R_e + h, b = R_e + H):
//   horizon distance        d = √(2 R_e h + h²)              (≈ 4.12 √h[m] km at k = 4/3)
//   slant range at elev. ε  ρ = −a sin ε + √(a² sin² ε + b² − a²)
//   ground range            R_e·θ_e, θ_e the angle at the centre (law of cosines)
// Heights and local elevation angles are kept by the mapping, and a true central angle θ
// (ground distance R⊕·θ) becomes θ/k.
//
// The 4/3 Earth bends a ray along its whole length, so for targets far above the air it
// overstates refraction without bound (a geostationary satellite on the geometric
// horizon would appear 18° up, the Moon 22°). The face therefore uses a layered rule
// (`RadarHorizon`): the ray follows the k-Earth while inside a refracting layer of
// height `layerTopM` and runs straight above it. The layer top is chosen so that a
// horizontal ray is bent by 34.5′ in all, the standard refraction at the horizon
// (G. G. Bennett, "The calculation of astronomical refraction in marine navigation",
// J. Navigation 35, 1982: R = cot(h + 7.31/(h + 4.4)) arcmin at h = 0); it comes to
// 3.8 km. With layerTopM = ∞ the rule is the plain 4/3 Earth of §5.5 (its oracle
// table); with k = 1 it is geometric.

import { R_EARTH_MEAN } from '../../physics/constants.ts';

/** Standard effective-Earth factor (DOMAIN.md §5.5). */
export const STANDARD_K = 4 / 3;

/** Total bending of a horizontal ray through the whole atmosphere: 34.5′ (Bennett 1982). */
export const HORIZONTAL_REFRACTION_RAD = (34.5 / 60) * (Math.PI / 180);

/** Refraction as the face applies it: a k-Earth inside a layer, straight rays above. */
export interface RefractionModel {
  /** Effective-Earth factor inside the layer. */
  k: number;
  /** Top of the refracting layer above the sphere, m (Infinity: the plain k-Earth). */
  layerTopM: number;
}

/** Effective Earth radius k·R, m (k = 4/3, R = 6371 km: 8,494.7 km). */
export function effectiveEarthRadiusM(k = STANDARD_K, earthRadiusM = R_EARTH_MEAN): number {
  return k * earthRadiusM;
}

/** Distance to the radar horizon from an antenna at height h, m (the tangent length on the k-Earth). */
export function horizonDistanceM(
  antennaHeightM: number,
  k = STANDARD_K,
  earthRadiusM = R_EARTH_MEAN,
): number {
  const re = k * earthRadiusM;
  return Math.sqrt(2 * re * antennaHeightM + antennaHeightM * antennaHeightM);
}

/** Slant range from a site at height h to where a ray at elevation ε reaches height H, m. */
export function slantRangeM(
  targetAltM: number,
  elevationRad: number,
  k = STANDARD_K,
  earthRadiusM = R_EARTH_MEAN,
  siteAltM = 0,
): number {
  const re = k * earthRadiusM;
  const a = re + siteAltM;
  const b = re + targetAltM;
  const s = a * Math.sin(elevationRad);
  return -s + Math.sqrt(s * s + b * b - a * a);
}

/**
 * Ground range to where a ray at elevation ε from a site at height h reaches height H,
 * m along the surface (R_e·θ_e on the k-Earth, which equals R⊕·θ on the real one).
 */
export function groundRangeM(
  targetAltM: number,
  elevationRad: number,
  k = STANDARD_K,
  earthRadiusM = R_EARTH_MEAN,
  siteAltM = 0,
): number {
  const re = k * earthRadiusM;
  const rho = slantRangeM(targetAltM, elevationRad, k, earthRadiusM, siteAltM);
  // The target seen from the centre: (ρ cos ε, a + ρ sin ε) in the site's vertical plane.
  const theta = Math.atan2(rho * Math.cos(elevationRad), re + siteAltM + rho * Math.sin(elevationRad));
  return re * theta;
}

/**
 * Elevation of a target on the k-Earth, rad: a site at height h, a target at height H,
 * separated by the true central angle θ (which the k-Earth shrinks to θ/k).
 */
export function effectiveElevationRad(
  siteAltM: number,
  targetAltM: number,
  centralAngleRad: number,
  k = STANDARD_K,
  earthRadiusM = R_EARTH_MEAN,
): number {
  const re = k * earthRadiusM;
  const thetaE = centralAngleRad / k;
  const b = re + targetAltM;
  return Math.atan2(b * Math.cos(thetaE) - (re + siteAltM), b * Math.sin(thetaE));
}

/** Layer top at which a horizontal ray from the surface is bent by `bendingRad` in all, m. */
export function layerTopForBendingM(bendingRad: number, k = STANDARD_K, earthRadiusM = R_EARTH_MEAN): number {
  // A horizontal ray leaves the layer at k-Earth central angle θ_e with local elevation
  // θ_e; on the real Earth that is central angle kθ_e, so the bending is (k − 1)θ_e.
  const thetaE = bendingRad / (k - 1);
  return k * earthRadiusM * (1 / Math.cos(thetaE) - 1);
}

/** The face's default: the 4/3 Earth up to the layer that bends a horizontal ray by 34.5′. */
export const STANDARD_REFRACTION: RefractionModel = {
  k: STANDARD_K,
  layerTopM: layerTopForBendingM(HORIZONTAL_REFRACTION_RAD),
};

/**
 * Whether targets clear a face's minimum elevation along the refracted ray, for one site.
 * Positions are reduced to the site's vertical plane through the Earth's centre: a
 * target is given by its height above the sphere and its true central angle from the
 * site. Rule: the boundary is the ray leaving the site at ε_min (raised to the dip of
 * the k-Earth horizon when ε_min is below it), which is straight on the k-Earth inside
 * the layer and straight on the real Earth above it; a target is visible when it lies
 * on or above that ray. A site at or above the layer top sees geometrically.
 */
export class RadarHorizon {
  /** Effective-Earth factor in use (1 when the site is above the layer). */
  readonly k: number;
  readonly layerTopM: number;
  /** The boundary ray's elevation at the site, rad (≥ ε_min). */
  readonly boundaryElevationRad: number;
  /** Where the boundary ray leaves the layer: true central angle, rad (Infinity without a layer). */
  readonly exitAngleRad: number;
  /** The boundary ray's local elevation there, rad. */
  readonly exitElevationRad: number;
  private readonly earthRadiusM: number;
  private readonly siteAltM: number;
  private readonly cosBoundary: number;
  private readonly sinBoundary: number;
  private readonly cosExit: number;
  private readonly sinExit: number;

  constructor(
    siteAltM: number,
    minElevationRad: number,
    model: RefractionModel = STANDARD_REFRACTION,
    earthRadiusM = R_EARTH_MEAN,
  ) {
    const aboveLayer = siteAltM >= model.layerTopM;
    this.k = aboveLayer ? 1 : model.k;
    this.layerTopM = aboveLayer ? Number.POSITIVE_INFINITY : model.layerTopM;
    this.earthRadiusM = earthRadiusM;
    this.siteAltM = siteAltM;
    const re = this.k * earthRadiusM;
    const a = re + siteAltM;
    const dip = Math.acos(Math.min(1, re / a));
    const eps = Math.max(minElevationRad, -dip);
    this.boundaryElevationRad = eps;
    this.cosBoundary = Math.cos(eps);
    this.sinBoundary = Math.sin(eps);
    if (this.layerTopM === Number.POSITIVE_INFINITY) {
      this.exitAngleRad = Number.POSITIVE_INFINITY;
      this.exitElevationRad = Number.NaN;
    } else {
      const c = re + this.layerTopM;
      const rho = slantRangeM(this.layerTopM, eps, this.k, earthRadiusM, siteAltM);
      const thetaE = Math.atan2(rho * this.cosBoundary, a + rho * this.sinBoundary);
      this.exitAngleRad = this.k * thetaE;
      // A straight line keeps r·cos(local elevation) (Bouguer); it leaves the layer rising.
      this.exitElevationRad = Math.acos(Math.min(1, (a * this.cosBoundary) / c));
    }
    this.cosExit = Math.cos(this.exitElevationRad);
    this.sinExit = Math.sin(this.exitElevationRad);
  }

  /** Total bending of the boundary ray by the layer, rad (0 without a finite layer). */
  get bendingRad(): number {
    if (this.exitAngleRad === Number.POSITIVE_INFINITY) return 0;
    // On a straight line the local elevation grows by the central angle travelled.
    return this.boundaryElevationRad + this.exitAngleRad - this.exitElevationRad;
  }

  /** Whether a target at height H above the sphere, true central angle θ ∈ [0, π] away, is visible. */
  isVisible(targetAltM: number, centralAngleRad: number): boolean {
    if (targetAltM <= this.layerTopM) {
      // On the k-Earth, in the site's local frame: on or above the boundary line.
      const re = this.k * this.earthRadiusM;
      const thetaE = centralAngleRad / this.k;
      const b = re + targetAltM;
      const x = b * Math.sin(thetaE);
      const y = b * Math.cos(thetaE) - (re + this.siteAltM);
      return this.cosBoundary * y - this.sinBoundary * x >= 0;
    }
    // Above the layer: the boundary ray is still inside the layer before its exit point.
    const delta = centralAngleRad - this.exitAngleRad;
    if (delta <= 0) return true;
    const r = this.earthRadiusM + targetAltM;
    const x = r * Math.sin(delta);
    const y = r * Math.cos(delta) - (this.earthRadiusM + this.layerTopM);
    return this.cosExit * y - this.sinExit * x >= 0;
  }
}
