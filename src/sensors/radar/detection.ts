// Detection probability and the radar equation in reference form (DOMAIN.md §5.1–5.3).
// SNR is a linear power ratio unless the name says dB; a square-law detector with noise
// normalised to unit power and threshold T = −ln Pfa throughout.
//
// - Albersheim (Proc. IEEE 69(7):839, 1981), as in MathWorks `albersheim`:
//   A = ln(0.62/Pfa), B = ln(Pd/(1 − Pd)),
//   SNR_dB = −5 log₁₀ N + (6.2 + 4.54/√(N + 0.44))·log₁₀(A + 0.12·A·B + 1.7·B)
//   (0.12 multiplies A·B and 1.7 multiplies B; a common copy swaps them). Inverse from
//   DOMAIN.md §5.2: Z = (SNR_dB + 5 log₁₀ N)/(6.2 + 4.54/√(N + 0.44)),
//   B = (10^Z − A)/(1.7 + 0.12·A), Pd = 1/(1 + e^(−B)).
// - Swerling I, one pulse: Pd = Pfa^(1/(1 + SNR)) (Swerling 1960; DOMAIN.md §5.3).
// - Swerling III, one pulse (Marcum's exact result, B. R. Mahafza and A. Z. Elsherbeni,
//   "MATLAB Simulations for Radar Systems Design", 2004, eq. 2.81 with n_P = 1):
//   Pd = e^(−T/(1 + SNR/2))·(1 + 2/SNR)^(−1)·(1 + T/(1 + SNR/2) + 2/SNR)
//      = e^(−T/(1 + SNR/2))·(1 + 2·SNR·T/(2 + SNR)²),
//   which is also what averaging the steady-target Pd over a χ² (4 DOF) RCS gives.
// - Steady target (Swerling 0), exact square law: Pd = Q₁(√(2·SNR), √(2T)), the Marcum
//   Q function, summed as a Poisson mixture: the detector output is Gamma(1 + J, 1) with
//   J ~ Poisson(SNR), so Pd = Σ_m Poisson(m; SNR)·P[Poisson(T) ≤ m]. All terms are
//   positive: no cancellation.
// - Radar equation (§5.1, simulator form): SNR = SNR_ref·(σ/σ_ref)·(R_ref/R)⁴ with
//   σ_ref = 1 m², the reference the scenario's `refSnrDb` is written for.
// - Calibration from a face's maximum range (the published figure, §4): a steady 1 m²
//   target is detected with Pd = 0.5 at the maximum range on one look, so
//   SNR_ref = Albersheim(0.5, Pfa, 1) at R_ref = maxRangeM (11.23 dB at Pfa 1e-6).
//   A fluctuating 1 m² target there has Pd ≈ 0.38 (Swerling I); a 10 m² stage is seen
//   to the maximum range and a 0.01 m² RV to about 0.32 of it.

/** Reference target of the radar equation, m². */
export const REFERENCE_RCS_M2 = 1;
/** Pd of a steady reference target at the calibration range. */
export const CALIBRATION_PD = 0.5;

export function dbToRatio(db: number): number {
  return 10 ** (db / 10);
}

export function ratioToDb(ratio: number): number {
  return 10 * Math.log10(ratio);
}

/** Square-law detection threshold in noise-power units for a false-alarm probability. */
export function thresholdForPfa(pfa: number): number {
  return -Math.log(pfa);
}

/** Albersheim's required SNR, dB, for Pd and Pfa with N pulses integrated noncoherently. */
export function albersheimSnrDb(pd: number, pfa: number, n = 1): number {
  const a = Math.log(0.62 / pfa);
  const b = Math.log(pd / (1 - pd));
  return -5 * Math.log10(n) + (6.2 + 4.54 / Math.sqrt(n + 0.44)) * Math.log10(a + 0.12 * a * b + 1.7 * b);
}

/** Albersheim inverted: Pd of a steady target at SNR (dB), Pfa, N pulses. */
export function albersheimPd(snrDb: number, pfa: number, n = 1): number {
  const a = Math.log(0.62 / pfa);
  const z = (snrDb + 5 * Math.log10(n)) / (6.2 + 4.54 / Math.sqrt(n + 0.44));
  const b = (10 ** z - a) / (1.7 + 0.12 * a);
  return 1 / (1 + Math.exp(-b));
}

/** Swerling I single-look Pd (linear SNR). */
export function swerling1Pd(snr: number, pfa: number): number {
  return pfa ** (1 / (1 + snr));
}

/** Swerling III single-look Pd (linear SNR). */
export function swerling3Pd(snr: number, pfa: number): number {
  const t = thresholdForPfa(pfa);
  const half = 1 + snr / 2;
  return Math.exp(-t / half) * (1 + (2 * snr * t) / ((2 + snr) * (2 + snr)));
}

/** (√SNR − √T)² beyond which a steady target's miss probability is below e^−745 (Pd = 1 in doubles). */
const STEADY_CERTAIN_EXPONENT = 745;

/** Exact single-look Pd of a steady (Swerling 0) target with a square-law detector (linear SNR). */
export function steadyTargetPd(snr: number, pfa: number): number {
  const t = thresholdForPfa(pfa);
  if (snr <= 0) return pfa;
  const margin = Math.sqrt(snr) - Math.sqrt(t);
  if (margin > 0 && margin * margin > STEADY_CERTAIN_EXPONENT) return 1;
  const logSnr = Math.log(snr);
  const last = Math.ceil(snr + 12 * Math.sqrt(snr) + 40);
  let logPoissonSnr = -snr;
  let poissonT = Math.exp(-t);
  let cdfT = poissonT;
  let pd = Math.exp(logPoissonSnr) * cdfT;
  for (let m = 1; m <= last; m++) {
    logPoissonSnr += logSnr - Math.log(m);
    poissonT *= t / m;
    cdfT += poissonT;
    pd += Math.exp(logPoissonSnr) * Math.min(1, cdfT);
  }
  return Math.min(1, pd);
}

/** SNR (linear) of a target of σ m² at range R m, from the reference SNR of 1 m² at R_ref. */
export function snrAtRange(refSnr: number, refRangeM: number, rcsM2: number, rangeM: number): number {
  const q = refRangeM / rangeM;
  const q2 = q * q;
  return refSnr * (rcsM2 / REFERENCE_RCS_M2) * q2 * q2;
}

/** Reference SNR, dB, that calibrates a face on its maximum range: 1 m² steady target at Pd 0.5. */
export function calibratedRefSnrDb(pfa: number): number {
  return albersheimSnrDb(CALIBRATION_PD, pfa, 1);
}
