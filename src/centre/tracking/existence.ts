// Probability that a track is a real object that still exists, carried as log-odds and
// updated as in the integrated probabilistic data association filter (IPDA: Mušicki,
// Evans & Stanković, "Integrated probabilistic data association", IEEE TAC 39(6), 1994)
// for a single measurement chosen by the assignment:
//   prediction   r ← ps·r                     (ps: probability the object survives the step)
//   no update    odds ← odds·(1 − Pd·Pg)
//   update by z  odds ← odds·(1 − Pd·Pg + Pd·g(z)/κ)
// where Pd is the detection probability, Pg the gate probability, g(z) = N(z; ẑ, S) and
// κ the clutter density (per unit measurement volume).

/** log-odds after the survival step r ← ps·r. */
export function survivalLogOdds(logOdds: number, survival: number): number {
  // r and 1 − r from the log-odds without cancellation, then ln(ps·r) − ln(1 − ps·r).
  const r = 1 / (1 + Math.exp(-logOdds));
  const notR = 1 / (1 + Math.exp(logOdds));
  const pr = survival * r;
  return Math.log(pr) - Math.log(1 - survival + survival * notR);
}

/** log-odds after a scan in which the track got no measurement. */
export function missedLogOdds(logOdds: number, detectionInGate: number): number {
  return logOdds + Math.log1p(-detectionInGate);
}

/**
 * log-odds after an update by a measurement with log-likelihood ratio
 * ln(Pd·g(z)/κ) against clutter.
 */
export function detectedLogOdds(
  logOdds: number,
  logLikelihoodRatio: number,
  detectionInGate: number,
): number {
  const a = Math.log1p(-detectionInGate);
  // ln(e^a + e^b) without overflow.
  const hi = Math.max(a, logLikelihoodRatio);
  return logOdds + hi + Math.log(Math.exp(a - hi) + Math.exp(logLikelihoodRatio - hi));
}

export function probabilityFromLogOdds(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}

export function logOddsFromProbability(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}
