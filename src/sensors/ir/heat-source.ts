// Ground heat sources — forest fires, volcanoes, industrial flares, steel mills — that
// trigger IR early-warning sensors (DOMAIN.md §3.1: NORAD's "Missile Display
// Conferences" were held about four times a day because of them). A heat source is a
// fixed point on the ground radiating a constant intensity over its window. Only
// look-down sensors see it: a limb sensor sees only sources silhouetted against space,
// and a source on the ground is always against the Earth. The scenario's cloud top
// does not hide it: the deck is the layer a plume must climb through, and a fire the
// scenario places is one a sensor can see through a gap.
import { ecefToEci, geodeticToEcef } from '../../physics/frames.ts';
import type { Vec3Like } from '../../physics/vec3.ts';
import type { HeatSourceSpec } from '../../scenario/scenario.ts';

/** Radiant intensity of a heat source when the scenario gives none, relative to a solid-ICBM first stage [E]. */
export const DEFAULT_HEAT_SOURCE_INTENSITY = 0.5;

const ecefScratch = new Float64Array(3);

/** out = the heat source's position in ECI at Greenwich angle gmst, m. */
export function heatSourcePosition<T extends Vec3Like>(out: T, spec: HeatSourceSpec, gmst: number): T {
  return ecefToEci(out, geodeticToEcef(ecefScratch, spec.site.latRad, spec.site.lonRad, 0), gmst);
}

/** The heat source's relative intensity. */
export function heatSourceIntensity(spec: HeatSourceSpec): number {
  return spec.intensity ?? DEFAULT_HEAT_SOURCE_INTENSITY;
}
