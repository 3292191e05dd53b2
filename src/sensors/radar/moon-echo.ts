// The Moon as a radar target (DOMAIN.md §6.1, Thule 1960). Radar cross-section: 0.07 of
// its geometric disk, π·R_moon² (G. H. Pettengill, "Lunar radar reflections", Arecibo
// Ionospheric Observatory, 1965, DTIC AD0628197: the mean of measurements from 7.84 m to
// 8.6 mm, with no significant dependence on wavelength), ≈ 6.6e11 m² (118 dBsm). A
// steady (Swerling 0) target.
//
// Why a face sees it: in the reference radar equation a face calibrated on its maximum
// range R_max (detection.ts) gives the Moon
//   SNR = SNR_ref + 118.2 dB − 40·log₁₀(384,400 km / R_max),
// 53 dB for a 4,800 km BMEWS-like face and still 26 dB for a 1,000 km one: far above the
// 11–13 dB a detection needs. The echo returns after 2.56 s, so unless the face rejects
// folded echoes it is read at the folded range (ambiguity.ts).
import { eciToEcef } from '../../physics/frames.ts';
import { MOON_RADIUS_M, moonPositionEci } from '../../physics/moon.ts';
import { epochSecondsToJd } from '../../physics/time.ts';
import type { Vec3Like } from '../../physics/vec3.ts';

export const MOON_RCS_M2 = 0.07 * Math.PI * MOON_RADIUS_M * MOON_RADIUS_M;

const moonEciScratch = new Float64Array(3);

/** The Moon's centre in ECEF at t s after an epoch (Unix ms), with the GMST of t, m. */
export function moonEcef<T extends Vec3Like>(out: T, epochUnixMs: number, tS: number, gmst: number): T {
  moonPositionEci(moonEciScratch, epochSecondsToJd(epochUnixMs, tS));
  return eciToEcef(out, moonEciScratch, gmst);
}
