// What each viewing mode can see (DOMAIN.md §3.1, §3.5; issue 3).
//
// Look-down: any source the Earth does not hide, within the Earth's disk seen with an
// overscan shell of 500 km (burning stages stay below ~400 km, DOMAIN.md §2), so
// plumes just above the limb are in the field too.
//
// Limb: the telescope is pointed at the Earth's limb, as the first Soviet sensors were.
// A plume is declared only when it is silhouetted against space: the line of sight,
// continued beyond it, passes at least the limb margin (≈100 km of atmosphere, §3.5)
// above the Earth. The field of view is a band around the limb and reaches
// LIMB_VIEW_DEPTH_RAD inside the Earth's edge; a ground fire there is lost in the Earth
// background (§3.1), but a specular sun glint, far brighter than that background, is
// not rejected: that is how the 1983 glint off high clouds got through ("near-perfect
// geometry, relatively unsophisticated technology", §6.3).
// Why a band and not only grazing lines of sight: a horizontal cloud top reflects the
// sun into a satellite at the sun's own elevation, and at 20:15 UTC on 25 Sep 1983 the
// sun stood ≈40° above Malmstrom (§6.3). A satellite seeing that glint sees the cloud
// at ≈40° elevation, which from a Molniya apogee lies ≈1.3° inside the Earth's edge;
// a cloud point whose line of sight grazes the limb would need the sun within a few
// degrees of its horizon (glint angle ≥ 29° over the US northern fields at that hour).
import type { ReadonlyVec3 } from '../../physics/vec3.ts';
import { diskHalfAngleRad, isOccluded, offNadirRad, tangentAltitudeBeyondM } from './geometry.ts';

export type ViewMode = 'look-down' | 'limb';

/** Overscan of a look-down sensor's field above the Earth's surface, m [E]. */
export const LOOK_DOWN_SHELL_M = 500e3;

/** How far inside the Earth's edge a limb sensor's field of view reaches, rad [E]. */
export const LIMB_VIEW_DEPTH_RAD = (3 * Math.PI) / 180;

/** Whether a burning plume at target (ECI) can be declared by the sensor, geometry only. */
export function plumeInView(
  mode: ViewMode,
  sat: ReadonlyVec3,
  target: ReadonlyVec3,
  los: ReadonlyVec3,
  limbMarginM: number,
): boolean {
  if (isOccluded(sat, target)) return false;
  if (mode === 'limb') return tangentAltitudeBeyondM(sat, target) >= limbMarginM;
  return offNadirRad(sat, los) <= diskHalfAngleRad(sat, target, LOOK_DOWN_SHELL_M);
}

/** Whether a sun glint at a cloud point (ECI) falls in the sensor's field, geometry only. */
export function glintInView(
  mode: ViewMode,
  sat: ReadonlyVec3,
  point: ReadonlyVec3,
  los: ReadonlyVec3,
): boolean {
  if (isOccluded(sat, point)) return false;
  if (mode === 'look-down') return true;
  return diskHalfAngleRad(sat, point) - offNadirRad(sat, los) <= LIMB_VIEW_DEPTH_RAD;
}

/** Whether a ground heat source (ECI) falls in the sensor's field: look-down sensors only. */
export function heatSourceInView(mode: ViewMode, sat: ReadonlyVec3, site: ReadonlyVec3): boolean {
  return mode === 'look-down' && !isOccluded(sat, site);
}
