// Interacting multiple model (IMM) estimator (Blom & Bar-Shalom, "The interacting
// multiple model algorithm for systems with Markovian switching coefficients", IEEE
// TAC 33(8), 1988; Bar-Shalom et al. 2001, §11.6), on K modes sharing one state layout.
// A track's estimate lives in one Float64Array block:
//   [μ (K) | x₁ … x_K (K·n) | P₁ … P_K (K·n²) | x̂ (n) | P̂ (n²)]
// with μ the mode probabilities and (x̂, P̂) their moment-matched combination, used for
// gating and output.
//
// Switching is a continuous-time Markov chain with rates λᵢⱼ (1/s), so over a step of
// dt the transition probabilities are pᵢᵢ = e^(−λᵢ·dt), pᵢⱼ = (1 − e^(−λᵢ·dt))·λᵢⱼ/λᵢ
// (λᵢ = Σⱼ λᵢⱼ). A prediction over a long gap is cut into cycles of at most
// maxCycleS, each with its own mixing, as a filter running at that rate without
// measurements would: otherwise a mode that is improbable but diverging (a boost model
// extrapolated through minutes of coast) would carry its divergence into the combined
// estimate. One cycle: mixing c̄ⱼ = Σᵢ pᵢⱼμᵢ, μᵢ|ⱼ = pᵢⱼμᵢ/c̄ⱼ,
// x₀ⱼ = Σᵢ μᵢ|ⱼxᵢ, P₀ⱼ = Σᵢ μᵢ|ⱼ(Pᵢ + (xᵢ − x₀ⱼ)(xᵢ − x₀ⱼ)ᵀ); mode-matched
// prediction; update by each mode's filter with likelihood Λⱼ = N(νⱼ; 0, Sⱼ);
// μⱼ ∝ Λⱼ·c̄ⱼ; combination. Evidence without a measurement (a sensor that should have
// seen a plume and did not) enters as mode likelihoods through `weighModes`. Mode
// probabilities are kept ≥ minModeProbability so that a mode can always come back.
// Every covariance is passed through the covariance guard after each step. Optionally,
// modes that have sunk to the probability floor are pruned — they shadow the leading
// mode instead of being filtered — which halves the cost of a long ballistic coast
// (a re-ignition after minutes of coast is then recognised only through outside
// evidence: an IR detection of the plume).

import { choleskyLogDeterminant, choleskyQuadraticForm } from '../../physics/matrix.ts';
import { guardCovariance } from './covariance-guard.ts';
import type { Predictor } from './predictor.ts';
import type { Updater } from './updater.ts';

const LOG_2PI = Math.log(2 * Math.PI);

export interface ImmOptions {
  /** Switching rates λᵢⱼ (1/s), K×K row-major; the diagonal is ignored. */
  switchRates: ArrayLike<number>;
  /** Least probability a mode keeps. */
  minModeProbability: number;
  /** Least variance of each state component (for the covariance guard). */
  varianceFloor: ArrayLike<number>;
  /** Longest prediction without mixing (s). */
  maxCycleS: number;
  /**
   * Modes at or below this probability (other than the most probable) are pruned: not
   * predicted or updated but shadowing the most probable mode's estimate, their
   * likelihood taken as its likelihood, so their probability stays where it is until
   * outside evidence (weighModes) raises it. 0: no pruning.
   */
  pruneProbability?: number;
}

/** Offsets into an IMM block. */
export class ImmLayout {
  readonly modes: number;
  readonly stateDim: number;
  readonly size: number;
  readonly state: number;
  readonly covariance: number;

  constructor(modes: number, stateDim: number) {
    this.modes = modes;
    this.stateDim = stateDim;
    const n = stateDim;
    this.state = modes + modes * n + modes * n * n;
    this.covariance = this.state + n;
    this.size = this.covariance + n * n;
  }

  modeState(k: number): number {
    return this.modes + k * this.stateDim;
  }

  modeCovariance(k: number): number {
    return this.modes + this.modes * this.stateDim + k * this.stateDim * this.stateDim;
  }
}

export interface Imm {
  readonly layout: ImmLayout;
  /** Sets every mode to (x, P) with probabilities μ, and combines. */
  initialise(block: Float64Array, x: ArrayLike<number>, P: ArrayLike<number>, mu: ArrayLike<number>): void;
  /** Mixing and mode-matched prediction over dt (s), in place; dt = 0 leaves the block as it is. */
  predict(block: Float64Array, dt: number): void;
  /**
   * Updates every mode with measurement z through `updater` (its model set up for this
   * report) and re-weighs the modes. Returns ln Σⱼ μⱼΛⱼ, the log-likelihood of z under
   * the mixture (−Infinity when no mode could be updated, leaving the block unchanged).
   */
  update(block: Float64Array, z: Float64Array, updater: Updater): number;
  /**
   * Probabilistic data association update (IMM-PDA; Bar-Shalom et al. 2001, §11.7):
   * `count` measurements zs (count × m, one time, one sensor geometry) with weights
   * betas and β₀ = beta0 for "none of them". Per mode, with Kνⱼ the correction the
   * mode's filter would make for zⱼ and P^c its updated covariance,
   *   x ← x + Σβⱼ·Kνⱼ,  P ← β₀P + (1 − β₀)P^c + Σβⱼ·KνⱼKνⱼᵀ − (ΣβⱼKνⱼ)(ΣβⱼKνⱼ)ᵀ,
   * and the mode likelihood Λ = (1 − Pd·Pg) + (Pd/κ)·Σⱼ N(νⱼ; 0, S).
   */
  pdaUpdate(
    block: Float64Array,
    zs: Float64Array,
    count: number,
    betas: ArrayLike<number>,
    beta0: number,
    updater: Updater,
    detectionInGate: number,
    detectionOverClutter: number,
  ): void;
  /** Adds Q (n×n) to every mode's covariance (an uncertainty the models do not carry), then combines. */
  addCovariance(block: Float64Array, Q: ArrayLike<number>): void;
  /** μⱼ ∝ μⱼ·likelihoods[j], then combines. */
  weighModes(block: Float64Array, likelihoods: ArrayLike<number>): void;
  /** Recomputes (x̂, P̂) from the modes. */
  combine(block: Float64Array): void;
  /** Copies (x̂, P̂) out of a block. */
  readCombined(block: Float64Array, x: Float64Array, P: Float64Array): void;
}

export function createImm(predictors: readonly Predictor[], options: ImmOptions): Imm {
  const K = predictors.length;
  if (K < 1) throw new RangeError('an IMM needs at least one mode');
  const n = predictors[0]!.stateDim;
  for (const p of predictors) {
    if (p.stateDim !== n) throw new RangeError('IMM modes disagree on the state dimension');
  }
  const layout = new ImmLayout(K, n);
  const rates = Float64Array.from(options.switchRates);
  const floor = Float64Array.from(options.varianceFloor);
  const minMu = options.minModeProbability;
  const prune = options.pruneProbability ?? 0;
  const xs = Array.from({ length: K }, () => new Float64Array(n));
  const Ps = Array.from({ length: K }, () => new Float64Array(n * n));
  const mixedX = Array.from({ length: K }, () => new Float64Array(n));
  const mixedP = Array.from({ length: K }, () => new Float64Array(n * n));
  const transition = new Float64Array(K * K);
  const cbar = new Float64Array(K);
  const logLik = new Float64Array(K);
  const zPred = new Float64Array(8);
  const factor = new Float64Array(64);
  const nu = new Float64Array(8);
  const dx = new Float64Array(n);
  const xTmp = new Float64Array(n);
  const PTmp = new Float64Array(n * n);
  const Pc = new Float64Array(n * n);
  const mean = new Float64Array(n);
  const zj = new Float64Array(8);
  let corrections = new Float64Array(4 * n);

  function load(block: Float64Array): void {
    for (let k = 0; k < K; k++) {
      const xo = layout.modeState(k);
      const po = layout.modeCovariance(k);
      for (let i = 0; i < n; i++) xs[k]![i] = block[xo + i]!;
      for (let i = 0; i < n * n; i++) Ps[k]![i] = block[po + i]!;
    }
  }

  function store(block: Float64Array, sx: Float64Array[], sP: Float64Array[]): void {
    for (let k = 0; k < K; k++) {
      block.set(sx[k]!, layout.modeState(k));
      block.set(sP[k]!, layout.modeCovariance(k));
    }
  }

  /** Index of the most probable mode among the first K entries of mu. */
  function leading(mu: Float64Array): number {
    let best = 0;
    for (let k = 1; k < K; k++) if (mu[k]! > mu[best]!) best = k;
    return best;
  }

  function normaliseModes(block: Float64Array): void {
    let total = 0;
    for (let k = 0; k < K; k++) total += block[k]!;
    for (let k = 0; k < K; k++) block[k] = Math.max(minMu, block[k]! / total);
    total = 0;
    for (let k = 0; k < K; k++) total += block[k]!;
    for (let k = 0; k < K; k++) block[k] = block[k]! / total;
  }

  function combine(block: Float64Array): void {
    const xo = layout.state;
    const po = layout.covariance;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += block[k]! * block[layout.modeState(k) + i]!;
      block[xo + i] = s;
    }
    block.fill(0, po, po + n * n);
    for (let k = 0; k < K; k++) {
      const mu = block[k]!;
      const mo = layout.modeState(k);
      const mp = layout.modeCovariance(k);
      for (let i = 0; i < n; i++) dx[i] = block[mo + i]! - block[xo + i]!;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          block[po + i * n + j] = block[po + i * n + j]! + mu * (block[mp + i * n + j]! + dx[i]! * dx[j]!);
        }
      }
    }
  }

  function transitionMatrix(dt: number): void {
    for (let i = 0; i < K; i++) {
      let total = 0;
      for (let j = 0; j < K; j++) if (j !== i) total += rates[i * K + j]!;
      const stay = Math.exp(-total * dt);
      for (let j = 0; j < K; j++) {
        transition[i * K + j] = j === i ? stay : total > 0 ? ((1 - stay) * rates[i * K + j]!) / total : 0;
      }
    }
  }

  /** One IMM cycle without a measurement: mixing, then mode-matched prediction over dt. */
  function cycle(block: Float64Array, dt: number): void {
    load(block);
    transitionMatrix(Math.abs(dt));
    for (let j = 0; j < K; j++) {
      let c = 0;
      for (let i = 0; i < K; i++) c += transition[i * K + j]! * block[i]!;
      cbar[j] = c;
    }
    const lead = leading(cbar);
    for (let j = 0; j < K; j++) {
      if (j !== lead && cbar[j]! <= prune) continue;
      const x0 = mixedX[j]!;
      const P0 = mixedP[j]!;
      x0.fill(0);
      P0.fill(0);
      for (let i = 0; i < K; i++) {
        const w = (transition[i * K + j]! * block[i]!) / cbar[j]!;
        const xi = xs[i]!;
        for (let a = 0; a < n; a++) x0[a] = x0[a]! + w * xi[a]!;
      }
      for (let i = 0; i < K; i++) {
        const w = (transition[i * K + j]! * block[i]!) / cbar[j]!;
        if (w === 0) continue;
        const xi = xs[i]!;
        const Pi = Ps[i]!;
        for (let a = 0; a < n; a++) dx[a] = xi[a]! - x0[a]!;
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++) P0[a * n + b] = P0[a * n + b]! + w * (Pi[a * n + b]! + dx[a]! * dx[b]!);
        }
      }
      predictors[j]!.predict(x0, P0, dt);
      guardCovariance(P0, n, floor);
    }
    for (let j = 0; j < K; j++) {
      if (j === lead || cbar[j]! > prune) continue;
      mixedX[j]!.set(mixedX[lead]!);
      mixedP[j]!.set(mixedP[lead]!);
    }
    for (let k = 0; k < K; k++) block[k] = cbar[k]!;
    normaliseModes(block);
    store(block, mixedX, mixedP);
    combine(block);
  }

  return {
    layout,
    initialise(block, x, P, mu) {
      for (let k = 0; k < K; k++) {
        block[k] = mu[k]!;
        const xo = layout.modeState(k);
        const po = layout.modeCovariance(k);
        for (let i = 0; i < n; i++) block[xo + i] = x[i]!;
        for (let i = 0; i < n * n; i++) block[po + i] = P[i]!;
      }
      normaliseModes(block);
      combine(block);
    },
    predict(block, dt) {
      if (dt === 0) return;
      const cycles = Math.max(1, Math.ceil(Math.abs(dt) / options.maxCycleS - 1e-9));
      for (let c = 0; c < cycles; c++) cycle(block, dt / cycles);
    },
    update(block, z, updater) {
      load(block);
      const m = updater.measDim;
      const lead = leading(block);
      let best = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        if (k !== lead && block[k]! <= prune) continue;
        const x = xs[k]!;
        const P = Ps[k]!;
        if (!updater.predictMeasurement(zPred, factor, x, P)) {
          logLik[k] = Number.NEGATIVE_INFINITY;
          continue;
        }
        updater.residual(nu, z, zPred);
        const d2 = choleskyQuadraticForm(factor, nu, m);
        logLik[k] = -0.5 * d2 - 0.5 * choleskyLogDeterminant(factor, m) - 0.5 * m * LOG_2PI;
        updater.update(x, P, z, zPred, factor);
        guardCovariance(P, n, floor);
        if (logLik[k]! > best) best = logLik[k]!;
      }
      if (best === Number.NEGATIVE_INFINITY || Number.isNaN(best)) return Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        if (k === lead || block[k]! > prune) continue;
        xs[k]!.set(xs[lead]!);
        Ps[k]!.set(Ps[lead]!);
        logLik[k] = logLik[lead]!;
      }
      let mixture = 0;
      for (let k = 0; k < K; k++) {
        const w = block[k]! * Math.exp(logLik[k]! - best);
        mixture += w;
        block[k] = w;
      }
      normaliseModes(block);
      store(block, xs, Ps);
      combine(block);
      return best + Math.log(mixture);
    },
    pdaUpdate(block, zs, count, betas, beta0, updater, detectionInGate, detectionOverClutter) {
      load(block);
      const m = updater.measDim;
      if (corrections.length < count * n) corrections = new Float64Array(2 * count * n);
      for (let k = 0; k < K; k++) {
        const x = xs[k]!;
        const P = Ps[k]!;
        if (!updater.predictMeasurement(zPred, factor, x, P)) {
          logLik[k] = Number.NEGATIVE_INFINITY;
          continue;
        }
        const logNorm = -0.5 * choleskyLogDeterminant(factor, m) - 0.5 * m * LOG_2PI;
        let likelihood = 1 - detectionInGate;
        mean.fill(0);
        for (let j = 0; j < count; j++) {
          for (let d = 0; d < m; d++) zj[d] = zs[j * m + d]!;
          updater.residual(nu, zj, zPred);
          likelihood += detectionOverClutter * Math.exp(logNorm - 0.5 * choleskyQuadraticForm(factor, nu, m));
          xTmp.set(x);
          PTmp.set(P);
          updater.update(xTmp, PTmp, zj, zPred, factor);
          if (j === 0) Pc.set(PTmp);
          for (let a = 0; a < n; a++) {
            const c = xTmp[a]! - x[a]!;
            corrections[j * n + a] = c;
            mean[a] = mean[a]! + betas[j]! * c;
          }
        }
        logLik[k] = Math.log(likelihood);
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++) {
            let spread = -mean[a]! * mean[b]!;
            for (let j = 0; j < count; j++)
              spread += betas[j]! * corrections[j * n + a]! * corrections[j * n + b]!;
            P[a * n + b] = beta0 * P[a * n + b]! + (1 - beta0) * Pc[a * n + b]! + spread;
          }
        }
        for (let a = 0; a < n; a++) x[a] = x[a]! + mean[a]!;
        guardCovariance(P, n, floor);
      }
      let best = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) best = Math.max(best, logLik[k]!);
      if (!Number.isFinite(best)) return;
      for (let k = 0; k < K; k++) block[k] = block[k]! * Math.exp(logLik[k]! - best);
      normaliseModes(block);
      store(block, xs, Ps);
      combine(block);
    },
    addCovariance(block, Q) {
      for (let k = 0; k < K; k++) {
        const po = layout.modeCovariance(k);
        for (let i = 0; i < n * n; i++) block[po + i] = block[po + i]! + Q[i]!;
      }
      combine(block);
    },
    weighModes(block, likelihoods) {
      for (let k = 0; k < K; k++) block[k] = block[k]! * likelihoods[k]!;
      normaliseModes(block);
      combine(block);
    },
    combine,
    readCombined(block, x, P) {
      for (let i = 0; i < n; i++) x[i] = block[layout.state + i]!;
      for (let i = 0; i < n * n; i++) P[i] = block[layout.covariance + i]!;
    },
  };
}
