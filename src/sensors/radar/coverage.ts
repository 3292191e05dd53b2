// Whether a point in ECEF is inside one radar face's coverage, and if not, how long it
// must stay out. The tests, in the order they are made (cheapest first):
//   range    the echo's apparent (possibly folded) range is within the instrumented
//            range (ambiguity.ts);
//   sector   the azimuth (local WGS-84 ENU at the site) is within boresight ± half-width;
//   elevation the geodetic elevation is at most the face's maximum;
//   horizon  the target clears the minimum elevation along the refracted ray
//            (horizon.ts, RadarHorizon), on the sphere through the site's ground point:
//            target height |r| − R₀ with R₀ = |site| − site height, true central angle
//            between the site and target position vectors.
// Out-of-reach bound for culling: bound Earth objects move at most V_MAX = 12 km/s
// relative to the ground within 56,000 km of the centre (escape speed 11.2 km/s plus
// the ground's 0.47 km/s; farther out the rotation term is tangential and the range
// rate keeps below it), so a target beyond the instrumented range by Δ needs Δ/V_MAX to
// reach it, and one outside the sector needs its distance to the nearer sector plane
// over V_MAX (planes through the site's vertical: distance ρ_h·sin(excess angle), or
// ρ_h beyond 90°). No bound is given for the elevation and horizon tests, or when folded
// echoes are accepted (any distance may fold in).
import type { Site } from '../../physics/frames.ts';
import type { ReadonlyVec3 } from '../../physics/vec3.ts';
import type { RadarFaceSpec } from '../../scenario/scenario.ts';
import { apparentRangeM, defaultUnambiguousRangeM } from './ambiguity.ts';
import { RadarHorizon, type RefractionModel, STANDARD_REFRACTION } from './horizon.ts';

export type CoverageResult = 'visible' | 'range' | 'sector' | 'elevation' | 'horizon';

/** Bound on a bound Earth object's speed relative to the ground, m/s. */
export const V_MAX_MPS = 12_000;

const TWO_PI = 2 * Math.PI;

export class FaceCoverage {
  readonly site: Site;
  readonly boresightRad: number;
  readonly halfWidthRad: number;
  readonly maxElevationRad: number;
  readonly maxRangeM: number;
  readonly unambiguousRangeM: number;
  readonly rejectFolded: boolean;
  readonly horizon: RadarHorizon;
  /** Radius of the sphere the horizon test uses, m. */
  readonly sphereRadiusM: number;

  // The last look: true range, apparent range, azimuth in [0, 2π), elevation, and the
  // horizontal distance and sector excess used by the out-of-reach bound.
  rangeM = 0;
  apparentRangeM = 0;
  azRad = 0;
  elRad = 0;
  private horizontalM = 0;
  private sectorExcessRad = 0;

  constructor(site: Site, face: RadarFaceSpec, refraction: RefractionModel = STANDARD_REFRACTION) {
    this.site = site;
    this.boresightRad = face.boresightRad;
    this.halfWidthRad = face.halfWidthRad;
    this.maxElevationRad = face.maxElevationRad;
    this.maxRangeM = face.maxRangeM;
    this.unambiguousRangeM = face.unambiguousRangeM ?? defaultUnambiguousRangeM(face.maxRangeM);
    this.rejectFolded = face.rejectFoldedEchoes;
    const s = site.ecef;
    this.sphereRadiusM = Math.sqrt(s[0]! * s[0]! + s[1]! * s[1]! + s[2]! * s[2]!) - site.hM;
    this.horizon = new RadarHorizon(site.hM, face.minElevationRad, refraction, this.sphereRadiusM);
  }

  /** Classifies a target position (ECEF, m) and records the look's geometry. */
  look(p: ReadonlyVec3): CoverageResult {
    const s = this.site.ecef;
    const px = p[0]!;
    const py = p[1]!;
    const pz = p[2]!;
    const sx = s[0]!;
    const sy = s[1]!;
    const sz = s[2]!;
    const dx = px - sx;
    const dy = py - sy;
    const dz = pz - sz;
    const range = Math.sqrt(dx * dx + dy * dy + dz * dz);
    this.rangeM = range;
    const apparent = apparentRangeM(range, this.maxRangeM, this.unambiguousRangeM, this.rejectFolded);
    this.apparentRangeM = apparent;
    if (apparent < 0) return 'range';

    const e = this.site.east;
    const n = this.site.north;
    const u = this.site.up;
    const east = e[0]! * dx + e[1]! * dy;
    const north = n[0]! * dx + n[1]! * dy + n[2]! * dz;
    const up = u[0]! * dx + u[1]! * dy + u[2]! * dz;
    let az = Math.atan2(east, north);
    if (az < 0) az += TWO_PI;
    if (az >= TWO_PI) az = 0;
    const horizontal = Math.sqrt(east * east + north * north);
    this.azRad = az;
    this.elRad = Math.atan2(up, horizontal);
    this.horizontalM = horizontal;
    let off = az - this.boresightRad;
    off -= TWO_PI * Math.round(off / TWO_PI);
    const excess = Math.abs(off) - this.halfWidthRad;
    this.sectorExcessRad = excess;
    if (excess > 0) return 'sector';
    if (this.elRad > this.maxElevationRad) return 'elevation';

    // Height above the site's sphere and the central angle between site and target.
    const cx = sy * pz - sz * py;
    const cy = sz * px - sx * pz;
    const cz = sx * py - sy * px;
    const theta = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), sx * px + sy * py + sz * pz);
    const height = Math.sqrt(px * px + py * py + pz * pz) - this.sphereRadiusM;
    return this.horizon.isVisible(height, theta) ? 'visible' : 'horizon';
  }

  /** After a look that was not visible: seconds before the target could possibly be (0: no bound). */
  secondsOutOfReach(result: CoverageResult): number {
    if (!this.rejectFolded) return 0;
    if (result === 'range') return (this.rangeM - this.maxRangeM) / V_MAX_MPS;
    if (result === 'sector') {
      const excess = this.sectorExcessRad;
      return (this.horizontalM * (excess >= Math.PI / 2 ? 1 : Math.sin(excess))) / V_MAX_MPS;
    }
    return 0;
  }
}
