// Detection model of a space IR sensor (issue 3; DOMAIN.md §2 "plume detectability",
// §3.1): a source of radiant intensity I = I_rel·I₀ at range R gives the irradiance
// E = I/R² at the aperture (no atmospheric loss: plumes count only once above the
// cloud top); SNR = E/NEI. One pixel's noise is Gaussian, so with a threshold T set
// for a per-pixel false-alarm probability Pfa (Q(T) = Pfa) the probability of
// detection is Pd = Q(T − SNR), drawn as "SNR + N(0,1) > T"; the same draw is the
// measured signal, so reported intensities scatter as the detector's would.
//
// Reference plume I₀ = 1e6 W/sr in the sensor band [E]: an order of magnitude for a
// solid-ICBM first stage in the 2.7 µm water band DSP-class sensors use (Forden,
// "SBIRS — Signal and Background", armscontrolwonk.com, on the band and on plumes
// outshining sunlit backgrounds; no public figure was found). I₀ only sets the scale
// of NEI: with NEI left to its default, detection depends on I_rel and range alone.
// Default NEI [E]: calibrated so a solid-ICBM first stage seen from GEO at the disk
// centre (R = 35,786 km) has SNR = 35, which puts a Scud-class SRBM first stage
// (I_rel 0.2) at SNR 7, Pd ≈ 0.9 — DSP "reportedly detected all the Iraqi Scud
// missiles launched" in 1991 (DOMAIN.md §3.2) — and an ICBM's upper stages at SNR
// 7–12, so they stay in view after staging. A starer dwells longer on its smaller region and
// is 4× more sensitive by default [E] (SBIRS staring sensor "superior sensitivity",
// DOMAIN.md §3.2).
import type { Rng } from '../../physics/random.ts';
import { gaussianQ, gaussianQInverse } from './gaussian-tail.ts';

/** Radiant intensity of a solid-ICBM first-stage plume (I_rel = 1), W/sr [E]. */
export const PLUME_REFERENCE_INTENSITY_W_PER_SR = 1e6;

/** Range of the calibration point: GEO altitude, the disk centre seen from GEO, m. */
export const CALIBRATION_RANGE_M = 35_786e3;

/** SNR of the reference plume at the calibration range with the default scanner NEI. */
export const CALIBRATION_SNR = 35;

/** Default noise-equivalent irradiance of a scanner, W/m² (≈ 7.8e-11). */
export const DEFAULT_SCANNER_NEI_W_PER_M2 =
  PLUME_REFERENCE_INTENSITY_W_PER_SR / (CALIBRATION_RANGE_M * CALIBRATION_RANGE_M) / CALIBRATION_SNR;

/** A starer's default NEI relative to a scanner's [E]. */
export const STARER_NEI_FACTOR = 0.25;

/** Per-pixel, per-look false-alarm probability the threshold is set for [E]. */
export const PIXEL_FALSE_ALARM_PROBABILITY = 1e-6;

/** Detection threshold in units of the noise, Q(T) = Pfa (≈ 4.753 for 1e-6). */
export const DETECTION_THRESHOLD_SNR = gaussianQInverse(PIXEL_FALSE_ALARM_PROBABILITY);

/** The sensor's NEI, W/m²: the spec's, or the default for its kind. */
export function neiOf(kind: 'scanner' | 'starer', neiWPerM2: number | null): number {
  if (neiWPerM2 !== null) return neiWPerM2;
  return kind === 'starer' ? DEFAULT_SCANNER_NEI_W_PER_M2 * STARER_NEI_FACTOR : DEFAULT_SCANNER_NEI_W_PER_M2;
}

/** Irradiance at range rangeM from a source of relative intensity relIntensity, W/m². */
export function irradianceWPerM2(relIntensity: number, rangeM: number): number {
  return (relIntensity * PLUME_REFERENCE_INTENSITY_W_PER_SR) / (rangeM * rangeM);
}

/** Probability of detection at a given SNR (linear, not dB). */
export function detectionProbability(snr: number): number {
  return gaussianQ(DETECTION_THRESHOLD_SNR - snr);
}

/**
 * One look at a source with the given SNR: the measured SNR (signal plus one draw of
 * unit Gaussian noise) when it crosses the threshold, else NaN.
 */
export function drawDetection(snr: number, rng: Rng): number {
  const measured = snr + rng.normal();
  return measured > DETECTION_THRESHOLD_SNR ? measured : Number.NaN;
}

/** Relative intensity a sensor reports for a measured SNR, assuming the range assumedRangeM. */
export function measuredRelIntensity(measuredSnr: number, neiWPerM2: number, assumedRangeM: number): number {
  return (measuredSnr * neiWPerM2 * assumedRangeM * assumedRangeM) / PLUME_REFERENCE_INTENSITY_W_PER_SR;
}
